import type { ModeratedQuestion } from '../../src/contract/admin.js';
import type { QuestionStatus } from '../../src/contract/questions.js';

/** A question as stored: what a moderator sees, plus its board and its author's voter id. */
export interface QuestionRecord extends ModeratedQuestion {
  boardId: string;
  voter: string;
}

/**
 * A `questions` row as either database returns it: SQLite gives 0/1 and the ISO text it was given,
 * PostgreSQL booleans and a Date.
 */
export interface QuestionRow {
  board_id: string;
  id: string;
  voter: string;
  text: string;
  name: string | null;
  status: QuestionStatus;
  votes: number;
  answered: boolean | number;
  pinned: boolean | number;
  created_at: string | Date;
}

export const questionRecord = (row: QuestionRow): QuestionRecord => ({
  id: row.id,
  boardId: row.board_id,
  voter: row.voter,
  text: row.text,
  name: row.name,
  status: row.status,
  votes: row.votes,
  answered: row.answered === true || row.answered === 1,
  pinned: row.pinned === true || row.pinned === 1,
  createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
});

export interface NewQuestion {
  boardId: string;
  /** Chosen by the caller (random); ignored when the same voter already asked the same text. */
  id: string;
  voter: string;
  text: string;
  name: string | null;
  status: Exclude<QuestionStatus, 'rejected'>;
}

/** What a moderator may change on one question. */
export interface QuestionUpdate {
  status?: QuestionStatus;
  answered?: boolean;
  pinned?: boolean;
}

/** Upvote of a question that is not there or not published (pending, rejected). */
export class QuestionGone extends Error {}

/**
 * The questions of every board and their upvotes, in the same database as the votes. Each write
 * announces `{ kind: 'questions', boardId }` through the store's change feed (NOTIFY on PostgreSQL).
 */
export interface QuestionStore {
  /**
   * Stores a question, or returns the one this voter already asked with the same text (then
   * `created` is false and nothing is written).
   */
  add(question: NewQuestion): Promise<{ question: QuestionRecord; created: boolean }>;
  /** Finds the question this voter already asked with this text. */
  find(boardId: string, voter: string, text: string): Promise<QuestionRecord | undefined>;
  /** Published questions, and with `voter` that voter's own pending ones. */
  list(boardId: string, voter?: string): Promise<QuestionRecord[]>;
  /** Every question of the board, whatever its status (for moderators and exports). */
  all(boardId: string): Promise<QuestionRecord[]>;
  /** Ids of the questions `voter` upvoted on this board. */
  upvotedBy(boardId: string, voter: string): Promise<string[]>;
  /** Sets or takes back one voter's upvote; idempotent. Throws QuestionGone unless published. */
  upvote(boardId: string, questionId: string, voter: string, on: boolean): Promise<{ votes: number; changed: boolean }>;
  /** A moderator's change; undefined when there is no such question. */
  update(boardId: string, questionId: string, change: QuestionUpdate): Promise<QuestionRecord | undefined>;
}
