// As many SSE streams as the machine allows (goal 10,000) on one server process, then one vote:
// how long until every stream has seen the new totals (goal ≤ 1 s). Streams are opened by worker
// processes with raw http, one socket each.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onEventBlocks } from './support/event-blocks.js';
import { benchFeeds, startProcess, tempDb } from './support/server-process.js';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
const WORKERS = 2;
/** Connections being set up at once per worker: more overflows the server's accept backlog. */
const OPENING = 200;
const TIME_LIMIT_MS = 120_000;

type ToParent = { type: 'ready'; opened: number; failed: number; openMs: number } | { type: 'seen'; times: number[] };

export async function run(): Promise<Record<string, number | string>> {
  const db = tempDb();
  const feeds = benchFeeds();
  const server = await startProcess('server/cli.ts', ['serve', '--feeds', feeds, '--db', db, '--port', '0', '--vote-rate', '1000000000']);
  const workers: ChildProcess[] = [];
  const limit = setTimeout(() => {
    console.error(`bench/sse: over ${TIME_LIMIT_MS / 1000} s, stopping`);
    workers.forEach((worker) => worker.kill());
    void server.stop().then(() => process.exit(1));
  }, TIME_LIMIT_MS);
  try {
    const perWorker = Math.ceil(STREAMS / WORKERS);
    const messages: Promise<ToParent>[][] = [];
    for (let i = 0; i < WORKERS; i++) {
      const worker = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, CIVIC_SSE_WORKER: '1' } });
      workers.push(worker);
      const queue: ((message: ToParent) => void)[] = [];
      const inbox = [new Promise<ToParent>((r) => queue.push(r)), new Promise<ToParent>((r) => queue.push(r))];
      worker.on('message', (message: ToParent) => queue.shift()?.(message));
      messages.push(inbox);
      worker.send({ origin: server.origin, count: Math.min(perWorker, STREAMS - i * perWorker) });
    }
    const ready = (await Promise.all(messages.map((inbox) => inbox[0]!))) as Extract<ToParent, { type: 'ready' }>[];
    const opened = ready.reduce((sum, r) => sum + r.opened, 0);
    const failed = ready.reduce((sum, r) => sum + r.failed, 0);
    const openMs = Math.max(...ready.map((r) => r.openMs));
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

    const sent = Date.now();
    const vote = await fetch(`${server.origin}/api/polls/bench/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ voter: 'sse-bench-voter', choices: ['a'] }),
    });
    if (vote.status !== 200) throw new Error(`vote answered ${vote.status}`);
    const seen = (await Promise.all(messages.map((inbox) => inbox[1]!))) as Extract<ToParent, { type: 'seen' }>[];
    const delays = seen.flatMap((s) => s.times).map((at) => at - sent).sort((a, b) => a - b);

    const figures = {
      'streams requested': STREAMS,
      'streams open': opened,
      'streams refused': failed,
      'fd limit (soft)': fdLimit(),
      'time to open all streams s': Number((openMs / 1000).toFixed(1)),
      'server RSS with all streams MB': Math.round(rss),
      'vote → first stream ms': delays[0] ?? NaN,
      'vote → half of streams ms': delays[delays.length >> 1] ?? NaN,
      'vote → every stream ms (goal <= 1000)': delays[delays.length - 1] ?? NaN,
    };
    console.log(`SSE fan-out: ${opened} streams on one server process, then one vote`);
    for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(40)} ${value}`);
    return figures;
  } finally {
    clearTimeout(limit);
    workers.forEach((worker) => worker.kill());
    await server.stop();
    rmSync(dirname(db), { recursive: true, force: true });
    rmSync(feeds, { recursive: true, force: true });
  }
}

function fdLimit(): string {
  return /Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? '?';
}

/** In a worker process: opens `count` streams, reports when each has its first event, then when each saw a second. */
function worker(): void {
  process.once('message', async ({ origin, count }: { origin: string; count: number }) => {
    const times: number[] = [];
    let failed = 0;
    const started = Date.now();
    const open = () =>
      new Promise<void>((resolve) => {
        let events = 0;
        const req = request(`${origin}/api/polls/bench/stream`, { agent: false }, (res) => {
          onEventBlocks(res, (block) => {
            if (!block.startsWith('event: totals')) return;
            events++;
            if (events === 1) resolve();
            if (events === 2) {
              times.push(Date.now());
              if (times.length === count - failed) process.send!({ type: 'seen', times });
            }
          });
        });
        req.on('error', () => {
          failed++;
          resolve();
        });
        req.end();
      });
    let next = 0;
    await Promise.all(
      Array.from({ length: OPENING }, async () => {
        while (next < count) {
          next++;
          await open();
        }
      }),
    );
    process.send!({ type: 'ready', opened: count - failed, failed, openMs: Date.now() - started });
  });
}

if (process.env.CIVIC_SSE_WORKER) worker();
else if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
