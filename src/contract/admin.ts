import type { Override, PollStatus } from './poll-rules.js';
import type { BoardStatus, QuestionStatus } from './questions.js';
import type { Poll, Text } from './types.js';

/** What `/api/admin/polls` and the admin stream say about a poll. */
export interface PollSummary {
  id: string;
  feed: string;
  title: string;
  status: PollStatus;
  override: Override;
  opensAt: string | null;
  closesAt: string | null;
  voters: number;
  totals: Record<string, number>;
  /** Ranking polls: each option's Borda points. */
  scores?: Record<string, number>;
  updatedAt: string | null;
}

export interface FeedIssue {
  /** Where: a path in the feed (`sessions[2].start`), or the source it came from. */
  path: string;
  message: string;
}

export interface SourceReport {
  type: string;
  location: string;
  lastSync: string | null;
  lastAttempt: string | null;
  lastError: string | null;
}

/** One feed of the folder as `/api/admin/feeds` reports it. */
export interface FeedReport {
  name: string;
  /** `/feeds/<name>.json`, or null when the feed never built (nothing served yet). */
  url: string | null;
  kind: 'feed' | 'recipe';
  title: Text;
  sessions: { id: string; title: Text; start: string; end: string; poll: string | null }[];
  polls: string[];
  loadedAt: string | null;
  errors: FeedIssue[];
  warnings: FeedIssue[];
  sources: SourceReport[];
}

/** `/api/present/:id`: what the presenter view shows (nothing a visitor could not see). */
export interface PresentData {
  poll: Poll;
  languages: string[];
  event: Text;
  voteUrl: string;
  shortUrl: string;
  qr: string;
  previous: string | null;
  next: string | null;
}

/** The admin session as the login and session routes answer it. */
export interface SessionInfo {
  expiresAt: string;
  csrf: string;
}

/** What `/api/admin/questions` says about a question board. */
export interface BoardSummary {
  id: string;
  feed: string;
  title: string;
  moderation: 'none' | 'pre';
  status: BoardStatus;
  published: number;
  pending: number;
  rejected: number;
}

/** One question as a moderator sees it: every status, without the voter id (that is in the export). */
export interface ModeratedQuestion {
  id: string;
  text: string;
  name: string | null;
  status: QuestionStatus;
  votes: number;
  answered: boolean;
  pinned: boolean;
  createdAt: string;
}

/** A board's counts by status, as its summary gives them. */
export function statusCounts(questions: readonly Pick<ModeratedQuestion, 'status'>[]): Pick<BoardSummary, QuestionStatus> {
  const counts = { pending: 0, published: 0, rejected: 0 };
  for (const { status } of questions) counts[status]++;
  return counts;
}

/** Each `board` event of the admin stream: the summary and its questions, oldest first. */
export interface BoardModeration extends BoardSummary {
  questions: ModeratedQuestion[];
  /** `questions` are only those that changed since the stream's previous event: update them by id. */
  partial?: true;
}

/** What a moderator can do to one question (`POST /api/admin/questions/<board>/<question>/<action>`). */
export const MODERATION_ACTIONS = ['publish', 'reject', 'answer', 'unanswer', 'pin', 'unpin'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
