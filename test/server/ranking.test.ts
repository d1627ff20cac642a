// Ranking polls on both stores, through the real server: Borda points by the rule of
// src/contract/poll-rules.ts (rankPoints), changes of mind, validation, export and the stream.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rankPoints } from '../../src/contract/poll-rules.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { postVote, SseReader, startServer, storeKinds, testDatabase, voterId, type TestDatabase, type TestServer } from './support.js';

const TOKEN = 'test-admin-token-ranking-0123';
const admin = { authorization: `Bearer ${TOKEN}` };
const option = (id: string) => ({ id, text: `Question ${id}` });

const feed = {
  version: 1,
  event: { id: 'ev', title: 'Guiding questions', timeZone: 'Europe/Madrid' },
  sessions: [{ id: 's1', title: 'Session', start: '2026-06-18T15:00:00+02:00', end: '2026-06-18T17:00:00+02:00' }],
  polls: [
    { id: 'top3', title: 'Top three', mode: 'ranking', maxChoices: 3, groups: [{ id: 'q', title: 'Questions', options: ['a', 'b', 'c', 'd'].map(option) }] },
    { id: 'all', title: 'Order all', mode: 'ranking', groups: [{ id: 'q', title: 'Questions', options: ['a', 'b', 'c'].map(option) }] },
  ],
};

/** The expected scores, computed the long way from the ballots (not with ballotDelta). */
function borda(ballots: string[][], ids: string[], positions: number): Record<string, number> {
  const scores = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const ballot of ballots) ballot.forEach((id, i) => (scores[id]! += positions - i));
  return scores;
}

interface Snapshot {
  totals: Record<string, number>;
  scores: Record<string, number>;
  voters: number;
  myChoices?: string[];
}

for (const kind of storeKinds()) {
  describe(`ranking polls on ${kind}`, () => {
    let db: TestDatabase;
    let server: TestServer;
    const url = (path: string) => `${server.origin}${path}`;
    const get = async (id: string): Promise<Snapshot> => (await (await fetch(url(`/api/polls/${id}`))).json()) as Snapshot;

    before(async () => {
      db = testDatabase(kind);
      server = await startServer({ ranking: feed }, db, { adminToken: TOKEN, voteRatePerMinute: 10_000 });
    });
    after(async () => {
      await server.close();
      await db.drop();
    });

    it('scores a ranking by position, and a change of order replaces the points', async () => {
      const first = voterId(1);
      const second = voterId(2);
      let res = await postVote(server.origin, 'top3', { voter: first, choices: ['a', 'b', 'c'] });
      assert.equal(res.status, 200);
      let body = (await res.json()) as Snapshot;
      assert.deepEqual(body.scores, { a: 3, b: 2, c: 1, d: 0 });
      assert.deepEqual(body.totals, { a: 1, b: 1, c: 1, d: 0 });
      assert.deepEqual(body.myChoices, ['a', 'b', 'c']);
      body = (await (await postVote(server.origin, 'top3', { voter: second, choices: ['c', 'a'] })).json()) as Snapshot;
      assert.deepEqual(body.scores, { a: 5, b: 2, c: 4, d: 0 }, 'a partial ranking: its places weigh as a full one’s');
      // Same options, another order: a change of mind, not the same ballot.
      body = (await (await postVote(server.origin, 'top3', { voter: first, choices: ['b', 'a', 'c'] })).json()) as Snapshot;
      assert.deepEqual(body.scores, { a: 4, b: 3, c: 4, d: 0 });
      assert.deepEqual(body.totals, { a: 2, b: 1, c: 2, d: 0 });
      assert.equal(body.voters, 2);
      body = (await (await postVote(server.origin, 'top3', { voter: second, choices: ['d'] })).json()) as Snapshot;
      assert.deepEqual(body.scores, { a: 2, b: 3, c: 1, d: 3 });
      assert.deepEqual(body.totals, { a: 1, b: 1, c: 1, d: 1 });
      assert.deepEqual(await get('top3').then((s) => s.scores), body.scores);
    });

    it('refuses duplicates, unknown options and rankings longer than maxChoices', async () => {
      const cases: [string[], number, string][] = [
        [['a', 'a'], 400, 'invalid-request'],
        [['a', 'zzz'], 400, 'unknown-option'],
        [['a', 'b', 'c', 'd'], 400, 'too-many-choices'],
        [[], 400, 'invalid-request'],
      ];
      for (const [choices, status, code] of cases) {
        const res = await postVote(server.origin, 'top3', { voter: voterId(3), choices });
        assert.equal(res.status, status, JSON.stringify(choices));
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, code);
      }
      assert.equal((await postVote(server.origin, 'all', { voter: voterId(3), choices: ['c', 'b', 'a'] })).status, 200, 'without maxChoices: all');
    });

    it('tallies racing rankings and changes of mind exactly, also after the store is opened again', async () => {
      const ids = ['a', 'b', 'c'];
      const voters = Array.from({ length: 30 }, (_, i) => voterId(100 + i));
      const orders = [
        ['a', 'b', 'c'],
        ['c', 'a', 'b'],
        ['b', 'c', 'a'],
        ['a', 'c'],
        ['b'],
      ];
      const last = new Map<string, string[]>();
      const sends = voters.flatMap((voter, i) => {
        const one = orders[i % orders.length]!;
        const two = orders[(i * 7 + 3) % orders.length]!;
        last.set(voter, two);
        return [{ voter, choices: one }, { voter, choices: two }];
      });
      // Each voter's two ballots in order (a change of mind), all voters at once.
      const before = await get('all');
      await Promise.all(
        voters.map(async (voter) => {
          for (const ballot of sends.filter((s) => s.voter === voter)) assert.equal((await postVote(server.origin, 'all', ballot)).status, 200);
        }),
      );
      const expected = borda([...last.values()], ids, 3);
      const now = await get('all');
      for (const id of ids) assert.equal(now.scores[id]! - before.scores[id]!, expected[id], `points of ${id}`);
      const reopened = await openStore({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
      try {
        assert.deepEqual((await reopened.tally('all')).scores, now.scores);
      } finally {
        await reopened.close();
      }
    });

    it('streams the scores, lists them for the admin, and exports each choice’s rank in CSV', async () => {
      const stream = new SseReader(url('/api/polls/top3/stream'));
      const first = (await stream.waitFor(1)) && stream.json(0);
      assert.ok(first.scores, 'scores in the stream');
      const voter = voterId(9);
      await postVote(server.origin, 'top3', { voter, choices: ['c', 'd'] });
      await stream.until((data) => (data.scores as Record<string, number>).d! > (first.scores as Record<string, number>).d!);
      stream.close();
      const list = (await (await fetch(url('/api/admin/polls'), { headers: admin })).json()) as { polls: { id: string; scores?: object }[] };
      assert.ok(list.polls.find((p) => p.id === 'top3')!.scores);
      const csv = await (await fetch(url('/api/admin/polls/top3/export?format=csv'), { headers: admin })).text();
      assert.match(csv, /^voter,voted_at,group,option_id,option_text,rank\r\n/);
      assert.ok(csv.includes(`${voter},`));
      const mine = csv.split('\r\n').filter((line) => line.startsWith(`${voter},`));
      assert.deepEqual(mine.map((line) => line.split(',').slice(3)), [
        ['c', 'Question c', '1'],
        ['d', 'Question d', '2'],
      ]);
    });
  });
}

describe('rankPoints', () => {
  it('gives the first of k places k points, the last 1, an unranked option 0', () => {
    const rule = { ranked: true, positions: 3 };
    assert.deepEqual([0, 1, 2, 3, -1].map((i) => rankPoints(i, rule)), [3, 2, 1, 0, 0]);
  });
});

describe('SQLite: a database made before ranking polls', () => {
  it('is migrated at start: its tallies keep their counts and gain points at 0', async () => {
    const { default: Database } = await import('better-sqlite3');
    const db = testDatabase('sqlite');
    try {
      // The schema as version 1 left it, with one vote in it.
      const old = new Database(db.sqliteFile);
      old.exec(`CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);
        CREATE TABLE votes (poll_id TEXT NOT NULL, voter TEXT NOT NULL, choices TEXT NOT NULL, voted_at TEXT NOT NULL, PRIMARY KEY (poll_id, voter)) WITHOUT ROWID;
        CREATE TABLE tallies (poll_id TEXT NOT NULL, option_id TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (poll_id, option_id)) WITHOUT ROWID;
        CREATE TABLE polls (poll_id TEXT PRIMARY KEY, override TEXT, voters INTEGER NOT NULL DEFAULT 0, updated_at TEXT);
        INSERT INTO votes VALUES ('p', 'voter-old-0001', '["a"]', '2026-06-18T13:00:00.000Z');
        INSERT INTO tallies VALUES ('p', 'a', 1);
        INSERT INTO polls (poll_id, voters, updated_at) VALUES ('p', 1, '2026-06-18T13:00:00.000Z');`);
      old.close();
      await assertMigrated(await openStore({ sqliteFile: db.sqliteFile }));
    } finally {
      await db.drop();
    }
  });
});

/** A store opened on a version-1 database with one vote for `a` on poll `p`: migrated, and ranking works. */
async function assertMigrated(store: Store): Promise<void> {
  try {
    const tally = await store.tally('p');
    assert.deepEqual([tally.totals, tally.scores, tally.voters], [{ a: 1 }, { a: 0 }, 1]);
    await store.vote('q', 'voter-new-0001', ['b', 'a'], { ranked: true, positions: 2 });
    assert.deepEqual((await store.tally('q')).scores, { b: 2, a: 1 });
  } finally {
    await store.close();
  }
}

describe('PostgreSQL: a database made before ranking polls', { skip: !process.env.DATABASE_URL_TEST && 'DATABASE_URL_TEST is not set' }, () => {
  it('is migrated at start: its tallies keep their counts and gain points at 0', async () => {
    const { default: pg } = await import('pg');
    const db = testDatabase('postgres');
    const schema = new URL(db.databaseUrl!).searchParams.get('schema')!;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema};
        CREATE TABLE schema_version (version integer NOT NULL); INSERT INTO schema_version VALUES (1);
        CREATE TABLE votes (poll_id text NOT NULL, voter text NOT NULL, choices text[] NOT NULL, voted_at timestamptz NOT NULL, PRIMARY KEY (poll_id, voter));
        CREATE TABLE tallies (poll_id text NOT NULL, option_id text NOT NULL, count integer NOT NULL, PRIMARY KEY (poll_id, option_id));
        CREATE TABLE polls (poll_id text PRIMARY KEY, override text, voters integer NOT NULL DEFAULT 0, updated_at timestamptz);
        INSERT INTO votes VALUES ('p', 'voter-old-0001', ARRAY['a'], now());
        INSERT INTO tallies VALUES ('p', 'a', 1);
        INSERT INTO polls (poll_id, voters, updated_at) VALUES ('p', 1, now());`);
      await assertMigrated(await openStore({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile }));
    } finally {
      await client.end();
      await db.drop();
    }
  });
});
