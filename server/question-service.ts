import { randomBytes } from 'node:crypto';
import { pollStatus } from '../src/contract/poll-rules.js';
import {
  checkQuestion,
  cleanText,
  sortQuestions,
  type BoardStatus,
  type QuestionReceipt,
  type QuestionsSnapshot,
  type QuestionView,
  type UpvoteReceipt,
} from '../src/contract/questions.js';
import { statusCounts, type BoardModeration, type BoardSummary, type ModeratedQuestion } from '../src/contract/admin.js';
import { localize } from '../src/contract/text.js';
import type { QuestionBoard } from '../src/contract/types.js';
import { ApiError } from './errors.js';
import type { BoardEntry, FeedCatalog } from './feed-catalog.js';
import { QuestionGone, type QuestionRecord, type QuestionUpdate } from './storage/question-store.js';
import type { Store } from './storage/store.js';

/** A person asks a handful of questions in a session; more in one minute is a script or a stuck key. */
export const DEFAULT_QUESTIONS_PER_VOTER_PER_MINUTE = 5;

const view = (q: QuestionRecord): QuestionView => ({
  id: q.id,
  text: q.text,
  ...(q.name ? { name: q.name } : {}),
  votes: q.votes,
  answered: q.answered,
  pinned: q.pinned,
  createdAt: q.createdAt,
  ...(q.status === 'pending' ? { pending: true as const } : {}),
});

type PublicList = Pick<QuestionsSnapshot, 'questions' | 'rejected'>;

/** What a moderator is shown of a stored question: everything but its author's voter id. */
export const moderated = ({ voter: _, boardId: __, ...q }: QuestionRecord): ModeratedQuestion => q;

/** The question boards of the served feeds: asking, upvoting, moderating, and the public lists. */
export class QuestionService {
  private readonly listeners: ((boardId: string | undefined) => void)[] = [];
  /** Each board's public list, read once for every anonymous reader and stream. */
  private readonly published = new Map<string, Promise<PublicList>>();
  /** Recent question times per voter (this process), for the per-voter rate limit. */
  private readonly recent = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    readonly catalog: FeedCatalog,
    readonly store: Store,
    readonly now: () => number = Date.now,
    private readonly perVoterPerMinute = DEFAULT_QUESTIONS_PER_VOTER_PER_MINUTE,
  ) {
    store.onChange((change) => {
      if (change.kind === 'questions') this.changed(change.boardId);
      else if (change.kind === 'external') this.changed(undefined);
    });
  }

  /** Called after any question of `boardId` changed (undefined: any board may have). */
  onChange(listener: (boardId: string | undefined) => void): void {
    this.listeners.push(listener);
  }

  entry(boardId: string): BoardEntry {
    const entry = this.catalog.questions.get(boardId);
    if (!entry) throw new ApiError(404, 'unknown-board', `no question board "${boardId}" on this server`);
    return entry;
  }

  status(board: QuestionBoard): BoardStatus {
    return pollStatus(board, this.now());
  }

  /**
   * What everybody may see of a board, read and sorted once for every anonymous reader and stream:
   * the published questions, most upvoted first, and the ids of those a moderator rejected.
   */
  publicList(boardId: string): Promise<PublicList> {
    let list = this.published.get(boardId);
    if (!list) {
      list = this.store.questions.all(boardId).then((all) => ({
        questions: sortQuestions(all.filter((q) => q.status === 'published').map(view), 'votes'),
        rejected: all.filter((q) => q.status === 'rejected').map((q) => q.id),
      }));
      this.published.set(boardId, list);
      list.catch(() => this.published.delete(boardId));
    }
    return list;
  }

  /** `GET {base}`: for a voter, their own pending questions and upvotes too. */
  async snapshot(boardId: string, voter?: string): Promise<QuestionsSnapshot> {
    const { board } = this.entry(boardId);
    const base = this.base(board);
    if (!voter) return { ...base, ...(await this.publicList(boardId)) };
    const [questions, upvoted, { rejected }] = await Promise.all([
      this.store.questions.list(boardId, voter),
      this.store.questions.upvotedBy(boardId, voter),
      this.publicList(boardId),
    ]);
    return { ...base, questions: sortQuestions(questions.map(view), 'votes'), rejected, upvoted };
  }

  base(board: QuestionBoard): Omit<QuestionsSnapshot, 'questions' | 'rejected'> {
    return { id: board.id, status: this.status(board), moderation: board.moderation, opensAt: board.opensAt ?? null, closesAt: board.closesAt ?? null };
  }

  /** `POST {base}`. The same voter asking the same text again gets the first question back. */
  async ask(boardId: string, voter: string, rawText: string, rawName?: string): Promise<QuestionReceipt & { created: boolean }> {
    const { board } = this.entry(boardId);
    this.assertOpen(board);
    const text = cleanText(rawText);
    const name = rawName === undefined ? undefined : cleanText(rawName);
    const violation = checkQuestion(text, name);
    if (violation) throw new ApiError(400, violation.code, violation.message);
    // A retry of a question that landed must not count against the limit, nor be refused by it.
    const known = await this.store.questions.find(boardId, voter, text);
    if (known) return { id: known.id, status: known.status === 'published' ? 'published' : 'pending', created: false };
    this.limitVoter(boardId, voter);
    const { question, created } = await this.store.questions.add({
      boardId,
      id: randomBytes(9).toString('base64url'),
      voter,
      text,
      name: name || null,
      status: board.moderation === 'pre' ? 'pending' : 'published',
    });
    if (created) this.changed(boardId);
    return { id: question.id, status: question.status === 'published' ? 'published' : 'pending', created };
  }

  /** `PUT` (on) or `DELETE` (off) `{base}/<questionId>/votes/<voter>`: idempotent. */
  async upvote(boardId: string, questionId: string, voter: string, on: boolean): Promise<UpvoteReceipt> {
    const { board } = this.entry(boardId);
    this.assertOpen(board);
    try {
      const { votes, changed } = await this.store.questions.upvote(boardId, questionId, voter, on);
      if (changed) this.changed(boardId);
      return { id: questionId, votes, upvoted: on };
    } catch (error) {
      if (error instanceof QuestionGone) throw new ApiError(404, 'unknown-question', `no published question "${questionId}" on board "${boardId}"`);
      throw error;
    }
  }

  /** A moderator's decision on one question. */
  async moderate(boardId: string, questionId: string, change: QuestionUpdate): Promise<QuestionRecord> {
    this.entry(boardId);
    const question = await this.store.questions.update(boardId, questionId, change);
    if (!question) throw new ApiError(404, 'unknown-question', `no question "${questionId}" on board "${boardId}"`);
    this.changed(boardId);
    return question;
  }

  /** Every question of the board, whatever its status, oldest first. */
  all(boardId: string): Promise<QuestionRecord[]> {
    this.entry(boardId);
    return this.store.questions.all(boardId);
  }

  /** Every board's counts, for `/api/admin/questions`. */
  async list(): Promise<BoardSummary[]> {
    return Promise.all(
      [...this.catalog.questions.keys()].map(async (id) => {
        const { questions: _, ...summary } = await this.moderation(id);
        return summary;
      }),
    );
  }

  /** A board as the console moderates it: its counts and every question, oldest first. */
  async moderation(boardId: string): Promise<BoardModeration> {
    const { board, feed } = this.entry(boardId);
    const questions = (await this.store.questions.all(boardId)).map(moderated);
    return {
      id: board.id,
      feed: feed.name,
      title: localize(board.title, feed.feed.languages?.[0] ?? 'en', feed.feed.languages),
      moderation: board.moderation,
      status: this.status(board),
      ...statusCounts(questions),
      questions,
    };
  }

  private assertOpen(board: QuestionBoard): void {
    const status = this.status(board);
    if (status !== 'open') throw new ApiError(409, 'board-not-open', `question board "${board.id}" is ${status}`);
  }

  private limitVoter(boardId: string, voter: string): void {
    const key = `${boardId}\n${voter}`;
    const now = this.now();
    const times = (this.recent.get(key) ?? []).filter((t) => t > now - 60_000);
    if (times.length >= this.perVoterPerMinute) {
      const wait = Math.ceil((times[0]! + 60_000 - now) / 1000);
      throw new ApiError(429, 'rate-limited', `too many questions from this visitor; try again in ${wait} s`);
    }
    times.push(now);
    this.recent.set(key, times);
    // Voters quiet for a minute are forgotten, in one sweep a minute: sweeping at every question
    // would cost as much as the voters of the last minute, per question.
    if (now - this.lastSweep >= 60_000) {
      this.lastSweep = now;
      for (const [voter, at] of this.recent) if (at.every((t) => t <= now - 60_000)) this.recent.delete(voter);
    }
  }

  private changed(boardId: string | undefined): void {
    if (boardId) this.published.delete(boardId);
    else this.published.clear();
    for (const listener of this.listeners) listener(boardId);
  }
}
