import type { BallotRule, Override, PollTally } from '../../src/contract/poll-rules.js';
import type { QuestionStore } from './question-store.js';

export interface VoteRecord {
  voter: string;
  choices: string[];
  votedAt: string;
}

/** What changed, so that every process can update its SSE clients without asking the store again. */
export type StoreChange =
  | { kind: 'vote'; pollId: string; voter: string; choices: string[] }
  | { kind: 'override'; pollId: string; override: Override }
  | { kind: 'reset'; pollId: string }
  /** A question of the board was asked, upvoted or moderated. */
  | { kind: 'questions'; boardId: string }
  /**
   * Anything may have changed: another process wrote to the same SQLite file (the CLI), or the
   * PostgreSQL listener was disconnected for a while and may have missed notifications.
   */
  | { kind: 'external' };

export interface VoteResult {
  tally: PollTally;
  /** False when the voter sent the same choices again: nothing was written. */
  changed: boolean;
}

/** Votes, tallies and admin overrides. SQLite (one process) or PostgreSQL (many processes). */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The audience questions (`<civic-questions>`), in the same database. */
  readonly questions: QuestionStore;
  /**
   * Records `voter`'s ballot, replacing any earlier one, and returns the tally after it. `rule` says
   * how it counts (a ranking also adds points); without it, one vote per option chosen.
   */
  vote(pollId: string, voter: string, choices: readonly string[], rule?: BallotRule): Promise<VoteResult>;
  tally(pollId: string): Promise<PollTally>;
  /** The voter's current choices, undefined when they have not voted. */
  choicesOf(pollId: string, voter: string): Promise<string[] | undefined>;
  overrides(): Promise<Map<string, Override>>;
  setOverride(pollId: string, override: Override): Promise<void>;
  reset(pollId: string): Promise<void>;
  votes(pollId: string): Promise<VoteRecord[]>;
  /** Called for every change, made by this process or (PostgreSQL, SQLite via the CLI) by another. */
  onChange(listener: (change: StoreChange) => void): void;
  close(): Promise<void>;
}

/** The store could not be opened: the message names it (without a password) and says why. */
export class StoreError extends Error {}

export async function openStore(options: { databaseUrl?: string; sqliteFile: string }): Promise<Store> {
  if (options.databaseUrl) {
    const url = URL.canParse(options.databaseUrl) ? new URL(options.databaseUrl) : undefined;
    if (url?.protocol !== 'postgres:' && url?.protocol !== 'postgresql:') {
      // The text may hold a password: never repeat it.
      throw new StoreError('DATABASE_URL is not a PostgreSQL URL (expected postgres://user:password@host/database)');
    }
    if (url.password) url.password = '***';
    url.searchParams.delete('schema');
    const where = url.href;
    const { PostgresStore } = await import('./postgres.js');
    return PostgresStore.open(options.databaseUrl).catch((error: Error) => {
      throw new StoreError(`cannot use PostgreSQL at ${where} (DATABASE_URL): ${error.message}`);
    });
  }
  const { SqliteStore } = await import('./sqlite.js');
  return SqliteStore.open(options.sqliteFile).catch((error: Error) => {
    throw new StoreError(`cannot open the SQLite database ${options.sqliteFile} (--db): ${error.message}`);
  });
}
