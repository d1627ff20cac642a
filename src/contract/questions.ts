// The question API's rules, shared by <civic-questions> and the reference server so the two cannot disagree.
import type { ApiErrorCode } from './errors.js';
import type { PollStatus } from './poll-snapshot.js';

/** Longest question, in characters (Unicode code points, so that an emoji counts once). */
export const QUESTION_MAX = 280;
/** Longest optional name shown beside a question. */
export const NAME_MAX = 60;

/** Where a question stands: only `published` ones are shown to everybody. */
export type QuestionStatus = 'pending' | 'published' | 'rejected';
/** A board opens and closes by its dates, like a poll. */
export type BoardStatus = PollStatus;

/** One question as `GET {base}` and the stream show it. */
export interface QuestionView {
  id: string;
  text: string;
  name?: string;
  votes: number;
  answered: boolean;
  pinned: boolean;
  createdAt: string;
  /** Only in the answer to its own author (`?voter=`): not published yet. */
  pending?: true;
}

/** `GET {base}`, and each SSE `questions` event (which never carries `mine`). */
export interface QuestionsSnapshot {
  id: string;
  status: BoardStatus;
  moderation: 'none' | 'pre';
  opensAt: string | null;
  closesAt: string | null;
  /** Published questions, most upvoted first; with `?voter=`, also that voter's own pending ones. */
  questions: QuestionView[];
  /**
   * Ids of the questions a moderator rejected or withdrew, so that their author's page, which shows
   * its own questions before they are published, stops showing them. Ids only: never their text.
   * The reference server always sends it; another server may leave it out.
   */
  rejected?: string[];
  /**
   * Only in stream events after a stream's first: `questions` holds just the published questions that
   * are new or changed since the previous event; the others are as that event left them, less those
   * now in `rejected`.
   */
  partial?: true;
  /** With `?voter=`: the ids of the questions this voter upvoted. */
  upvoted?: string[];
}

/** `POST {base}` answers `201` with this. */
export interface QuestionReceipt {
  id: string;
  status: Exclude<QuestionStatus, 'rejected'>;
}

/** `PUT` / `DELETE {base}/<questionId>/votes/<voter>` answer with this. */
export interface UpvoteReceipt {
  id: string;
  votes: number;
  upvoted: boolean;
}

export interface QuestionViolation {
  code: Extract<ApiErrorCode, 'question-empty' | 'question-too-long' | 'invalid-request'>;
  message: string;
}

/** Characters as a reader counts them (code points), the unit of QUESTION_MAX. */
export function characters(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * What is stored and compared: NFC, no control characters (a newline or tab becomes a space),
 * no leading or trailing spaces. The same voter sending the same cleaned text twice asks once.
 */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/** Why a question cannot be accepted, or undefined when it can (both already cleaned). */
export function checkQuestion(text: string, name?: string): QuestionViolation | undefined {
  if (!text) return { code: 'question-empty', message: 'write a question first' };
  if (characters(text) > QUESTION_MAX) return { code: 'question-too-long', message: `a question has at most ${QUESTION_MAX} characters` };
  if (name !== undefined && characters(name) > NAME_MAX) return { code: 'invalid-request', message: `a name has at most ${NAME_MAX} characters` };
  return undefined;
}

/** Pinned first, then unanswered before answered, then by `order`; ties: the older first. */
export function sortQuestions<Q extends Pick<QuestionView, 'votes' | 'createdAt' | 'pinned' | 'answered' | 'id'>>(
  questions: readonly Q[],
  order: 'votes' | 'newest',
): Q[] {
  return [...questions].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      Number(a.answered) - Number(b.answered) ||
      (order === 'votes' ? b.votes - a.votes : 0) ||
      (order === 'newest' ? b.createdAt.localeCompare(a.createdAt) : a.createdAt.localeCompare(b.createdAt)) ||
      a.id.localeCompare(b.id),
  );
}
