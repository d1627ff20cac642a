// Votes per second against the reference server (SQLite, distinct voters) next to a bare Fastify
// hello-world, both as their own process on loopback, driven by autocannon from this process.
import autocannon from 'autocannon';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFeeds, startProcess, tempDb } from './support/server-process.js';

const CONNECTIONS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function cannon(options: autocannon.Options): Promise<Figures> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export async function run(): Promise<Record<string, number | string>> {
  const db = tempDb();
  const feeds = benchFeeds();
  const hello = await startProcess('bench/support/fastify-hello.ts', []);
  const baseline = await cannon({ url: hello.origin });
  await hello.stop();

  const server = await startProcess('server/cli.ts', ['serve', '--feeds', feeds, '--db', db, '--port', '0', '--vote-rate', '1000000000']);
  let voter = 0;
  const choices = ['a', 'b', 'c'];
  const votes = await cannon({
    url: `${server.origin}/api/polls/bench/votes`,
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
  const stored = (await (await fetch(`${server.origin}/api/polls/bench`)).json()) as { voters: number };
  await server.stop();
  rmSync(dirname(db), { recursive: true, force: true });
  rmSync(feeds, { recursive: true, force: true });

  const ratio = Number((votes.rps / baseline.rps).toFixed(2));
  const figures = {
    'hello-world req/s': baseline.rps,
    'hello-world p50 ms': baseline.p50,
    'hello-world p99 ms': baseline.p99,
    'votes/s': votes.rps,
    'votes p50 ms': votes.p50,
    'votes p99 ms': votes.p99,
    'votes non-2xx + errors': votes.non2xx + votes.errors,
    'votes stored (distinct voters)': stored.voters,
    'ratio votes/hello (goal >= 0.5)': ratio,
  };
  console.log(`POST /votes vs Fastify hello-world: ${CONNECTIONS} connections, ${SECONDS} s each, loopback`);
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(34)} ${value}`);
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
