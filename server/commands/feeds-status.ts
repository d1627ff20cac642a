// `civic-widgets feeds status --feeds <dir>`: builds every feed of the folder once, as `serve` would,
// and says for each feed and source what was read, what failed and what was dropped.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FeedError, loadFeeds, type FeedStatus } from '../feed-catalog.js';

export const usage = `civic-widgets feeds status --feeds <dir> [--json]`;

export const options = {
  feeds: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Resolves to the exit code: 0 when every feed and source built, 1 otherwise, 2 for a usage mistake. */
export async function run(argv: string[], io = { out: (text: string) => void process.stdout.write(text), err: (line: string) => console.error(line) }): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options, allowPositionals: false }));
  } catch (error) {
    io.err(`civic-widgets feeds status: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) return io.out(`${usage}\n`), 0;
  if (!values.feeds) {
    io.err(`civic-widgets feeds status: --feeds <dir> is required\n\n${usage}`);
    return 2;
  }
  let status: FeedStatus[];
  try {
    const catalog = await loadFeeds(resolve(values.feeds), { strict: false, log: () => {} });
    status = catalog.status();
    catalog.close();
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    io.err(`civic-widgets feeds status: ${error.message}`);
    return 1;
  }
  if (values.json) io.out(`${JSON.stringify(status, null, 2)}\n`);
  else io.out(status.map(describe).join(''));
  return status.some((feed) => feed.error || feed.sources.some((source) => source.error)) ? 1 : 0;
}

function describe(feed: FeedStatus): string {
  const head = feed.served
    ? `/feeds/${feed.name}.json\tok\t${feed.sessions} sessions, ${feed.recordings} recordings, ${feed.polls} polls\t(${feed.file})`
    : `/feeds/${feed.name}.json\tnot served\t(${feed.file})`;
  const lines = [head];
  if (feed.error) lines.push(`  error: ${feed.error}`);
  for (const source of feed.sources) {
    lines.push(`  ${source.type}\t${source.location}\t${source.error ? 'FAILED' : 'ok'}${source.refreshSeconds ? `\tevery ${source.refreshSeconds} s` : ''}`);
    if (source.error) lines.push(`    error: ${source.error}`);
    for (const warning of source.warnings) lines.push(`    warning: ${warning}`);
  }
  return `${lines.join('\n')}\n`;
}
