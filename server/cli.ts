import { stat } from 'node:fs/promises';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp, DEFAULT_VOTE_RATE } from './app.js';
import { FeedError, loadFeeds } from './feed-catalog.js';
import { packageRoot } from './package-root.js';
import { PollService } from './poll-service.js';
import { votesCsv } from './routes/admin.js';
import { DEFAULT_QUESTION_RATE } from './routes/questions.js';
import { openStore, StoreError } from './storage/store.js';

const USAGE = `civic-widgets serve --feeds <dir> [--port 8787] [--host 127.0.0.1] [--db civic.db]
                    [--site <dir> | --demo] [--cors-origin <origin>]... [--vote-rate <n/min/IP>]
                    [--question-rate <n/min/IP>] [--trust-proxy]
civic-widgets polls list --feeds <dir> [--db civic.db]
civic-widgets polls open|close|reset <pollId> --feeds <dir> [--db civic.db]
civic-widgets polls export <pollId> --feeds <dir> [--db civic.db] [--csv]

DATABASE_URL=postgres://… uses PostgreSQL instead of the SQLite file (several processes share it).
CIVIC_ADMIN_TOKEN=… enables the admin HTTP API under /api/admin/ (Authorization: Bearer …).`;

const OPTIONS = {
  feeds: { type: 'string' },
  port: { type: 'string', default: '8787' },
  host: { type: 'string', default: '127.0.0.1' },
  db: { type: 'string', default: 'civic.db' },
  site: { type: 'string' },
  demo: { type: 'boolean', default: false },
  'cors-origin': { type: 'string', multiple: true },
  'vote-rate': { type: 'string', default: String(DEFAULT_VOTE_RATE) },
  'question-rate': { type: 'string', default: String(DEFAULT_QUESTION_RATE) },
  'trust-proxy': { type: 'boolean', default: false },
  csv: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  const [command, action, pollId] = positionals;
  if (values.help || !command) return void console.log(USAGE);
  if (!values.feeds) throw new UsageError('--feeds <dir> is required');
  if (command === 'serve') return serve(values);
  if (command === 'polls') return polls(values, action, pollId);
  throw new UsageError(`unknown command "${command}"`);
}

async function serve(values: Values): Promise<void> {
  const port = Number(values.port);
  const voteRate = Number(values['vote-rate']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port}: expected 0..65535`);
  if (!Number.isInteger(voteRate) || voteRate < 1) throw new UsageError(`--vote-rate ${values['vote-rate']}: expected a whole number ≥ 1`);
  const questionRate = Number(values['question-rate']);
  if (!Number.isInteger(questionRate) || questionRate < 1) {
    throw new UsageError(`--question-rate ${values['question-rate']}: expected a whole number ≥ 1`);
  }
  const siteDir = values.demo ? join(packageRoot, 'demo') : values.site && resolve(values.site);
  // A mistyped --site would otherwise start a server that answers 404 for every page.
  if (siteDir && !(await stat(siteDir).then((found) => found.isDirectory(), () => false))) {
    throw new UsageError(`--site ${values.site}: not a folder`);
  }
  const catalog = await loadFeeds(resolve(values.feeds!), values.demo ? { anchorDates: Date.now() } : {});
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, sqliteFile: resolve(values.db) });
  const app = await buildApp({
    catalog,
    store,
    siteDir,
    corsOrigins: values['cors-origin'],
    voteRatePerMinute: voteRate,
    questionRatePerMinute: questionRate,
    adminToken: process.env.CIVIC_ADMIN_TOKEN || undefined,
    trustProxy: values['trust-proxy'],
    // Without a logger a 500 leaves no trace anywhere; warn and above are failures, not traffic.
    logger: { level: 'warn' },
  });
  const address = await app.listen({ port, host: values.host });
  console.log(`civic-widgets listening on ${address} (${store.kind}; ${catalog.feeds.size} feeds, ${catalog.polls.size} polls, ${catalog.questions.size} question boards)`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`civic-widgets: ${signal}, finishing requests in flight and closing the store`);
    // A second signal, or a stuck request, must not keep the process alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function polls(values: Values, action: string | undefined, pollId: string | undefined): Promise<void> {
  const catalog = await loadFeeds(resolve(values.feeds!));
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL, sqliteFile: resolve(values.db) });
  try {
    const service = await PollService.create(catalog, store);
    if (action === 'list') {
      for (const poll of await service.list()) {
        const override = poll.override ? ` (admin: ${poll.override})` : '';
        console.log(`${poll.id}\t${poll.status}${override}\t${poll.voters} voters\t${poll.feed}\t${poll.title}`);
      }
      return;
    }
    if (!pollId) throw new UsageError(`polls ${action ?? ''}: which poll? (a poll id)`);
    service.entry(pollId);
    if (action === 'open' || action === 'close') {
      const poll = await service.setOverride(pollId, action === 'open' ? 'open' : 'closed');
      console.log(`${poll.id}: ${poll.status}`);
    } else if (action === 'reset') {
      await service.reset(pollId);
      console.log(`${pollId}: every vote deleted`);
    } else if (action === 'export') {
      const data = await service.export(pollId);
      process.stdout.write(values.csv ? votesCsv(service, data) : `${JSON.stringify(data, null, 2)}\n`);
    } else {
      throw new UsageError(`unknown polls action "${action ?? ''}"`);
    }
  } finally {
    await store.close();
  }
}

class UsageError extends Error {}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) run(process.argv.slice(2));

export function run(argv: string[]): void {
  main(argv).catch((error: unknown) => {
    const usage = error instanceof UsageError || error instanceof FeedError || (error as { code?: string }).code === 'unknown-poll';
    console.error(`civic-widgets: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    // A store that cannot be opened is the operator's to fix, not a bug: the message says it all.
    if (!usage && !(error instanceof StoreError)) console.error(error);
    process.exit(usage ? 2 : 1);
  });
}
