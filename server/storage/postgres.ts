import pg from 'pg';
import type { BallotRule, Override, PollTally } from '../../src/contract/poll-rules.js';
import { ballotDelta, sameBallot } from '../../src/contract/poll-rules.js';
import { Batcher } from './batcher.js';
import { POSTGRES_QUESTION_MIGRATION, PostgresQuestions } from './postgres-questions.js';
import type { Store, StoreChange, VoteRecord, VoteResult } from './store.js';

const MIGRATIONS = [
  `CREATE TABLE votes (poll_id text NOT NULL, voter text NOT NULL, choices text[] NOT NULL, voted_at timestamptz NOT NULL,
     PRIMARY KEY (poll_id, voter));
   CREATE TABLE tallies (poll_id text NOT NULL, option_id text NOT NULL, count integer NOT NULL,
     PRIMARY KEY (poll_id, option_id));
   CREATE TABLE polls (poll_id text PRIMARY KEY, override text, voters integer NOT NULL DEFAULT 0, updated_at timestamptz);`,
  // Ranking polls: each option's Borda points beside its count.
  `ALTER TABLE tallies ADD COLUMN points integer NOT NULL DEFAULT 0;`,
  POSTGRES_QUESTION_MIGRATION,
];

/** Any constant: it only keeps two processes that start together from migrating at the same time. */
const MIGRATION_LOCK = 0x63697669;

/**
 * PostgreSQL, shared by several server processes. Every change is announced with `pg_notify` inside
 * its transaction, so each process (this one included) hears it after the commit and updates its own
 * SSE clients. `?schema=name` in the URL keeps the tables in that schema (created if missing).
 */
interface Ballot {
  pollId: string;
  voter: string;
  choices: string[];
  rule?: BallotRule;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private readonly batcher = new Batcher<Ballot, VoteResult>((ballots) => this.writeVotes(ballots));
  private readonly listeners: ((change: StoreChange) => void)[] = [];
  private listener: pg.Client | undefined;
  private closed = false;
  readonly questions: PostgresQuestions;

  /** `migrations` is for tests only (a migration that fails); the server always uses its own. */
  static async open(databaseUrl: string, { migrations = MIGRATIONS }: { /** @internal */ migrations?: readonly string[] } = {}): Promise<PostgresStore> {
    const url = new URL(databaseUrl);
    const schema = url.searchParams.get('schema') ?? 'public';
    url.searchParams.delete('schema');
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`DATABASE_URL: schema "${schema}" must be a plain lower-case identifier`);
    const config = { connectionString: url.href, options: `-c search_path=${schema}` };
    const store = new PostgresStore(new pg.Pool({ ...config, max: 10 }), config, schema);
    try {
      await store.migrate(migrations);
      await store.listen();
    } catch (error) {
      // Nobody will ever call close() on a store that was not returned: its connections would keep
      // the process (the CLI) alive and hold PostgreSQL slots until their idle timeout.
      store.closed = true;
      await store.pool.end().catch(() => {});
      throw error;
    }
    return store;
  }

  private constructor(
    private readonly pool: pg.Pool,
    private readonly config: pg.ClientConfig,
    private readonly schema: string,
  ) {
    // An idle client that loses its connection must not crash the server; the next query reconnects.
    pool.on('error', () => {});
    this.questions = new PostgresQuestions(pool, (work) => this.transaction(work), () => this.channel);
  }

  /** One channel per schema, so that stores in different schemas of one database do not hear each other. */
  private get channel(): string {
    return `civic_polls_${this.schema}`;
  }

  vote(pollId: string, voter: string, choices: readonly string[], rule?: BallotRule): Promise<VoteResult> {
    return this.batcher.push({ pollId, voter, choices: [...choices], rule });
  }

  /**
   * One transaction for a batch of ballots: one commit (one fsync) for all of them. Locking the polls'
   * rows first, in a fixed order, serializes batches on the same polls across processes: no deadlock
   * between tally rows, and a voter's first vote cannot be counted twice by two processes.
   */
  private writeVotes(ballots: Ballot[]): Promise<VoteResult[]> {
    return this.transaction(async (db) => {
      const pollIds = [...new Set(ballots.map((b) => b.pollId))].sort();
      await db.query(
        `INSERT INTO polls (poll_id) SELECT unnest($1::text[]) ORDER BY 1
         ON CONFLICT (poll_id) DO UPDATE SET poll_id = excluded.poll_id`,
        [pollIds],
      );
      const stored = await db.query<{ poll_id: string; voter: string; choices: string[] }>(
        `SELECT v.poll_id, v.voter, v.choices FROM votes v JOIN unnest($1::text[], $2::text[]) AS b(poll_id, voter)
         ON v.poll_id = b.poll_id AND v.voter = b.voter`,
        [ballots.map((b) => b.pollId), ballots.map((b) => b.voter)],
      );
      const current = new Map(stored.rows.map((row) => [`${row.poll_id}\n${row.voter}`, row.choices]));
      const deltas = new Map<string, [votes: number, points: number]>();
      const newVoters = new Map<string, number>();
      const written = new Map<string, Ballot>();
      const changed = ballots.map((ballot) => {
        const key = `${ballot.pollId}\n${ballot.voter}`;
        const before = current.get(key);
        if (before && sameBallot(before, ballot.choices, ballot.rule)) return false;
        for (const [option, votes, points] of ballotDelta(before, ballot.choices, ballot.rule)) {
          const tallyKey = `${ballot.pollId}\n${option}`;
          const sum = deltas.get(tallyKey) ?? [0, 0];
          deltas.set(tallyKey, [sum[0] + votes, sum[1] + points]);
        }
        if (!before) newVoters.set(ballot.pollId, (newVoters.get(ballot.pollId) ?? 0) + 1);
        current.set(key, ballot.choices);
        written.set(key, ballot);
        return true;
      });
      if (written.size) {
        const rows = [...written.values()];
        await db.query(
          `INSERT INTO votes (poll_id, voter, choices, voted_at)
           SELECT b.poll_id, b.voter, ARRAY(SELECT json_array_elements_text(b.choices::json)), now()
           FROM unnest($1::text[], $2::text[], $3::text[]) AS b(poll_id, voter, choices)
           ON CONFLICT (poll_id, voter) DO UPDATE SET choices = excluded.choices, voted_at = excluded.voted_at`,
          [rows.map((b) => b.pollId), rows.map((b) => b.voter), rows.map((b) => JSON.stringify(b.choices))],
        );
        const tallyKeys = [...deltas.keys()].sort();
        await db.query(
          `INSERT INTO tallies (poll_id, option_id, count, points)
           SELECT p, o, d, s FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS x(p, o, d, s)
           ON CONFLICT (poll_id, option_id) DO UPDATE SET count = tallies.count + excluded.count, points = tallies.points + excluded.points`,
          [
            tallyKeys.map((k) => k.split('\n')[0]),
            tallyKeys.map((k) => k.split('\n')[1]),
            tallyKeys.map((k) => deltas.get(k)![0]),
            tallyKeys.map((k) => deltas.get(k)![1]),
          ],
        );
        const touched = [...new Set(rows.map((b) => b.pollId))];
        await db.query(
          `UPDATE polls SET voters = voters + d.n, updated_at = now()
           FROM unnest($1::text[], $2::int[]) AS d(poll_id, n) WHERE polls.poll_id = d.poll_id`,
          [touched, touched.map((id) => newVoters.get(id) ?? 0)],
        );
        const changes = ballots.filter((_, i) => changed[i]).map((b) => JSON.stringify({ kind: 'vote', ...b } satisfies StoreChange));
        await db.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [this.channel, changes]);
      }
      const tallies = new Map(await Promise.all(pollIds.map(async (id) => [id, await tally(db, id)] as const)));
      return ballots.map((ballot, i) => ({ tally: tallies.get(ballot.pollId)!, changed: changed[i]! }));
    });
  }

  async tally(pollId: string): Promise<PollTally> {
    return tally(this.pool, pollId);
  }

  async choicesOf(pollId: string, voter: string): Promise<string[] | undefined> {
    const result = await this.pool.query<{ choices: string[] }>('SELECT choices FROM votes WHERE poll_id = $1 AND voter = $2', [pollId, voter]);
    return result.rows[0]?.choices;
  }

  async overrides(): Promise<Map<string, Override>> {
    const result = await this.pool.query<{ poll_id: string; override: Override }>('SELECT poll_id, override FROM polls WHERE override IS NOT NULL');
    return new Map(result.rows.map((row) => [row.poll_id, row.override]));
  }

  async setOverride(pollId: string, override: Override): Promise<void> {
    await this.transaction(async (db) => {
      await db.query(
        'INSERT INTO polls (poll_id, override) VALUES ($1, $2) ON CONFLICT (poll_id) DO UPDATE SET override = excluded.override',
        [pollId, override],
      );
      await this.notify(db, { kind: 'override', pollId, override });
    });
  }

  async reset(pollId: string): Promise<void> {
    await this.transaction(async (db) => {
      await db.query('UPDATE polls SET voters = 0, updated_at = now() WHERE poll_id = $1', [pollId]);
      await db.query('DELETE FROM votes WHERE poll_id = $1', [pollId]);
      await db.query('DELETE FROM tallies WHERE poll_id = $1', [pollId]);
      await this.notify(db, { kind: 'reset', pollId });
    });
  }

  async votes(pollId: string): Promise<VoteRecord[]> {
    const result = await this.pool.query<{ voter: string; choices: string[]; voted_at: Date }>(
      'SELECT voter, choices, voted_at FROM votes WHERE poll_id = $1 ORDER BY voted_at, voter',
      [pollId],
    );
    return result.rows.map((row) => ({ voter: row.voter, choices: row.choices, votedAt: row.voted_at.toISOString() }));
  }

  onChange(listener: (change: StoreChange) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    await this.batcher.settle();
    this.closed = true;
    await this.listener?.end().catch(() => {});
    await this.pool.end();
  }

  private async notify(db: pg.PoolClient, change: StoreChange): Promise<void> {
    await db.query('SELECT pg_notify($1, $2)', [this.channel, JSON.stringify(change)]);
  }

  private async transaction<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN');
      const result = await work(db);
      await db.query('COMMIT');
      return result;
    } catch (error) {
      await db.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      db.release();
    }
  }

  /** All pending migrations in one transaction: a failing one leaves the schema as it was. */
  private async migrate(migrations: readonly string[]): Promise<void> {
    const db = await this.pool.connect();
    let broken = false;
    try {
      await db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await db.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await db.query('CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)');
      const row = await db.query<{ version: number }>('SELECT version FROM schema_version');
      const current = row.rows[0]?.version ?? 0;
      if (current < migrations.length) {
        await db.query('BEGIN');
        try {
          for (let version = current; version < migrations.length; version++) await db.query(migrations[version]!);
          await db.query(row.rows.length ? 'UPDATE schema_version SET version = $1' : 'INSERT INTO schema_version (version) VALUES ($1)', [
            migrations.length,
          ]);
          await db.query('COMMIT');
        } catch (error) {
          await db.query('ROLLBACK');
          throw error;
        }
      }
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      await db.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      // A connection whose state is unknown (a failed ROLLBACK) is not given back to the pool.
      db.release(broken);
    }
  }

  /**
   * A dedicated connection that LISTENs. When PostgreSQL drops it (restart, failover, network), it
   * tries again with a growing pause (1 s, 2 s, 4 s … at most 10 s) until PostgreSQL is back.
   */
  private async listen(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('notification', (message) => {
      if (message.channel !== this.channel || !message.payload) return;
      const change = JSON.parse(message.payload) as StoreChange;
      for (const listener of this.listeners) listener(change);
    });
    // Until LISTEN succeeds a failure is the caller's to retry; after, a lost connection is ours.
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    if (this.closed) return void client.end().catch(() => {}); // closed while connecting
    let lost = false;
    const onLost = () => {
      if (lost || this.closed) return;
      lost = true;
      client.end().catch(() => {});
      void this.relisten(0);
    };
    client.on('error', onLost);
    client.on('end', onLost);
    this.listener = client;
  }

  private async relisten(attempt: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 10_000)).unref());
    if (this.closed) return;
    try {
      await this.listen();
    } catch {
      return this.relisten(attempt + 1);
    }
    // Changes made while we were deaf are unknown: tell the listeners to refresh everything.
    for (const listener of this.listeners) listener({ kind: 'external' });
  }
}

async function tally(db: pg.Pool | pg.PoolClient, pollId: string): Promise<PollTally> {
  const result = await db.query<{
    voters: number | null;
    updated_at: Date | null;
    totals: Record<string, number> | null;
    scores: Record<string, number> | null;
  }>(
    `SELECT p.voters, p.updated_at, t.totals, t.scores
     FROM (SELECT 1) AS one LEFT JOIN polls p ON p.poll_id = $1
     LEFT JOIN (SELECT json_object_agg(option_id, count) AS totals, json_object_agg(option_id, points) AS scores FROM tallies WHERE poll_id = $1) t ON true`,
    [pollId],
  );
  const row = result.rows[0];
  return { totals: row?.totals ?? {}, scores: row?.scores ?? {}, voters: row?.voters ?? 0, updatedAt: row?.updated_at?.toISOString() ?? null };
}
