import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { feedDir, pollFeed, postVote, spawnServer, SseReader, storeKinds, testDatabase, voterId, type TestDatabase } from './support.js';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

const postgres = storeKinds().includes('postgres');

describe('two server processes on one PostgreSQL', { skip: !postgres && 'DATABASE_URL_TEST is not set' }, () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];
  const origins: string[] = [];
  const TOKEN = 'two-process-token-123';
  let feeds = '';

  before(async () => {
    db = testDatabase('postgres');
    feeds = feedDir({ demo: pollFeed() });
    // Started together: the migration lock must keep them from creating the tables twice.
    const started = await Promise.all(
      [0, 1].map(() => spawnServer(['serve', '--feeds', feeds, '--port', '0'], { DATABASE_URL: db.databaseUrl, CIVIC_ADMIN_TOKEN: TOKEN })),
    );
    for (const { origin, child } of started) {
      origins.push(origin);
      children.push(child);
    }
  });
  after(async () => {
    for (const child of children) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    }
    await db.drop();
    rmSync(feeds, { recursive: true, force: true });
  });

  it('delivers a vote made on one process to a stream on the other', async () => {
    const [a, b] = origins as [string, string];
    const voter = voterId();
    const stream = new SseReader(`${b}/api/polls/multi/stream?voter=${voter}`);
    await stream.waitFor(1);
    const sent = Date.now();
    assert.equal((await postVote(a, 'multi', { voter, choices: ['a', 'c'] })).status, 200);
    const seen = await stream.until((data) => (data.totals as Record<string, number>).a === 1);
    assert.deepEqual(seen.myChoices, ['a', 'c'], 'the other process knows whose vote it was');
    assert.ok(Date.now() - sent < 1000);
    stream.close();
  });

  it('counts each voter once when both processes take their ballots at the same time', async () => {
    const [a, b] = origins as [string, string];
    const voters = Array.from({ length: 60 }, (_, i) => voterId(100 + i));
    const answers = await Promise.all(
      voters.flatMap((voter, i) => [
        postVote(a, 'after-close', { voter, choices: [i % 2 ? 'a' : 'b'] }),
        postVote(b, 'after-close', { voter, choices: [i % 2 ? 'a' : 'c'] }),
      ]),
    );
    assert.deepEqual(new Set(answers.map((res) => res.status)), new Set([200]));
    const exported = (await (
      await fetch(`${a}/api/admin/polls/after-close/export`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as { voters: number; totals: Record<string, number>; votes: { voter: string; choices: string[] }[] };
    assert.equal(exported.voters, 60);
    assert.equal(exported.votes.length, 60);
    const counted: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (const vote of exported.votes) counted[vote.choices[0]!]! += 1;
    assert.deepEqual(exported.totals, counted, 'the totals agree with the stored ballots');
  });

  it('shares votes, revotes and admin actions between the processes', async () => {
    const [a, b] = origins as [string, string];
    const voter = voterId(1);
    await postVote(a, 'single', { voter, choices: ['a'] });
    await postVote(b, 'single', { voter, choices: ['b'] });
    const seen = (await (await fetch(`${a}/api/polls/single?voter=${voter}`)).json()) as { totals: Record<string, number>; voters: number };
    assert.deepEqual(seen.totals, { a: 0, b: 1, c: 0 });
    assert.equal(seen.voters, 1);

    const stream = new SseReader(`${a}/api/polls/single/stream`);
    await stream.waitFor(1);
    const closed = await fetch(`${b}/api/admin/polls/single/close`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(closed.status, 200);
    await stream.until((data) => data.status === 'closed');
    assert.equal((await postVote(a, 'single', { voter: voterId(2), choices: ['a'] })).status, 409);
    stream.close();
  });
});
