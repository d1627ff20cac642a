import type { RequestError } from '../net/request.js';
import { RetryQueue } from '../net/retry-queue.js';
import { postVote, type PollSnapshot } from './poll-client.js';

/** Where this page's vote for one poll stands. */
export interface VoteState {
  /** The choices of a vote the server has not confirmed yet (being sent, or waiting for a retry). */
  choices?: string[];
  /** The first attempt is in flight: show the vote optimistically, not as pending. */
  sending: boolean;
  /** Why the last attempt failed; with `choices` the vote is still kept and will be retried. */
  error?: RequestError;
  /** A vote for this poll reached the server since the page loaded. */
  sent: boolean;
}

export type VoteListener = (base: string, snapshot?: PollSnapshot) => void;

// One kept vote per poll, keyed by the poll's base URL: the storage key and the entries' shape are
// those of earlier releases, so that votes kept by a visit before an upgrade are still sent.
const votes = new RetryQueue<PollSnapshot>('civic-widgets:pending-votes', postVote);

/**
 * Sends a vote and resolves with the server's snapshot. The vote is stored first, so that a failure
 * on the network (or a reload mid-request) never loses it: it is retried with the same body, with
 * backoff and at once when the browser comes back online. Rejects with the `RequestError`.
 */
export function sendVote(base: string, voter: string, choices: readonly string[]): Promise<PollSnapshot> {
  return votes.send(base, JSON.stringify({ voter, choices }));
}

/** This page's vote for the poll at `base`. Resumes the retries of votes kept by an earlier visit. */
export function voteState(base: string): VoteState {
  const { body, ...state } = votes.state(base);
  let choices: string[] | undefined;
  try {
    choices = body === undefined ? undefined : (JSON.parse(body) as { choices: string[] }).choices;
  } catch {
    choices = undefined;
  }
  return { choices, ...state };
}

/** Calls `listener` at every change of any vote, with the server's snapshot when a vote lands. */
export function onVote(listener: VoteListener): () => void {
  return votes.onChange((base, snapshot) => listener(base, snapshot));
}
