import type pg from 'pg';
import type { QuestionStatus } from '../../src/contract/questions.js';
import { QuestionGone, questionRecord, type NewQuestion, type QuestionRow, type QuestionRecord, type QuestionStore, type QuestionUpdate } from './question-store.js';
import type { StoreChange } from './store.js';

/** Appended to the PostgreSQL store's migration list. */
export const POSTGRES_QUESTION_MIGRATION = `
  CREATE TABLE questions (board_id text NOT NULL, id text NOT NULL, voter text NOT NULL, text text NOT NULL, name text,
    status text NOT NULL, votes integer NOT NULL DEFAULT 0, answered boolean NOT NULL DEFAULT false,
    pinned boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (board_id, id));
  CREATE UNIQUE INDEX questions_by_author ON questions (board_id, voter, text);
  CREATE TABLE question_votes (board_id text NOT NULL, question_id text NOT NULL, voter text NOT NULL,
    PRIMARY KEY (board_id, question_id, voter));
  CREATE INDEX question_votes_by_voter ON question_votes (board_id, voter);`;

type Transaction = <T>(work: (db: pg.PoolClient) => Promise<T>) => Promise<T>;

/**
 * Questions in PostgreSQL. Every write notifies the store's channel inside its transaction, so
 * every server process (this one too) hears it after the commit and refreshes its streams.
 */
export class PostgresQuestions implements QuestionStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly transaction: Transaction,
    private readonly channel: () => string,
  ) {}

  private notify(db: pg.PoolClient, boardId: string): Promise<unknown> {
    return db.query('SELECT pg_notify($1, $2)', [this.channel(), JSON.stringify({ kind: 'questions', boardId } satisfies StoreChange)]);
  }

  add(q: NewQuestion): Promise<{ question: QuestionRecord; created: boolean }> {
    return this.transaction(async (db) => {
      const inserted = await db.query<QuestionRow>(
        `INSERT INTO questions (board_id, id, voter, text, name, status) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (board_id, voter, text) DO NOTHING RETURNING *`,
        [q.boardId, q.id, q.voter, q.text, q.name, q.status],
      );
      if (inserted.rows[0]) {
        await this.notify(db, q.boardId);
        return { question: questionRecord(inserted.rows[0]), created: true };
      }
      const existing = await db.query<QuestionRow>('SELECT * FROM questions WHERE board_id = $1 AND voter = $2 AND text = $3', [q.boardId, q.voter, q.text]);
      return { question: questionRecord(existing.rows[0]!), created: false };
    });
  }

  async find(boardId: string, voter: string, text: string): Promise<QuestionRecord | undefined> {
    const result = await this.pool.query<QuestionRow>('SELECT * FROM questions WHERE board_id = $1 AND voter = $2 AND text = $3', [boardId, voter, text]);
    return result.rows[0] && questionRecord(result.rows[0]);
  }

  async list(boardId: string, voter?: string): Promise<QuestionRecord[]> {
    const result = await this.pool.query<QuestionRow>(
      `SELECT * FROM questions WHERE board_id = $1 AND (status = 'published' OR (status = 'pending' AND voter = $2)) ORDER BY created_at, id`,
      [boardId, voter ?? ''],
    );
    return result.rows.map(questionRecord);
  }

  async all(boardId: string): Promise<QuestionRecord[]> {
    const result = await this.pool.query<QuestionRow>('SELECT * FROM questions WHERE board_id = $1 ORDER BY created_at, id', [boardId]);
    return result.rows.map(questionRecord);
  }

  async upvotedBy(boardId: string, voter: string): Promise<string[]> {
    const result = await this.pool.query<{ question_id: string }>('SELECT question_id FROM question_votes WHERE board_id = $1 AND voter = $2', [
      boardId,
      voter,
    ]);
    return result.rows.map((row) => row.question_id);
  }

  upvote(boardId: string, questionId: string, voter: string, on: boolean): Promise<{ votes: number; changed: boolean }> {
    return this.transaction(async (db) => {
      // The question's row lock serializes upvotes of one question across processes.
      const question = await db.query<{ status: QuestionStatus; votes: number }>(
        'SELECT status, votes FROM questions WHERE board_id = $1 AND id = $2 FOR UPDATE',
        [boardId, questionId],
      );
      const row = question.rows[0];
      if (row?.status !== 'published') throw new QuestionGone();
      const write = on
        ? 'INSERT INTO question_votes (board_id, question_id, voter) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING'
        : 'DELETE FROM question_votes WHERE board_id = $1 AND question_id = $2 AND voter = $3';
      const changed = ((await db.query(write, [boardId, questionId, voter])).rowCount ?? 0) > 0;
      if (!changed) return { votes: row.votes, changed };
      const updated = await db.query<{ votes: number }>('UPDATE questions SET votes = votes + $3 WHERE board_id = $1 AND id = $2 RETURNING votes', [
        boardId,
        questionId,
        on ? 1 : -1,
      ]);
      await this.notify(db, boardId);
      return { votes: updated.rows[0]!.votes, changed };
    });
  }

  update(boardId: string, questionId: string, change: QuestionUpdate): Promise<QuestionRecord | undefined> {
    return this.transaction(async (db) => {
      const result = await db.query<QuestionRow>(
        `UPDATE questions SET status = coalesce($3, status), answered = coalesce($4, answered), pinned = coalesce($5, pinned)
         WHERE board_id = $1 AND id = $2 RETURNING *`,
        [boardId, questionId, change.status ?? null, change.answered ?? null, change.pinned ?? null],
      );
      if (!result.rows[0]) return undefined;
      await this.notify(db, boardId);
      return questionRecord(result.rows[0]);
    });
  }
}
