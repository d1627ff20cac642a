import { recordServerDate, clock } from '../time/clock.js';
import type { Feed } from '../contract/types.js';
import { formatIssue, validateFeed } from '../contract/validate.js';

export type FeedStatus = 'loading' | 'ready' | 'stale' | 'error';
export type FeedErrorCode = 'network' | 'cors' | 'timeout' | 'http' | 'content-type' | 'json' | 'schema' | 'too-large';

export interface FeedError {
  code: FeedErrorCode;
  /** English detail for the console and for developers; widgets show a translated sentence. */
  message: string;
}

export interface FeedState {
  readonly url: string;
  readonly status: FeedStatus;
  /** The feed to show: fresh when `ready`, the last good copy when `stale`. */
  readonly feed?: Feed;
  readonly error?: FeedError;
  /** When the copy shown was last confirmed by its server (ms since epoch). */
  readonly updatedAt?: number;
}

export type FeedListener = (state: FeedState) => void;

/** @internal (tests) A request that takes longer fails with `timeout`. */
export const FEED_TIMEOUT_MS = 10_000;
/** @internal (tests) A larger feed fails with `too-large`. */
export const FEED_MAX_BYTES = 2 * 1024 * 1024;
/** @internal (tests) Offline copies kept in the host page's localStorage, the most recently saved first. */
export const FEED_CACHE_ENTRIES = 4;
const DEFAULT_REFRESH_S = 300;
const MIN_REFRESH_S = 15;
const CACHE_PREFIX = 'civic-widgets:feed:';

class FeedLoadError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One feed URL's data for the whole page: one request however many widgets show it, revalidated on
 * an interval, with the last good copy kept in localStorage for when the network fails.
 */
export class FeedStore {
  state: FeedState;
  private readonly listeners = new Map<FeedListener, number | undefined>();
  private request?: AbortController;
  private loading = false;
  private timer?: ReturnType<typeof setTimeout>;
  private lastFetch = 0;
  private etag: string | null = null;
  private serverMaxAge?: number;

  constructor(readonly url: string) {
    const cached = readCache(url);
    // Released earlier in this page after a good answer: the offline copy is that answer.
    const confirmed = cached && lastAnswers.get(url);
    this.state = cached
      ? { url, status: confirmed ? 'ready' : 'loading', feed: cached.feed, updatedAt: cached.savedAt }
      : { url, status: 'loading' };
    this.etag = cached?.etag ?? null;
    if (confirmed) ({ lastFetch: this.lastFetch, serverMaxAge: this.serverMaxAge } = confirmed);
  }

  /**
   * Calls `listener` now and at every change. The first subscriber starts loading; `refreshSeconds`
   * asks for a revalidation interval (the shortest asked for wins, at once). Returns the unsubscribe
   * function; a store nobody subscribes to any more is released (its offline copy stays in storage).
   */
  subscribe(listener: FeedListener, refreshSeconds?: number): () => void {
    const first = this.listeners.size === 0;
    this.listeners.set(listener, refreshSeconds);
    listener(this.state);
    if (first) {
      // A widget moved in the DOM unsubscribes and subscribes again at once: no new request for that.
      const fresh = this.state.status === 'ready' && Date.now() - this.lastFetch < this.refreshMs();
      if (fresh) this.schedule();
      else void this.load();
    } else if (!this.loading) {
      this.schedule(); // a shorter interval than the others asked for counts from now, not after the next answer
    }
    return () => {
      if (!this.listeners.delete(listener)) return;
      if (this.listeners.size > 0) {
        if (!this.loading) this.schedule();
        return;
      }
      clearTimeout(this.timer);
      this.request?.abort();
      // After the current task: a widget moved in the DOM subscribes again before then and keeps it.
      queueMicrotask(() => {
        if (this.listeners.size > 0 || stores.get(this.url) !== this) return;
        stores.delete(this.url);
        if (this.state.status === 'ready') lastAnswers.set(this.url, { lastFetch: this.lastFetch, serverMaxAge: this.serverMaxAge });
        else lastAnswers.delete(this.url);
      });
    };
  }

  /** Fetches the feed now, superseding a request in flight. */
  async load(): Promise<void> {
    this.request?.abort();
    clearTimeout(this.timer);
    const request = new AbortController();
    this.request = request;
    this.loading = true;
    const sentAt = Date.now();
    this.lastFetch = sentAt;
    // A timer rather than AbortSignal.timeout(), so that fake timers can drive it in tests.
    const deadline = new AbortController();
    const timeout = setTimeout(() => deadline.abort(new DOMException('timeout', 'TimeoutError')), FEED_TIMEOUT_MS);
    try {
      const response = await fetch(this.url, {
        signal: AbortSignal.any([request.signal, deadline.signal]),
        // The browser revalidates with If-None-Match itself; setting the header by hand would
        // force a CORS preflight that static hosts do not answer.
        cache: 'no-cache',
        // The credentials mode of a `<link rel="preload" as="fetch" crossorigin>`: any other mode and
        // Chromium downloads the feed a second time instead of using the preloaded response. A feed on
        // another origin still gets no cookies.
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
      });
      recordServerDate(response.headers.get('Date'), sentAt, Date.now());
      this.serverMaxAge = maxAge(response.headers.get('Cache-Control'));
      if (!response.ok) throw new FeedLoadError('http', `HTTP ${response.status} ${response.statusText}`.trim());
      const type = response.headers.get('Content-Type') ?? '';
      if (!/\bjson\b/i.test(type)) throw new FeedLoadError('content-type', `expected JSON, got "${type || 'no Content-Type'}"`);
      const etag = response.headers.get('ETag');
      if (etag && etag === this.etag && this.state.feed) {
        await response.body?.cancel();
        this.set({ url: this.url, status: 'ready', feed: this.state.feed, updatedAt: clock.now() });
        return;
      }
      const body = await readLimited(response, FEED_MAX_BYTES);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch (error) {
        throw new FeedLoadError('json', `not valid JSON (${(error as Error).message})`);
      }
      const result = validateFeed(json, this.url);
      if (!result.ok) throw new FeedLoadError('schema', result.issues.slice(0, 5).map(formatIssue).join('; '));
      this.etag = etag;
      writeCache(this.url, { savedAt: clock.now(), etag, body });
      this.set({ url: this.url, status: 'ready', feed: result.feed, updatedAt: clock.now() });
    } catch (cause) {
      if (request.signal.aborted) return; // superseded or unsubscribed: the state is not ours to set
      let error = toFeedError(cause, FEED_TIMEOUT_MS);
      if (error.code === 'network' && (await answersWithoutCors(this.url, request.signal))) error = corsError(this.url);
      if (request.signal.aborted) return;
      console.error(`[civic-widgets] feed ${this.url}: ${error.code}: ${error.message}`);
      const feed = this.state.feed;
      this.set(
        feed
          ? { url: this.url, status: 'stale', feed, error, updatedAt: this.state.updatedAt }
          : { url: this.url, status: 'error', error },
      );
    } finally {
      clearTimeout(timeout);
      if (this.request === request) {
        this.loading = false;
        if (this.listeners.size > 0) this.schedule();
      }
    }
  }

  private set(state: FeedState): void {
    this.state = state;
    for (const listener of [...this.listeners.keys()]) listener(state);
  }

  private refreshMs(): number {
    const asked = [...this.listeners.values()].filter((s): s is number => typeof s === 'number' && s > 0);
    const seconds = asked.length ? Math.min(...asked) : (this.serverMaxAge ?? DEFAULT_REFRESH_S);
    return Math.max(MIN_REFRESH_S, seconds) * 1000;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const due = Math.max(0, this.lastFetch + this.refreshMs() - Date.now());
    this.timer = setTimeout(() => void this.load(), due);
  }
}

const stores = new Map<string, FeedStore>();
/** When each released store last had a good answer: a few numbers per URL, not the parsed feed. */
const lastAnswers = new Map<string, { lastFetch: number; serverMaxAge?: number }>();

/** The page's one store for `src`, resolved against the document's URL. */
export function feedStoreFor(src: string): FeedStore {
  let url: string;
  try {
    url = new URL(src, document.baseURI).href;
  } catch {
    // A malformed src (say a port out of range) must not throw out of connectedCallback into the
    // host page: its store fails the way an unreachable feed does, and the widget says so.
    url = src;
  }
  let store = stores.get(url);
  if (!store) {
    store = new FeedStore(url);
    stores.set(url, store);
  }
  return store;
}

function toFeedError(cause: unknown, timeoutMs: number): FeedError {
  if (cause instanceof FeedLoadError) return { code: cause.code, message: cause.message };
  const name = (cause as Error)?.name;
  if (name === 'TimeoutError') return { code: 'timeout', message: `no answer within ${timeoutMs / 1000} s` };
  return { code: 'network', message: String((cause as Error)?.message ?? cause) };
}

/**
 * A fetch that fails on the network looks the same whether the server is down or refuses this origin
 * (CORS): a `no-cors` request tells them apart, as an opaque answer means that the server did answer.
 */
async function answersWithoutCors(url: string, signal: AbortSignal): Promise<boolean> {
  try {
    const probe = await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal });
    return probe.type === 'opaque';
  } catch {
    return false;
  }
}

function corsError(url: string): FeedError {
  const origin = location.origin;
  return {
    code: 'cors',
    message:
      `the feed's server (${new URL(url).origin}) does not allow this site (${origin}): ` +
      `it must answer with the header "Access-Control-Allow-Origin: *" (or "${origin}")`,
  };
}

function maxAge(cacheControl: string | null): number | undefined {
  const match = /max-age=(\d+)/i.exec(cacheControl ?? '');
  return match ? Number(match[1]) : undefined;
}

async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('Content-Length') ?? 0);
  const tooLarge = () => new FeedLoadError('too-large', `larger than ${limit / 1024 / 1024} MB`);
  if (declared > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

interface CachedFeed {
  savedAt: number;
  etag: string | null;
  body: string;
}

function readCache(url: string): { feed: Feed; savedAt: number; etag: string | null } | undefined {
  try {
    const raw = localStorage.getItem(CACHE_PREFIX + url);
    if (!raw) return undefined;
    const cached = JSON.parse(raw) as CachedFeed;
    // Re-validated: the copy may come from an older version of the library.
    const result = validateFeed(JSON.parse(cached.body), url);
    return result.ok ? { feed: result.feed, savedAt: cached.savedAt, etag: cached.etag } : undefined;
  } catch {
    return undefined; // storage blocked or a corrupt entry: start without a copy
  }
}

function writeCache(url: string, entry: CachedFeed): void {
  try {
    localStorage.setItem(CACHE_PREFIX + url, JSON.stringify(entry));
    dropOldCopies();
  } catch {
    // Storage full or blocked: the widget still works, only without an offline copy.
  }
}

/**
 * Every feed URL ever shown (a CMS may add `?v=<build>` at each change) would otherwise leave a copy
 * of up to 2 MB in the host page's own storage for good, until the page's and the vote queue's
 * writes fail for want of room.
 */
function dropOldCopies(): void {
  const copies: { key: string; savedAt: number }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(CACHE_PREFIX)) continue;
    // savedAt is written first: read it without parsing a body of up to 2 MB.
    const savedAt = Number(/^\{"savedAt":(\d+)/.exec(localStorage.getItem(key) ?? '')?.[1] ?? 0);
    copies.push({ key, savedAt });
  }
  copies.sort((a, b) => b.savedAt - a.savedAt);
  for (const { key } of copies.slice(FEED_CACHE_ENTRIES)) localStorage.removeItem(key);
}
