// Kill -9 under load, restart, retry what was not acknowledged: every acknowledged vote is there,
// and nothing is counted twice. On SQLite and, where configured, on PostgreSQL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { feedDir, pollFeed, spawnServer, storeKinds, testDatabase } from './support.js';

const VOTERS = 2100;
const CONCURRENCY = 64;

// Raw http with keep-alive: several times faster than fetch, so the load is real on 2 cores.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function vote(origin: string, ballot: Ballot): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/api/polls/single/votes`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(JSON.stringify(ballot));
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
