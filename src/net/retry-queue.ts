import { RequestError, retryable } from './request.js';

const MAX_DELAY_MS = 60_000;

/** A request not yet confirmed by its server. `tries` counts the failed attempts. */
interface Pending {
  body: string;
  tries: number;
}

/** Where one key's request stands on this page. */
export interface RequestState {
  /** The body of a request the server has not confirmed yet (being sent, or waiting for a retry). */
  body?: string;
  /** The first attempt is in flight: show it optimistically, not as pending. */
  sending: boolean;
  /** Why the last attempt failed; with `body` the request is still kept and will be retried. */
  error?: RequestError;
  /** A request for this key reached the server since the page loaded. */
  sent: boolean;
}

/** `result` is the server's answer when a request lands; `body` is what was sent. */
export type RequestListener<R> = (key: string, result?: R, body?: string) => void;

/**
 * Requests that must not be lost (a vote, a question, an upvote), one per key: stored in the host
 * page's localStorage before they are sent, retried with the same body after a failure on the
 * network (backoff with jitter, and at once when the browser comes back online), and resumed by
 * the next visit after a reload. A newer request for the same key replaces the older one, and waits
 * for the older one's answer so that it cannot be overtaken on the wire.
 */
export class RetryQueue<R> {
  private readonly listeners = new Set<RequestListener<R>>();
  private readonly errors = new Map<string, RequestError>();
  private readonly sent = new Set<string>();
  private readonly inFlight = new Set<string>();
  /**
   * Changes that storage refused (blocked, or full: QuotaExceededError), by key; `undefined` is a
   * removal. They win over what storage holds for the page's lifetime, so that a request storage
   * could not keep is still shown as pending and retried rather than forgotten at the next read.
   */
  private readonly unsaved = new Map<string, Pending | undefined>();
  /** Each key's latest attempt: the next one waits for its answer. */
  private readonly lines = new Map<string, Promise<unknown>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private flushing = false;
  private listening = false;

  constructor(
    private readonly storageKey: string,
    /** Sends one request; throws a `RequestError`. */
    private readonly transmit: (key: string, body: string) => Promise<R>,
  ) {}

  /**
   * Stores the request, sends it and resolves with the server's answer. Rejects with the
   * `RequestError`; the request is then still kept (and retried) when the failure is retryable.
   */
  async send(key: string, body: string): Promise<R> {
    this.listen();
    this.errors.delete(key);
    this.sent.delete(key); // so that the thanks for this request is announced again
    this.write(key, { body, tries: 0 });
    const result = await this.attempt(key, body);
    if (result instanceof RequestError) throw result;
    return result;
  }

  /** This page's request for `key`. Resumes the retries of requests kept by an earlier visit. */
  state(key: string): RequestState {
    this.listen();
    const entry = this.read()[key];
    if (entry && !this.inFlight.has(key) && !this.timer && !this.flushing) this.schedule();
    return {
      body: entry?.body,
      sending: !!entry && entry.tries === 0 && this.inFlight.has(key),
      error: this.errors.get(key),
      sent: this.sent.has(key),
    };
  }

  /** The keys of the kept requests that start with `prefix` (e.g. one board's questions). */
  keys(prefix: string): string[] {
    return Object.keys(this.read()).filter((key) => key.startsWith(prefix));
  }

  /** Forgets a kept request (the visitor gave it up). */
  drop(key: string): void {
    this.write(key);
    this.errors.delete(key);
    this.notify(key);
  }

  /** Calls `listener` at every change of any request, with the server's answer when one lands. */
  onChange(listener: RequestListener<R>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private read(): Record<string, Pending> {
    let all: Record<string, Pending>;
    try {
      const stored: unknown = JSON.parse(localStorage.getItem(this.storageKey) ?? '{}');
      all = stored && typeof stored === 'object' ? (stored as Record<string, Pending>) : {};
    } catch {
      all = {}; // storage blocked or a corrupt entry
    }
    for (const [key, entry] of this.unsaved) {
      if (entry) all[key] = entry;
      else delete all[key];
    }
    return all;
  }

  private write(key: string, entry?: Pending): void {
    const all = this.read();
    if (entry) all[key] = entry;
    else delete all[key];
    try {
      if (Object.keys(all).length) localStorage.setItem(this.storageKey, JSON.stringify(all));
      else localStorage.removeItem(this.storageKey);
      this.unsaved.clear(); // `all` carried the earlier refused changes too: storage has them now
    } catch {
      this.unsaved.set(key, entry);
    }
  }

  private notify(key: string, result?: R, body?: string): void {
    for (const listener of [...this.listeners]) listener(key, result, body);
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    window.addEventListener('online', () => void this.flush());
  }

  /** Exponential backoff with jitter (so that a room full of phones does not retry in step), capped. */
  private schedule(atLeastMs = 0): void {
    clearTimeout(this.timer);
    const backoff = Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.max(0, this.failures - 1)) * (0.5 + Math.random() / 2);
    this.timer = setTimeout(() => void this.flush(), Math.max(atLeastMs, backoff));
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.flushing) return;
    this.flushing = true;
    try {
      // Every key gets its try: one whose server is gone for good must not hold back the others.
      for (const key of Object.keys(this.read())) {
        // Read again: while an earlier attempt was awaited this one may have been replaced or sent.
        const entry = this.read()[key];
        if (entry && !this.lines.has(key)) await this.attempt(key, entry.body);
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Sends `body` once the attempt already on the wire for the same key has its answer: a change of
   * mind sent while an earlier request (or its retry) is in flight could otherwise reach the server
   * first and be replaced by the one the visitor abandoned.
   */
  private attempt(key: string, body: string): Promise<R | RequestError> {
    const run = () => this.transmitOnce(key, body);
    const next = (this.lines.get(key) ?? Promise.resolve()).then(run, run);
    this.lines.set(key, next);
    const done = () => {
      if (this.lines.get(key) === next) this.lines.delete(key);
    };
    next.then(done, done);
    return next;
  }

  private async transmitOnce(key: string, body: string): Promise<R | RequestError> {
    this.inFlight.add(key);
    this.notify(key);
    let result: R | RequestError;
    try {
      result = await this.transmit(key, body);
    } catch (cause) {
      result = cause instanceof RequestError ? cause : new RequestError('network');
    }
    this.inFlight.delete(key);
    const current = this.read()[key];
    // A newer request may have replaced this one while it was in flight: leave that one alone.
    const isCurrent = current?.body === body;
    if (result instanceof RequestError) {
      this.errors.set(key, result);
      if (retryable(result)) {
        this.failures++;
        if (isCurrent) this.write(key, { body, tries: current.tries + 1 });
        this.schedule(result.retryAfter * 1000);
      } else if (isCurrent) {
        this.write(key);
      }
    } else {
      this.failures = 0;
      this.errors.delete(key);
      this.sent.add(key);
      if (isCurrent) this.write(key);
    }
    this.notify(key, result instanceof RequestError ? undefined : result, body);
    return result;
  }
}
