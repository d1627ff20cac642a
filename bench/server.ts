// Votes per second against the reference server (SQLite, distinct voters) next to a bare Fastify
// hello-world (answering the same POSTs), both as their own process on loopback, driven by
// autocannon from this process.
// The machine is shared, so the two targets take turns in short rounds: a burst of load from
// elsewhere then hits both rather than one. p50 is the median of the rounds' p50, p99 the worst round's.
import autocannon from 'autocannon';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { cannon, CONNECTIONS, empty, rate, type Figures } from './support/load.js';
import { benchFeeds, startProcess, tempDb } from './support/server-process.js';
import { median } from './support/stats.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = 5;

export async function run(): Promise<Record<string, number | string>> {
  const db = tempDb();
  const feeds = benchFeeds();
  const hello = await startProcess('bench/support/fastify-hello.ts', []);
  const server = await startProcess('server/cli.ts', ['serve', '--feeds', feeds, '--db', db, '--port', '0', '--vote-rate', '1000000000']);
  let voter = 0;
  const choices = ['a', 'b', 'c'];
  // Both targets get the same requests, a distinct voter each, so that autocannon's own cost per
  // request (rebuilding it) is the same on both sides of the ratio.
  const ballots = (url: string): autocannon.Options => ({
    url,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const n = voter++;
          return { ...request, body: JSON.stringify({ voter: `bench-${n.toString(36).padStart(8, '0')}`, choices: [choices[n % 3]] }) };
        },
      },
    ],
  });
  const helloOptions = ballots(hello.origin);
  const voteOptions = ballots(`${server.origin}/api/polls/bench/votes`);
  const baseline = empty();
  const votes = empty();
  await cannon(undefined, helloOptions, 1);
  await cannon(undefined, voteOptions, 1);
  for (let round = 0; round < ROUNDS; round++) {
    await cannon(baseline, helloOptions, SECONDS / ROUNDS);
    await cannon(votes, voteOptions, SECONDS / ROUNDS);
  }
  const stored = (await (await fetch(`${server.origin}/api/polls/bench`)).json()) as { voters: number };
  await server.stop();
  await hello.stop();
  rmSync(dirname(db), { recursive: true, force: true });

  const postgres = process.env.DATABASE_URL_BENCH ? await postgresVotes(process.env.DATABASE_URL_BENCH, ballots, feeds) : undefined;
  const ratio = Number((rate(votes) / rate(baseline)).toFixed(2));
  const figures = {
    'hello-world req/s': rate(baseline),
    'hello-world p50 ms': median(baseline.p50),
    'hello-world p99 ms': Math.max(...baseline.p99),
    'votes/s': rate(votes),
    'votes p50 ms': median(votes.p50),
    'votes p99 ms (goal <= 50)': Math.max(...votes.p99),
    'votes failed (non-2xx, errors)': votes.failed,
    'votes stored (distinct voters)': stored.voters,
    'ratio votes/hello (goal >= 0.5)': ratio,
    ...(postgres && {
      'PostgreSQL votes/s (one process)': rate(postgres),
      'PostgreSQL votes p50 ms': median(postgres.p50),
      'PostgreSQL votes p99 ms': Math.max(...postgres.p99),
    }),
  };
  rmSync(feeds, { recursive: true, force: true });
  console.log(`p99 per round (ms): hello ${baseline.p99.join(' ')}; votes ${votes.p99.join(' ')}`);
  console.log(`POST /votes vs Fastify hello-world: ${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} alternating rounds, loopback`);
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(34)} ${value}`);
  return figures;
}

/** The same vote load on the PostgreSQL store (`DATABASE_URL_BENCH`), in a schema dropped afterwards. */
async function postgresVotes(databaseUrl: string, ballots: (url: string) => autocannon.Options, feeds: string): Promise<Figures> {
  const schema = `civic_bench_${process.pid}`;
  const url = new URL(databaseUrl);
  url.searchParams.set('schema', schema);
  const server = await startProcess('server/cli.ts', ['serve', '--feeds', feeds, '--port', '0', '--vote-rate', '1000000000'], {
    DATABASE_URL: url.href,
  });
  const figures = empty();
  try {
    await cannon(undefined, ballots(`${server.origin}/api/polls/bench/votes`), 1);
    await cannon(figures, ballots(`${server.origin}/api/polls/bench/votes`), SECONDS / 2);
  } finally {
    await server.stop();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
