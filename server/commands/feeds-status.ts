// `civic-widgets feeds status --feeds <dir>`: builds every feed of the folder once, as `serve` would,
// and says for each feed and source what was read, what failed and what was dropped.
import { resolve } from 'node:path';
import { FeedError, loadFeeds, type FeedStatus } from '../feed-catalog.js';
import { defineCommand, expectPositionals, requireFeeds, UsageError } from './command.js';

export const feeds = defineCommand({
  name: 'feeds',
  usage: `civic-widgets feeds status --feeds <dir> [--json]`,
  options: { feeds: { type: 'string' }, json: { type: 'boolean', default: false } },
  /** Exit 0 when every feed and source built, 1 otherwise. */
  async run(values, positionals) {
    expectPositionals(feeds, positionals, 1, 1, 'the action: feeds status');
    if (positionals[0] !== 'status') throw new UsageError(`feeds: unknown action "${positionals[0]}" (expected status)`, feeds);
    let status: FeedStatus[];
    try {
      const catalog = await loadFeeds(resolve(requireFeeds(feeds, values.feeds)), { strict: false, log: () => {} });
      status = catalog.status();
      catalog.close();
    } catch (error) {
      if (!(error instanceof FeedError)) throw error;
      console.error(`civic-widgets feeds status: ${error.message}`);
      return 1;
    }
    process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : status.map(describe).join(''));
    return status.some((feed) => feed.error || feed.sources.some((source) => source.error)) ? 1 : 0;
  },
});

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
