import type Database from 'better-sqlite3';
import type { QuestionStatus } from '../../src/contract/questions.js';
import { QuestionGone, type NewQuestion, type QuestionRecord, type QuestionStore, type QuestionUpdate } from './question-store.js';
import type { StoreChange } from './store.js';

/** Appended to the SQLite store's migration list. */
export const SQLITE_QUESTION_MIGRATION = `
  CREATE TABLE questions (board_id TEXT NOT NULL, id TEXT NOT NULL, voter TEXT NOT NULL, text TEXT NOT NULL, name TEXT,
    status TEXT NOT NULL, votes INTEGER NOT NULL DEFAULT 0, answered INTEGER NOT NULL DEFAULT 0, pinned INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL, PRIMARY KEY (board_id, id)) WITHOUT ROWID;
  CREATE UNIQUE INDEX questions_by_author ON questions (board_id, voter, text);
  CREATE TABLE question_votes (board_id TEXT NOT NULL, question_id TEXT NOT NULL, voter TEXT NOT NULL,
    PRIMARY KEY (board_id, question_id, voter)) WITHOUT ROWID;
  CREATE INDEX question_votes_by_voter ON question_votes (board_id, voter);`;

interface Row {
  board_id: string;
  id: string;
  voter: string;
  text: string;
  name: string | null;
  status: QuestionStatus;
  votes: number;
  answered: number;
  pinned: number;
  created_at: string;
}

const record = (row: Row): QuestionRecord => ({
  id: row.id,
  boardId: row.board_id,
  voter: row.voter,
  text: row.text,
  name: row.name,
  status: row.status,
  votes: row.votes,
  answered: row.answered === 1,
  pinned: row.pinned === 1,
  createdAt: row.created_at,
});

/**
 * Questions in the SQLite file. Each write is its own short transaction: in WAL mode with
 * `synchronous = NORMAL` a commit is in the OS when the call returns, so a killed process loses no
 * question or upvote that was acknowledged.
 */
export class SqliteQuestions implements QuestionStore {
  private readonly s;
  private readonly upvoteTx;

  constructor(
    db: Database.Database,
    private readonly emit: (change: StoreChange) => void,
  ) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO questions (board_id, id, voter, text, name, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (board_id, voter, text) DO NOTHING`,
      ),
      byAuthor: db.prepare<[string, string, string], Row>('SELECT * FROM questions WHERE board_id = ? AND voter = ? AND text = ?'),
      one: db.prepare<[string, string], Row>('SELECT * FROM questions WHERE board_id = ? AND id = ?'),
      list: db.prepare<[string, string], Row>(
        `SELECT * FROM questions WHERE board_id = ? AND (status = 'published' OR (status = 'pending' AND voter = ?)) ORDER BY created_at, id`,
      ),
      all: db.prepare<[string], Row>('SELECT * FROM questions WHERE board_id = ? ORDER BY created_at, id'),
      upvoted: db.prepare<[string, string], { question_id: string }>('SELECT question_id FROM question_votes WHERE board_id = ? AND voter = ?'),
      addVote: db.prepare('INSERT INTO question_votes (board_id, question_id, voter) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      removeVote: db.prepare('DELETE FROM question_votes WHERE board_id = ? AND question_id = ? AND voter = ?'),
      count: db.prepare('UPDATE questions SET votes = votes + ? WHERE board_id = ? AND id = ?'),
      update: db.prepare(
        `UPDATE questions SET status = coalesce(?, status), answered = coalesce(?, answered), pinned = coalesce(?, pinned)
         WHERE board_id = ? AND id = ?`,
      ),
    };
    const s = this.s;
    this.upvoteTx = db.transaction((boardId: string, questionId: string, voter: string, on: boolean) => {
      const row = s.one.get(boardId, questionId);
      if (row?.status !== 'published') throw new QuestionGone();
      const changed = (on ? s.addVote : s.removeVote).run(boardId, questionId, voter).changes > 0;
      if (changed) s.count.run(on ? 1 : -1, boardId, questionId);
      return { votes: row.votes + (changed ? (on ? 1 : -1) : 0), changed };
    });
  }

  async add(q: NewQuestion): Promise<{ question: QuestionRecord; created: boolean }> {
    const created = this.s.insert.run(q.boardId, q.id, q.voter, q.text, q.name, q.status, new Date().toISOString()).changes > 0;
    if (created) this.emit({ kind: 'questions', boardId: q.boardId });
    return { question: record(this.s.byAuthor.get(q.boardId, q.voter, q.text)!), created };
  }

  async find(boardId: string, voter: string, text: string): Promise<QuestionRecord | undefined> {
    const row = this.s.byAuthor.get(boardId, voter, text);
    return row && record(row);
  }

  async list(boardId: string, voter?: string): Promise<QuestionRecord[]> {
    // '' is never a voter id (VOTER_ID needs 8 characters): no pending question matches it.
    return this.s.list.all(boardId, voter ?? '').map(record);
  }

  async all(boardId: string): Promise<QuestionRecord[]> {
    return this.s.all.all(boardId).map(record);
  }

  async upvotedBy(boardId: string, voter: string): Promise<string[]> {
    return this.s.upvoted.all(boardId, voter).map((row) => row.question_id);
  }

  async upvote(boardId: string, questionId: string, voter: string, on: boolean): Promise<{ votes: number; changed: boolean }> {
    const result = this.upvoteTx.immediate(boardId, questionId, voter, on);
    if (result.changed) this.emit({ kind: 'questions', boardId });
    return result;
  }

  async update(boardId: string, questionId: string, change: QuestionUpdate): Promise<QuestionRecord | undefined> {
    const flag = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);
    const { changes } = this.s.update.run(change.status ?? null, flag(change.answered), flag(change.pinned), boardId, questionId);
    if (!changes) return undefined;
    this.emit({ kind: 'questions', boardId });
    return record(this.s.one.get(boardId, questionId)!);
  }
}
