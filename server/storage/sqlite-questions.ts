import type Database from 'better-sqlite3';
import { Batcher } from './batcher.js';
import { QuestionGone, questionRecord, type NewQuestion, type QuestionRow, type QuestionRecord, type QuestionStore, type QuestionUpdate } from './question-store.js';
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

type Write =
  | { kind: 'add'; question: NewQuestion; at: string }
  | { kind: 'upvote'; boardId: string; questionId: string; voter: string; on: boolean };

type Written = { created: boolean } | { votes: number; changed: boolean } | QuestionGone;

/**
 * Questions in the SQLite file. Questions and upvotes that arrive in the same turn of the event
 * loop are written in one transaction (group commit, as votes are), and each is answered only after
 * that commit: in WAL mode with `synchronous = NORMAL` a commit is in the OS when the call returns,
 * so a killed process loses no question or upvote that was acknowledged.
 */
export class SqliteQuestions implements QuestionStore {
  private readonly s;
  private readonly batchTx;
  private readonly batcher = new Batcher<Write, Written>((writes) => this.write(writes));

  constructor(
    db: Database.Database,
    private readonly emit: (change: StoreChange) => void,
  ) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO questions (board_id, id, voter, text, name, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (board_id, voter, text) DO NOTHING`,
      ),
      byAuthor: db.prepare<[string, string, string], QuestionRow>('SELECT * FROM questions WHERE board_id = ? AND voter = ? AND text = ?'),
      one: db.prepare<[string, string], QuestionRow>('SELECT * FROM questions WHERE board_id = ? AND id = ?'),
      list: db.prepare<[string, string], QuestionRow>(
        `SELECT * FROM questions WHERE board_id = ? AND (status = 'published' OR (status = 'pending' AND voter = ?)) ORDER BY created_at, id`,
      ),
      all: db.prepare<[string], QuestionRow>('SELECT * FROM questions WHERE board_id = ? ORDER BY created_at, id'),
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
    const upvote = (boardId: string, questionId: string, voter: string, on: boolean): Written => {
      const row = s.one.get(boardId, questionId);
      if (row?.status !== 'published') return new QuestionGone();
      const changed = (on ? s.addVote : s.removeVote).run(boardId, questionId, voter).changes > 0;
      if (changed) s.count.run(on ? 1 : -1, boardId, questionId);
      return { votes: row.votes + (changed ? (on ? 1 : -1) : 0), changed };
    };
    this.batchTx = db.transaction((writes: readonly Write[]) =>
      writes.map((w): Written => {
        if (w.kind === 'upvote') return upvote(w.boardId, w.questionId, w.voter, w.on);
        const q = w.question;
        return { created: s.insert.run(q.boardId, q.id, q.voter, q.text, q.name, q.status, w.at).changes > 0 };
      }),
    );
  }

  private write(writes: Write[]): Written[] {
    const results = this.batchTx.immediate(writes);
    const boards = new Set<string>();
    writes.forEach((w, i) => {
      const r = results[i]!;
      if (('created' in r && r.created) || ('changed' in r && r.changed)) boards.add(w.kind === 'add' ? w.question.boardId : w.boardId);
    });
    for (const boardId of boards) this.emit({ kind: 'questions', boardId });
    return results;
  }

  /** Waits for the writes in flight (before the database closes). */
  settle(): Promise<void> {
    return this.batcher.settle();
  }

  async add(q: NewQuestion): Promise<{ question: QuestionRecord; created: boolean }> {
    const { created } = (await this.batcher.push({ kind: 'add', question: q, at: new Date().toISOString() })) as { created: boolean };
    return { question: questionRecord(this.s.byAuthor.get(q.boardId, q.voter, q.text)!), created };
  }

  async find(boardId: string, voter: string, text: string): Promise<QuestionRecord | undefined> {
    const row = this.s.byAuthor.get(boardId, voter, text);
    return row && questionRecord(row);
  }

  async list(boardId: string, voter?: string): Promise<QuestionRecord[]> {
    // '' is never a voter id (VOTER_ID needs 8 characters): no pending question matches it.
    return this.s.list.all(boardId, voter ?? '').map(questionRecord);
  }

  async all(boardId: string): Promise<QuestionRecord[]> {
    return this.s.all.all(boardId).map(questionRecord);
  }

  async upvotedBy(boardId: string, voter: string): Promise<string[]> {
    return this.s.upvoted.all(boardId, voter).map((row) => row.question_id);
  }

  async upvote(boardId: string, questionId: string, voter: string, on: boolean): Promise<{ votes: number; changed: boolean }> {
    const result = await this.batcher.push({ kind: 'upvote', boardId, questionId, voter, on });
    if (result instanceof QuestionGone) throw result;
    return result as { votes: number; changed: boolean };
  }

  async update(boardId: string, questionId: string, change: QuestionUpdate): Promise<QuestionRecord | undefined> {
    const flag = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);
    const { changes } = this.s.update.run(change.status ?? null, flag(change.answered), flag(change.pinned), boardId, questionId);
    if (!changes) return undefined;
    this.emit({ kind: 'questions', boardId });
    return questionRecord(this.s.one.get(boardId, questionId)!);
  }
}
