// Kill -9 under load, restart, retry what was not acknowledged: every acknowledged vote is there,
// and nothing is counted twice. On SQLite and, where configured, on PostgreSQL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { questionFeed } from './questions-support.js';
import { feedDir, pollFeed, spawnServer, storeKinds, testDatabase } from './support.js';

const VOTERS = 2100;
const CONCURRENCY = 64;

// Raw http with keep-alive: several times faster than fetch, so the load is real on 2 cores.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function vote(origin: string, ballot: Ballot): Promise<number> {
  return call('POST', `${origin}/api/polls/single/votes`, ballot).then((res) => res.status);
}

function call(method: string, url: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

interface Ballot {
  voter: string;
  choices: string[];
}

for (const kind of storeKinds()) describe(`crash (${kind})`, () => {
  it('keeps every acknowledged vote across SIGKILL and counts retried votes once', { timeout: 60_000 }, async () => {
    const db = testDatabase(kind);
    const feeds = feedDir({ demo: pollFeed() });
    const args = ['serve', '--feeds', feeds, '--db', db.sqliteFile, '--port', '0', '--vote-rate', '1000000'];
    const env = { DATABASE_URL: db.databaseUrl ?? '', CIVIC_ADMIN_TOKEN: 'crash-token-0123' };
    const ballots: Ballot[] = Array.from({ length: VOTERS }, (_, i) => ({
      voter: `crash-${String(i).padStart(6, '0')}`,
      choices: [['a', 'b', 'c'][i % 3]!],
    }));
    const acked = new Set<string>();

    let server = await spawnServer(args, env);
    let next = 0;
    const send = async (origin: string, pending: Ballot[]) => {
      const worker = async () => {
        while (next < pending.length) {
          const ballot = pending[next++]!;
          try {
            if ((await vote(origin, ballot)) === 200) acked.add(ballot.voter);
          } catch {
            // The connection died with the server: this vote is retried after the restart.
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };
    const load = send(server.origin, ballots);
    while (acked.size < VOTERS / 3) await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGKILL');
    await load;
    const ackedBeforeKill = acked.size;
    const sentBeforeKill = next;

    server = await spawnServer(args, env);
    const exportVotes = async () =>
      (await (
        await fetch(`${server.origin}/api/admin/polls/single/export`, { headers: { authorization: `Bearer ${env.CIVIC_ADMIN_TOKEN}` } })
      ).json()) as { voters: number; totals: Record<string, number>; votes: Ballot[] };
    const survived = new Set((await exportVotes()).votes.map((vote) => vote.voter));
    const lost = [...acked].filter((voter) => !survived.has(voter));
    // Plus 300 that were acknowledged, as a widget whose answer got lost on the way would do.
    const resentAcked = ballots.filter((ballot) => acked.has(ballot.voter)).slice(0, 300);
    const retry = [...ballots.filter((ballot) => !acked.has(ballot.voter)), ...resentAcked];
    // Some of those reached the database although their answer was lost; resending must not double them.
    next = 0;
    await send(server.origin, retry);
    const exported = await exportVotes();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    await db.drop();
    rmSync(feeds, { recursive: true });

    const counts = {
      voters: VOTERS,
      sentBeforeKill,
      ackedBeforeKill,
      storedAtRestart: survived.size,
      acknowledgedButLost: lost.length,
      storedButUnacknowledged: survived.size - ackedBeforeKill,
      retried: retry.length - resentAcked.length,
      resentAcknowledged: resentAcked.length,
      ackedInTotal: acked.size,
      storedVoters: exported.voters,
      storedBallots: exported.votes.length,
      totalOfTotals: Object.values(exported.totals).reduce((a, b) => a + b, 0),
    };
    console.log(`crash test (${kind}): ${JSON.stringify(counts)}`);
    assert.ok(ackedBeforeKill >= VOTERS / 3 && ackedBeforeKill < VOTERS, 'the kill happened mid-load');
    assert.deepEqual(lost, [], 'every acknowledged vote survived the kill');
    assert.equal(acked.size, VOTERS);
    assert.equal(exported.votes.length, VOTERS);
    assert.equal(new Set(exported.votes.map((vote) => vote.voter)).size, VOTERS);
    assert.equal(exported.voters, VOTERS);
    assert.deepEqual(exported.totals, { a: VOTERS / 3, b: VOTERS / 3, c: VOTERS / 3 });
  });
});

const ASKERS = 900;
const UPVOTERS = 900;
/** Questions everybody upvotes, asked before the load starts. */
const TARGETS = 3;

for (const kind of storeKinds()) describe(`crash with questions and upvotes (${kind})`, () => {
  it('keeps every acknowledged question and upvote across SIGKILL; retries count once', { timeout: 60_000 }, async () => {
    const db = testDatabase(kind);
    const feeds = feedDir({ demo: questionFeed() });
    const args = ['serve', '--feeds', feeds, '--db', db.sqliteFile, '--port', '0', '--vote-rate', '1000000', '--question-rate', '1000000'];
    const env = { DATABASE_URL: db.databaseUrl ?? '', CIVIC_ADMIN_TOKEN: 'crash-token-0123' };
    const base = (origin: string) => `${origin}/api/questions/open`;

    let server = await spawnServer(args, env);
    const targets: string[] = [];
    for (let i = 0; i < TARGETS; i++) {
      const answer = await call('POST', base(server.origin), { voter: `target-asker-${i}`, text: `Target question ${i}?` });
      targets.push((JSON.parse(answer.body) as { id: string }).id);
    }
    // One request each: a question (its text names its voter), or an upvote of one of the targets.
    type Job = { key: string; send: (origin: string) => Promise<boolean> };
    const jobs: Job[] = [];
    for (let i = 0; i < Math.max(ASKERS, UPVOTERS); i++) {
      if (i < ASKERS) {
        const voter = `asker-${String(i).padStart(6, '0')}`;
        jobs.push({ key: voter, send: async (origin) => [200, 201].includes((await call('POST', base(origin), { voter, text: `Question from ${voter}?` })).status) });
      }
      if (i < UPVOTERS) {
        const voter = `upvoter-${String(i).padStart(6, '0')}`;
        const target = targets[i % TARGETS]!;
        jobs.push({ key: voter, send: async (origin) => (await call('PUT', `${base(origin)}/${target}/votes/${voter}`)).status === 200 });
      }
    }
    const acked = new Set<string>();
    let next = 0;
    const run = async (origin: string, pending: Job[]) => {
      const worker = async () => {
        while (next < pending.length) {
          const job = pending[next++]!;
          try {
            if (await job.send(origin)) acked.add(job.key);
          } catch {
            // The connection died with the server: retried after the restart.
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };
    const load = run(server.origin, jobs);
    while (acked.size < jobs.length / 3) await new Promise((resolve) => setTimeout(resolve, 5));
    server.child.kill('SIGKILL');
    await load;
    const ackedBeforeKill = acked.size;

    server = await spawnServer(args, env);
    const stored = async () => {
      const res = await fetch(`${server.origin}/api/admin/questions/open/export`, { headers: { authorization: `Bearer ${env.CIVIC_ADMIN_TOKEN}` } });
      return ((await res.json()) as { questions: { id: string; voter: string; text: string; votes: number }[] }).questions;
    };
    const upvotesOf = async (voter: string, target: string) => {
      const board = JSON.parse((await call('GET', `${base(server.origin)}?voter=${voter}`)).body) as { upvoted: string[] };
      return board.upvoted.includes(target);
    };
    const afterKill = await stored();
    const askersStored = new Set(afterKill.map((q) => q.voter));
    const lostQuestions = [...acked].filter((key) => key.startsWith('asker-') && !askersStored.has(key));
    const upvotesStored = afterKill.filter((q) => targets.includes(q.id)).reduce((sum, q) => sum + q.votes, 0);
    const ackedUpvoters = [...acked].filter((key) => key.startsWith('upvoter-'));
    const lostUpvotes: string[] = [];
    for (const voter of ackedUpvoters) if (!(await upvotesOf(voter, targets[Number(voter.slice(8)) % TARGETS]!))) lostUpvotes.push(voter);

    // Everything not acknowledged, plus 200 acknowledged ones (a widget whose answer was lost resends).
    const resent = jobs.filter((job) => acked.has(job.key)).slice(0, 200);
    const retry = [...jobs.filter((job) => !acked.has(job.key)), ...resent];
    next = 0;
    await run(server.origin, retry);
    const final = await stored();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    await db.drop();
    rmSync(feeds, { recursive: true });

    const counts = {
      jobs: jobs.length,
      ackedBeforeKill,
      questionsAtRestart: askersStored.size - TARGETS,
      upvotesAtRestart: upvotesStored,
      acknowledgedButLost: lostQuestions.length + lostUpvotes.length,
      retried: retry.length - resent.length,
      resentAcknowledged: resent.length,
      questions: final.length - TARGETS,
      upvotes: final.filter((q) => targets.includes(q.id)).reduce((sum, q) => sum + q.votes, 0),
    };
    console.log(`crash test, questions (${kind}): ${JSON.stringify(counts)}`);
    assert.ok(ackedBeforeKill >= jobs.length / 3 && ackedBeforeKill < jobs.length, 'the kill happened mid-load');
    assert.deepEqual(lostQuestions, [], 'every acknowledged question survived the kill');
    assert.deepEqual(lostUpvotes, [], 'every acknowledged upvote survived the kill');
    assert.equal(acked.size, jobs.length);
    assert.equal(final.length, ASKERS + TARGETS, 'each question stored once, retries included');
    assert.equal(new Set(final.map((q) => q.voter)).size, ASKERS + TARGETS);
    for (const [i, target] of targets.entries()) {
      const expected = Array.from({ length: UPVOTERS }, (_, n) => n).filter((n) => n % TARGETS === i).length;
      assert.equal(final.find((q) => q.id === target)?.votes, expected, `target ${i}: each upvote counted once`);
    }
  });
});
