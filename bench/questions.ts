// Questions and upvotes per second against the reference server (SQLite), beside votes per second
// measured in the same run on the same process (the baseline: bench/server.ts compares votes with a
// bare Fastify); then the time for one published question to reach 1,000 open streams; then what
// a visitor's stream and the console's stream send per upvote on a 200-question board, beside the
// whole board that each sends first.
// The three loads take turns in short rounds, so that a burst of load from elsewhere on the shared
// machine hits all of them rather than one.
import autocannon from 'autocannon';
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onEventBlocks } from './support/event-blocks.js';
import { cannon, CONNECTIONS, empty, rate } from './support/load.js';
import { benchFeeds, startProcess, tempDb } from './support/server-process.js';
import { median } from './support/stats.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = 5;
const STREAMS = Number(process.env.BENCH_QUESTION_STREAMS ?? 1000);
/** Questions that the upvote load spreads over. */
const TARGETS = 50;
/** Questions on the board whose streams are measured, and upvotes sent to it one by one. */
const CONSOLE_QUESTIONS = 200;
const CONSOLE_UPVOTES = 20;
const TOKEN = `bench-${process.pid}`;

/** A poll (the baseline), a board for the load and an empty board for the fan-out. */
const feeds = () =>
  benchFeeds({
    questions: [
      { id: 'load', title: 'Load', moderation: 'none' },
      { id: 'fanout', title: 'Fan-out', moderation: 'none' },
      { id: 'console', title: 'Console', moderation: 'pre' },
    ],
  });

export async function run(): Promise<Record<string, number | string>> {
  const db = tempDb();
  const dir = feeds();
  const rates = ['--vote-rate', '1000000000', '--question-rate', '1000000000'];
  const server = await startProcess('server/cli.ts', ['serve', '--feeds', dir, '--db', db, '--port', '0', ...rates], { CIVIC_ADMIN_TOKEN: TOKEN });
  try {
    let n = 0;
    const id = () => `bench-${(n++).toString(36).padStart(8, '0')}`;
    const json = { 'content-type': 'application/json' };
    const targets: string[] = [];
    for (let i = 0; i < TARGETS; i++) {
      const res = await fetch(`${server.origin}/api/questions/load`, { method: 'POST', headers: json, body: JSON.stringify({ voter: id(), text: `Target ${i}?` }) });
      targets.push(((await res.json()) as { id: string }).id);
    }
    // Before the load: the console's stream opens with every board whole, and the load board ends with
    // tens of thousands of questions, which no session has.
    const traffic = await streamTraffic(server.origin);
    const choices = ['a', 'b', 'c'];
    const votes: autocannon.Options = {
      url: `${server.origin}/api/polls/bench/votes`,
      requests: [{ method: 'POST', headers: json, setupRequest: (r) => ({ ...r, body: JSON.stringify({ voter: id(), choices: [choices[n % 3]] }) }) }],
    };
    // A distinct voter per question (5 a minute each is the per-voter limit) and per upvote.
    const questions: autocannon.Options = {
      url: `${server.origin}/api/questions/load`,
      requests: [{ method: 'POST', headers: json, setupRequest: (r) => ({ ...r, body: JSON.stringify({ voter: id(), text: `Question number ${n}?` }) }) }],
    };
    const upvotes: autocannon.Options = {
      url: server.origin,
      requests: [{ method: 'PUT', setupRequest: (r) => ({ ...r, path: `/api/questions/load/${targets[n % TARGETS]}/votes/${id()}` }) }],
    };
    const figures = { votes: empty(), questions: empty(), upvotes: empty() };
    for (const options of [votes, questions, upvotes]) await cannon(undefined, options, 1);
    for (let round = 0; round < ROUNDS; round++) {
      await cannon(figures.votes, votes, SECONDS / ROUNDS);
      await cannon(figures.questions, questions, SECONDS / ROUNDS);
      await cannon(figures.upvotes, upvotes, SECONDS / ROUNDS);
    }
    const fanout = await fanOut(server.origin);
    const result = {
      'votes/s (baseline, same run)': rate(figures.votes),
      'questions/s': rate(figures.questions),
      'upvotes/s': rate(figures.upvotes),
      'ratio questions/votes': Number((rate(figures.questions) / rate(figures.votes)).toFixed(2)),
      'ratio upvotes/votes': Number((rate(figures.upvotes) / rate(figures.votes)).toFixed(2)),
      'votes p50 / p99 ms': `${median(figures.votes.p50)} / ${Math.max(...figures.votes.p99)}`,
      'questions p50 / p99 ms': `${median(figures.questions.p50)} / ${Math.max(...figures.questions.p99)}`,
      'upvotes p50 / p99 ms': `${median(figures.upvotes.p50)} / ${Math.max(...figures.upvotes.p99)}`,
      'failed (non-2xx, errors)': figures.votes.failed + figures.questions.failed + figures.upvotes.failed,
      'question streams open': fanout.opened,
      'question → first stream ms': fanout.first,
      'question → every stream ms': fanout.last,
      'visitor stream, whole board bytes': traffic.visitorWhole,
      'visitor stream, per-upvote bytes': traffic.visitorChange,
      'ratio visitor per-upvote/whole': Number((traffic.visitorChange / traffic.visitorWhole).toFixed(3)),
      'console stream, whole board bytes': traffic.adminWhole,
      'console stream, per-upvote bytes': traffic.adminChange,
      'ratio console per-upvote/whole': Number((traffic.adminChange / traffic.adminWhole).toFixed(3)),
    };
    console.log(`questions and upvotes vs votes: ${CONNECTIONS} connections, ${SECONDS} s each in ${ROUNDS} alternating rounds, loopback, SQLite`);
    for (const [key, value] of Object.entries(result)) console.log(`${key.padEnd(34)} ${value}`);
    return result;
  } finally {
    await server.stop();
    rmSync(dirname(db), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Collects the size of each SSE event of `path` that `keep` accepts, and waits for a count of them. */
function eventSizes(url: string, headers: Record<string, string>, keep: (block: string) => boolean) {
  const sizes: number[] = [];
  let wake = () => {};
  const req = request(url, { headers }, (res) => {
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
    onEventBlocks(res, (block) => {
      if (!keep(block)) return;
      sizes.push(Buffer.byteLength(block));
      wake();
    });
  });
  req.end();
  const reached = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${url} sent ${sizes.length} events, not ${count}`)), 5000);
      wake = () => sizes.length >= count && (clearTimeout(timer), resolve());
      wake();
    });
  return { sizes, reached, close: () => req.destroy() };
}

/**
 * A board of CONSOLE_QUESTIONS published questions, followed by the console's admin stream and a
 * visitor's stream: the size of each one's first (whole) event, and the median size of the event
 * that each upvote then causes.
 */
async function streamTraffic(origin: string): Promise<Record<'adminWhole' | 'adminChange' | 'visitorWhole' | 'visitorChange', number>> {
  const json = { 'content-type': 'application/json' };
  const admin = { authorization: `Bearer ${TOKEN}` };
  const ids: string[] = [];
  for (let i = 0; i < CONSOLE_QUESTIONS; i++) {
    const text = `How will the council keep question number ${i} of this session in mind once the forum is over?`;
    const res = await fetch(`${origin}/api/questions/console`, { method: 'POST', headers: json, body: JSON.stringify({ voter: `console-${String(i).padStart(6, '0')}`, text }) });
    const { id } = (await res.json()) as { id: string };
    await fetch(`${origin}/api/admin/questions/console/${id}/publish`, { method: 'POST', headers: admin });
    ids.push(id);
  }
  const console = eventSizes(`${origin}/api/admin/stream`, admin, (block) => block.startsWith('event: board') && block.includes('"id":"console"'));
  const visitor = eventSizes(`${origin}/api/questions/console/stream`, {}, (block) => block.startsWith('event: questions'));
  await Promise.all([console.reached(1), visitor.reached(1)]);
  for (let i = 0; i < CONSOLE_UPVOTES; i++) {
    await fetch(`${origin}/api/questions/console/${ids[i]}/votes/upvoter-${String(i).padStart(6, '0')}`, { method: 'PUT' });
    await Promise.all([console.reached(i + 2), visitor.reached(i + 2)]);
  }
  console.close();
  visitor.close();
  return {
    adminWhole: console.sizes[0]!,
    adminChange: median(console.sizes.slice(1)),
    visitorWhole: visitor.sizes[0]!,
    visitorChange: median(visitor.sizes.slice(1)),
  };
}

/** Opens STREAMS streams on the empty board, publishes one question, and times its arrival on each. */
async function fanOut(origin: string): Promise<{ opened: number; first: number; last: number }> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const marker = `Fan-out ${Date.now()}?`;
  const arrivals: number[] = [];
  const requests: ReturnType<typeof request>[] = [];
  let allSeen!: () => void;
  const done = new Promise<void>((resolve) => (allSeen = resolve));
  const open = () =>
    new Promise<void>((opened, failed) => {
      let seen = false;
      const req = request(`${origin}/api/questions/fanout/stream`, { agent }, (res) => {
        onEventBlocks(res, (block) => {
          if (!block.startsWith('event: questions')) return;
          opened();
          if (!seen && block.includes(marker)) {
            seen = true;
            arrivals.push(Date.now());
            if (arrivals.length === STREAMS) allSeen();
          }
        });
      });
      req.on('error', failed);
      req.end();
      requests.push(req);
    });
  for (let i = 0; i < STREAMS; i += 100) await Promise.all(Array.from({ length: Math.min(100, STREAMS - i) }, open));
  const sent = Date.now();
  const res = await fetch(`${origin}/api/questions/fanout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ voter: 'fan-out-voter', text: marker }),
  });
  if (res.status !== 201) throw new Error(`question answered ${res.status}`);
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  requests.forEach((req) => req.destroy());
  arrivals.sort((a, b) => a - b);
  return { opened: STREAMS, first: arrivals[0]! - sent, last: arrivals.length === STREAMS ? arrivals.at(-1)! - sent : NaN };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
