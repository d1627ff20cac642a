import { sortQuestions, type QuestionsSnapshot, type QuestionView } from '../contract/questions.js';
import type { RequestError } from '../net/request.js';
import type { RequestState } from '../net/retry-queue.js';
import type { Landed, Unsent } from './question-queue.js';

export type Order = 'votes' | 'newest';

/** One published question as the list shows it, with this visitor's upvote already counted. */
export interface Row extends QuestionView {
  upvoted: boolean;
  /** The visitor's upvote (or take-back) is waiting for a retry. */
  upvotePending: boolean;
}

/** One of the visitor's own questions that everybody else cannot see yet. */
export interface Mine {
  /** The retry queue's key while it is not confirmed; the server's id after. */
  key: string;
  text: string;
  name?: string;
  /** `sending`: first attempt in flight; `kept`: failed on the network, will be retried; `moderation`: waiting for a moderator. */
  state: 'sending' | 'kept' | 'moderation';
  error?: RequestError;
}

export interface Upvote {
  on?: boolean;
  state: RequestState;
}

/**
 * The board as this visitor sees it: the published questions in `order`, their upvotes (the ones
 * still being sent counted optimistically), and the visitor's own questions not published yet.
 */
export function boardView(
  snapshot: QuestionsSnapshot | undefined,
  unsent: readonly Unsent[],
  landed: readonly Landed[],
  upvote: (questionId: string) => Upvote,
  order: Order,
): { rows: Row[]; mine: Mine[] } {
  const server = new Set(snapshot?.upvoted ?? []);
  const rejected = new Set(snapshot?.rejected);
  const published = (snapshot?.questions ?? []).filter((q) => !q.pending);
  const listed = new Set(snapshot?.questions.map((q) => q.id));
  // A question that landed published but is not in the list yet (the stream is a moment behind).
  const early = landed
    .filter((q) => q.status === 'published' && !listed.has(q.id) && !rejected.has(q.id))
    .map((q): QuestionView => ({ id: q.id, text: q.text, ...(q.name ? { name: q.name } : {}), votes: 0, answered: false, pinned: false, createdAt: new Date(q.at).toISOString() }));
  const rows = sortQuestions([...published, ...early], order).map((q): Row => {
    const wish = upvote(q.id);
    const before = server.has(q.id);
    const upvoted = wish.on ?? before;
    return { ...q, votes: Math.max(0, q.votes + Number(upvoted) - Number(before)), upvoted, upvotePending: wish.on !== undefined && !wish.state.sending };
  });
  const mine: Mine[] = unsent.map((q) => ({
    key: q.key,
    text: q.text,
    ...(q.name ? { name: q.name } : {}),
    state: q.state.sending ? 'sending' : 'kept',
    ...(q.state.error ? { error: q.state.error } : {}),
  }));
  const seen = new Set<string>();
  for (const q of snapshot?.questions ?? []) {
    if (!q.pending) continue;
    seen.add(q.id);
    mine.push({ key: q.id, text: q.text, ...(q.name ? { name: q.name } : {}), state: 'moderation' });
  }
  for (const q of landed) {
    if (q.status === 'pending' && !seen.has(q.id) && !listed.has(q.id) && !rejected.has(q.id)) mine.push({ key: q.id, text: q.text, ...(q.name ? { name: q.name } : {}), state: 'moderation' });
  }
  return { rows, mine };
}

/** What the stream's public snapshot leaves out and the last `GET ?voter=` said: own pending questions, upvotes. */
export function mergeSnapshots(next: QuestionsSnapshot, previous: QuestionsSnapshot | undefined): QuestionsSnapshot {
  if (next.partial) {
    // Only the questions that changed: the others stay as they were, less the rejected ones.
    const { partial: _, ...rest } = next;
    const gone = new Set([...(next.rejected ?? []), ...next.questions.map((q) => q.id)]);
    return { ...rest, questions: [...(previous?.questions ?? []).filter((q) => !gone.has(q.id)), ...next.questions], upvoted: previous?.upvoted };
  }
  if (next.upvoted !== undefined || !previous) return next;
  const ids = new Set(next.questions.map((q) => q.id));
  const rejected = new Set(next.rejected);
  const stillPending = previous.questions.filter((q) => q.pending && !ids.has(q.id) && !rejected.has(q.id));
  return { ...next, questions: [...next.questions, ...stillPending], upvoted: previous.upvoted };
}
