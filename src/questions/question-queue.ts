import type { QuestionReceipt, UpvoteReceipt } from '../contract/questions.js';
import { RetryQueue, type RequestState } from '../net/retry-queue.js';
import { postQuestion, putUpvote } from './question-client.js';

// Questions and upvotes go through the same retry queue as votes: stored before they are sent,
// retried with the same body, resumed after a reload. Keys: `<base> ask <local id>` (one per
// question the visitor wrote) and `<base> up <question id>` (the latest upvote or take-back).

type Answer = QuestionReceipt | UpvoteReceipt;

interface AskBody {
  voter: string;
  text: string;
  name?: string;
}

interface UpvoteBody {
  voter: string;
  on: boolean;
}

const requests = new RetryQueue<Answer>('civic-widgets:pending-questions', (key, body) => {
  const [base, kind, id] = split(key);
  if (kind === 'ask') return postQuestion(base, body);
  const { voter, on } = JSON.parse(body) as UpvoteBody;
  return putUpvote(base, id, voter, on);
});

function split(key: string): [base: string, kind: 'ask' | 'up', id: string] {
  const [id, kind, ...base] = key.split(' ').reverse();
  return [base.reverse().join(' '), kind as 'ask' | 'up', id!];
}

/** A question this page sent and its server has answered: shown until the board lists it. */
export interface Landed extends QuestionReceipt {
  text: string;
  name?: string;
  at: number;
}

const landed = new Map<string, Landed[]>();

/** A question written on this page that its server has not confirmed yet. */
export interface Unsent {
  key: string;
  text: string;
  name?: string;
  state: RequestState;
}

const localId = () => Math.random().toString(36).slice(2, 10);

/**
 * Sends a question; resolves with the server's receipt. Kept (and retried) when the network
 * fails, so it is never lost; rejects with the `RequestError`.
 */
export async function askQuestion(base: string, voter: string, text: string, name?: string): Promise<QuestionReceipt> {
  const body: AskBody = name ? { voter, text, name } : { voter, text };
  return (await requests.send(`${base} ask ${localId()}`, JSON.stringify(body))) as QuestionReceipt;
}

/** The questions of the board at `base` that are written but not confirmed (resumes their retries). */
export function unsentQuestions(base: string): Unsent[] {
  return requests.keys(`${base} ask `).flatMap((key) => {
    const state = requests.state(key);
    if (state.body === undefined) return [];
    const { text, name } = JSON.parse(state.body) as AskBody;
    return [{ key, text, name, state }];
  });
}

/** Questions that landed since the page loaded, newest last. */
export function landedQuestions(base: string): readonly Landed[] {
  return landed.get(base) ?? [];
}

/** Gives up a question that the server refused for good (the visitor may edit and send it again). */
export function dropQuestion(key: string): void {
  requests.drop(key);
}

/** Upvotes (`on`) or takes back the upvote of one question; the latest wish wins. */
export function setUpvote(base: string, questionId: string, voter: string, on: boolean): Promise<UpvoteReceipt> {
  return requests.send(`${base} up ${questionId}`, JSON.stringify({ voter, on } satisfies UpvoteBody)) as Promise<UpvoteReceipt>;
}

/** The upvote this page wants for a question and has not had confirmed, if any. */
export function pendingUpvote(base: string, questionId: string): { on?: boolean; state: RequestState } {
  const state = requests.state(`${base} up ${questionId}`);
  return { on: state.body === undefined ? undefined : (JSON.parse(state.body) as UpvoteBody).on, state };
}

/** Called at every change of a question or upvote request, with the board's base. */
export function onQuestionRequest(listener: (base: string, answer?: Answer) => void): () => void {
  return requests.onChange((key, answer) => listener(split(key)[0], answer));
}

// What each landed question said, so that the page can show it (as pending, under moderation)
// until the board lists it, whichever attempt (first, retry, after a reload) got it through.
requests.onChange((key, answer, body) => {
  if (!answer || !('status' in answer) || body === undefined) return;
  const [base] = split(key);
  const { text, name } = JSON.parse(body) as AskBody;
  const list = landed.get(base) ?? [];
  if (!list.some((q) => q.id === answer.id)) list.push({ ...answer, text, ...(name ? { name } : {}), at: Date.now() });
  landed.set(base, list);
});
