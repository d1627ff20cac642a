import { PollError, postVote, type PollSnapshot } from './poll-client.js';

const KEY = 'civic-widgets:pending-votes';
const MAX_DELAY_MS = 60_000;

/** A vote not yet confirmed by its server, by poll base URL. `tries` counts the failed attempts. */
interface Pending {
  body: string;
  tries: number;
}

/** Where this page's vote for one poll stands. */
export interface VoteState {
  /** The choices of a vote the server has not confirmed yet (being sent, or waiting for a retry). */
  choices?: string[];
  /** The first attempt is in flight: show the vote optimistically, not as pending. */
  sending: boolean;
  /** Why the last attempt failed; with `choices` the vote is still kept and will be retried. */
  error?: PollError;
  /** A vote for this poll reached the server since the page loaded. */
  sent: boolean;
}

export type VoteListener = (base: string, snapshot?: PollSnapshot) => void;

const listeners = new Set<VoteListener>();
const errors = new Map<string, PollError>();
const sent = new Set<string>();
const inFlight = new Set<string>();
/**
 * Changes that storage refused (blocked, or full: QuotaExceededError), by base; `undefined` is a
 * removal. They win over what storage holds for the page's lifetime, so that a vote storage could
 * not keep is still shown as pending and retried rather than forgotten at the next read.
 */
const unsaved = new Map<string, Pending | undefined>();
let timer: ReturnType<typeof setTimeout> | undefined;
let failures = 0;
let flushing = false;
let listening = false;

function read(): Record<string, Pending> {
  let all: Record<string, Pending>;
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    all = stored && typeof stored === 'object' ? (stored as Record<string, Pending>) : {};
  } catch {
    all = {}; // storage blocked or a corrupt entry
  }
  for (const [base, entry] of unsaved) {
    if (entry) all[base] = entry;
    else delete all[base];
  }
  return all;
}

function write(base: string, entry?: Pending): void {
  const all = read();
  if (entry) all[base] = entry;
  else delete all[base];
  try {
    if (Object.keys(all).length) localStorage.setItem(KEY, JSON.stringify(all));
    else localStorage.removeItem(KEY);
    unsaved.clear(); // `all` carried the earlier refused changes too: storage has them now
  } catch {
    unsaved.set(base, entry);
  }
}

function notify(base: string, snapshot?: PollSnapshot): void {
  for (const listener of [...listeners]) listener(base, snapshot);
}

function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('online', () => void flush());
}

/** Exponential backoff with jitter (so that a room full of phones does not retry in step), capped. */
function schedule(atLeastMs = 0): void {
  clearTimeout(timer);
  const backoff = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(0, failures - 1)) * (0.5 + Math.random() / 2);
  timer = setTimeout(() => void flush(), Math.max(atLeastMs, backoff));
}

async function flush(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  if (flushing) return;
  flushing = true;
  try {
    // Every poll gets its try: one whose server is gone for good must not hold back the others.
    for (const base of Object.keys(read())) {
      // Read again: while an earlier poll's attempt was awaited this vote may have been replaced or sent.
      const entry = read()[base];
      if (entry && !lines.has(base)) await attempt(base, entry.body);
    }
  } finally {
    flushing = false;
  }
}

/** Transient failures only: a missing API (404, 405, 501, CORS, not a poll API) will not heal by retrying. */
const retryable = (error: PollError) => error.code === 'network' || error.code === 'rate-limited' || (error.status >= 500 && error.status !== 501);

/** Each poll's latest attempt: the next one waits for its answer. */
const lines = new Map<string, Promise<unknown>>();

/**
 * Sends `body` once the attempt already on the wire for the same poll has its answer: a change of
 * mind sent while an earlier vote (or its retry) is in flight could otherwise reach the server first
 * and be replaced by the vote the visitor abandoned.
 */
function attempt(base: string, body: string): Promise<PollSnapshot | PollError> {
  const run = () => send(base, body);
  const next = (lines.get(base) ?? Promise.resolve()).then(run, run);
  lines.set(base, next);
  const done = () => {
    if (lines.get(base) === next) lines.delete(base);
  };
  next.then(done, done);
  return next;
}

async function send(base: string, body: string): Promise<PollSnapshot | PollError> {
  inFlight.add(base);
  notify(base);
  let result: PollSnapshot | PollError;
  try {
    result = await postVote(base, body);
  } catch (cause) {
    result = cause instanceof PollError ? cause : new PollError('network');
  }
  inFlight.delete(base);
  const current = read()[base];
  // A newer vote may have replaced this one while it was in flight: leave that one alone.
  const isCurrent = current?.body === body;
  if (result instanceof PollError) {
    errors.set(base, result);
    if (retryable(result)) {
      failures++;
      if (isCurrent) write(base, { body, tries: current.tries + 1 });
      schedule(result.retryAfter * 1000);
    } else if (isCurrent) {
      write(base);
    }
  } else {
    failures = 0;
    errors.delete(base);
    sent.add(base);
    if (isCurrent) write(base);
  }
  notify(base, result instanceof PollError ? undefined : result);
  return result;
}

/**
 * Sends a vote and resolves with the server's snapshot. The vote is stored first, so that a failure
 * on the network (or a reload mid-request) never loses it: it is retried with the same body, with
 * backoff and at once when the browser comes back online. Rejects with the `PollError`.
 */
export async function sendVote(base: string, voter: string, choices: readonly string[]): Promise<PollSnapshot> {
  listen();
  errors.delete(base);
  sent.delete(base); // so that the thanks for this vote is announced again, not left as it was
  const body = JSON.stringify({ voter, choices });
  write(base, { body, tries: 0 });
  const result = await attempt(base, body);
  if (result instanceof PollError) throw result;
  return result;
}

/** This page's vote for the poll at `base`. Resumes the retries of votes kept by an earlier visit. */
export function voteState(base: string): VoteState {
  listen();
  const entry = read()[base];
  if (entry && !inFlight.has(base) && !timer && !flushing) schedule();
  let choices: string[] | undefined;
  try {
    choices = entry && (JSON.parse(entry.body) as { choices: string[] }).choices;
  } catch {
    choices = undefined;
  }
  return { choices, sending: !!entry && entry.tries === 0 && inFlight.has(base), error: errors.get(base), sent: sent.has(base) };
}

/** Calls `listener` at every change of any vote, with the server's snapshot when a vote lands. */
export function onVote(listener: VoteListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
