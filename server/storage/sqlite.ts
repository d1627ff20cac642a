import Database from 'better-sqlite3';
import type { BallotRule, Override, PollTally } from '../../src/contract/poll-rules.js';
import { ballotDelta, sameBallot } from '../../src/contract/poll-rules.js';
import { Batcher } from './batcher.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { SQLITE_QUESTION_MIGRATION, SqliteQuestions } from './sqlite-questions.js';
import type { Store, StoreChange, VoteRecord, VoteResult } from './store.js';

const MIGRATIONS = [
  `CREATE TABLE votes (poll_id TEXT NOT NULL, voter TEXT NOT NULL, choices TEXT NOT NULL, voted_at TEXT NOT NULL,
     PRIMARY KEY (poll_id, voter)) WITHOUT ROWID;
   CREATE TABLE tallies (poll_id TEXT NOT NULL, option_id TEXT NOT NULL, count INTEGER NOT NULL,
     PRIMARY KEY (poll_id, option_id)) WITHOUT ROWID;
   CREATE TABLE polls (poll_id TEXT PRIMARY KEY, override TEXT, voters INTEGER NOT NULL DEFAULT 0, updated_at TEXT);`,
  // Ranking polls: each option's Borda points beside its count.
  `ALTER TABLE tallies ADD COLUMN points INTEGER NOT NULL DEFAULT 0;`,
  SQLITE_QUESTION_MIGRATION,
];

/** Another process (the CLI) may write the same file; checked this often through `PRAGMA data_version`. */
const EXTERNAL_CHECK_MS = 1000;

interface Ballot {
  pollId: string;
  voter: string;
  choices: readonly string[];
  rule?: BallotRule;
}

/**
 * One SQLite file in WAL mode. Votes that arrive in the same turn of the event loop are written in
 * one transaction (group commit: one WAL write for many ballots), and each is answered only after
 * that commit, which survives a killed process. Tallies are cached and re-read after each commit.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly listeners: ((change: StoreChange) => void)[] = [];
  private readonly statements;
  private readonly voteTx;
  private readonly batchTx;
  private readonly batcher = new Batcher<Ballot, VoteResult>((ballots) => this.writeVotes(ballots));
  private readonly tallies = new Map<string, PollTally>();
  private dataVersion: number;
  private readonly watcher: NodeJS.Timeout;

  private readonly checkpointer;
  readonly questions: SqliteQuestions;

  static async open(file: string): Promise<SqliteStore> {
    const db = new Database(file);
    try {
      return new SqliteStore(db, file);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  private constructor(
    private readonly db: Database.Database,
    file: string,
  ) {
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    // NORMAL in WAL mode: a commit is in the OS before the call returns, so a killed process loses
    // nothing; only a power cut may lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    this.checkpointer = startCheckpointer(file);
    const s = {
      choices: db.prepare<[string, string], { choices: string }>('SELECT choices FROM votes WHERE poll_id = ? AND voter = ?'),
      upsertVote: db.prepare(
        `INSERT INTO votes (poll_id, voter, choices, voted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (poll_id, voter) DO UPDATE SET choices = excluded.choices, voted_at = excluded.voted_at`,
      ),
      addTally: db.prepare(
        `INSERT INTO tallies (poll_id, option_id, count, points) VALUES (?, ?, ?, ?)
         ON CONFLICT (poll_id, option_id) DO UPDATE SET count = count + excluded.count, points = points + excluded.points`,
      ),
      touchPoll: db.prepare(
        `INSERT INTO polls (poll_id, voters, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (poll_id) DO UPDATE SET voters = voters + excluded.voters, updated_at = excluded.updated_at`,
      ),
      tallies: db.prepare<[string], { option_id: string; count: number; points: number }>('SELECT option_id, count, points FROM tallies WHERE poll_id = ?'),
      poll: db.prepare<[string], { voters: number; updated_at: string | null }>('SELECT voters, updated_at FROM polls WHERE poll_id = ?'),
      overrides: db.prepare<[], { poll_id: string; override: Override }>('SELECT poll_id, override FROM polls WHERE override IS NOT NULL'),
      setOverride: db.prepare(
        'INSERT INTO polls (poll_id, override) VALUES (?, ?) ON CONFLICT (poll_id) DO UPDATE SET override = excluded.override',
      ),
      deleteVotes: db.prepare('DELETE FROM votes WHERE poll_id = ?'),
      deleteTallies: db.prepare('DELETE FROM tallies WHERE poll_id = ?'),
      resetPoll: db.prepare('UPDATE polls SET voters = 0, updated_at = ? WHERE poll_id = ?'),
      votes: db.prepare<[string], { voter: string; choices: string; voted_at: string }>(
        'SELECT voter, choices, voted_at FROM votes WHERE poll_id = ? ORDER BY voted_at, voter',
      ),
    };
    this.statements = s;
    this.questions = new SqliteQuestions(db, (change) => this.emit(change));
    // Runs inside batchTx's transaction.
    this.voteTx = ({ pollId, voter, choices, rule }: Ballot): boolean => {
      const row = s.choices.get(pollId, voter);
      const before: string[] | undefined = row ? JSON.parse(row.choices) : undefined;
      if (before && sameBallot(before, choices, rule)) return false;
      const now = new Date().toISOString();
      s.upsertVote.run(pollId, voter, JSON.stringify(choices), now);
      for (const [option, votes, points] of ballotDelta(before, choices, rule)) s.addTally.run(pollId, option, votes, points);
      s.touchPoll.run(pollId, row ? 0 : 1, now);
      return true;
    };
    this.batchTx = db.transaction((batch: readonly Ballot[]) => batch.map((ballot) => this.voteTx(ballot)));
    this.dataVersion = this.readDataVersion();
    this.watcher = setInterval(() => this.checkExternal(), EXTERNAL_CHECK_MS).unref();
  }

  vote(pollId: string, voter: string, choices: readonly string[], rule?: BallotRule): Promise<VoteResult> {
    return this.batcher.push({ pollId, voter, choices, rule });
  }

  async tally(pollId: string): Promise<PollTally> {
    return this.tallySync(pollId);
  }

  async choicesOf(pollId: string, voter: string): Promise<string[] | undefined> {
    const row = this.statements.choices.get(pollId, voter);
    return row ? JSON.parse(row.choices) : undefined;
  }

  async overrides(): Promise<Map<string, Override>> {
    return new Map(this.statements.overrides.all().map((row) => [row.poll_id, row.override]));
  }

  async setOverride(pollId: string, override: Override): Promise<void> {
    this.statements.setOverride.run(pollId, override);
    this.emit({ kind: 'override', pollId, override });
  }

  async reset(pollId: string): Promise<void> {
    const s = this.statements;
    this.db.transaction(() => {
      s.deleteVotes.run(pollId);
      s.deleteTallies.run(pollId);
      s.resetPoll.run(new Date().toISOString(), pollId);
    })();
    this.tallies.delete(pollId);
    this.emit({ kind: 'reset', pollId });
  }

  async votes(pollId: string): Promise<VoteRecord[]> {
    return this.statements.votes.all(pollId).map((row) => ({ voter: row.voter, choices: JSON.parse(row.choices), votedAt: row.voted_at }));
  }

  onChange(listener: (change: StoreChange) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.watcher);
    if (!this.db.open) return;
    await this.batcher.settle();
    await this.questions.settle();
    this.db.close();
    await this.checkpointer.stop();
  }

  private writeVotes(ballots: Ballot[]): VoteResult[] {
    const changed = this.batchTx(ballots);
    for (const ballot of ballots) this.tallies.delete(ballot.pollId);
    return ballots.map((ballot, i) => {
      if (changed[i]) this.emit({ kind: 'vote', pollId: ballot.pollId, voter: ballot.voter, choices: [...ballot.choices] });
      return { tally: this.tallySync(ballot.pollId), changed: changed[i]! };
    });
  }

  private tallySync(pollId: string): PollTally {
    const cached = this.tallies.get(pollId);
    if (cached) return cached;
    const poll = this.statements.poll.get(pollId);
    const totals: Record<string, number> = {};
    const scores: Record<string, number> = {};
    for (const row of this.statements.tallies.all(pollId)) {
      totals[row.option_id] = row.count;
      scores[row.option_id] = row.points;
    }
    const tally = { totals, scores, voters: poll?.voters ?? 0, updatedAt: poll?.updated_at ?? null };
    this.tallies.set(pollId, tally);
    return tally;
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private readDataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  private checkExternal(): void {
    if (!this.db.open) return;
    const version = this.readDataVersion();
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    this.tallies.clear();
    this.emit({ kind: 'external' });
  }
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare<[], { version: number }>('SELECT version FROM schema_version').get();
    const current = row?.version ?? 0;
    for (let version = current; version < MIGRATIONS.length; version++) db.exec(MIGRATIONS[version]!);
    if (!row) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
    else db.prepare('UPDATE schema_version SET version = ?').run(MIGRATIONS.length);
  }).immediate();
}
