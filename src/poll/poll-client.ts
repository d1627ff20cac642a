import type { Poll } from '../contract/types.js';
import type { ApiErrorCode } from '../contract/errors.js';
import type { PollSnapshot } from '../contract/poll-snapshot.js';

export type { PollSnapshot };

/**
 * The server's error codes, plus `network` (no answer), `http` (an answer without a code), `cors`
 * (a server answered but does not allow this site) and `not-a-poll-api` (an answer that is not JSON
 * of the snapshot's shape, e.g. a static host's HTML page).
 */
export type PollErrorCode = 'network' | 'http' | 'cors' | 'not-a-poll-api' | ApiErrorCode;

export class PollError extends Error {
  constructor(
    readonly code: PollErrorCode,
    readonly status = 0,
    /** Seconds, from a 429's `Retry-After`. */
    readonly retryAfter = 0,
  ) {
    super(code);
  }
}

/** The poll's API base: its `endpoint`, else `<feed origin>/api/polls/<id>`. */
export function pollBase(poll: Poll, feedUrl: string): string {
  return (poll.endpoint ?? new URL(`/api/polls/${encodeURIComponent(poll.id)}`, feedUrl).href).replace(/\/+$/, '');
}

export function snapshotUrl(base: string, voter: string, path = ''): string {
  return `${base}${path}?voter=${encodeURIComponent(voter)}`;
}

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    // No cookies ever: the vote is tied to the random voter id only. no-store keeps the browser's
    // cache out of the If-None-Match exchange that we run ourselves.
    response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new PollError((await reachableWithoutCors(url)) ? 'cors' : 'network');
  }
  if (response.ok || response.status === 304) return response;
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: PollErrorCode } } | undefined;
  throw new PollError(body?.error?.code ?? 'http', response.status, Number(response.headers.get('Retry-After')) || 0);
}

/**
 * A request the browser refused tells nothing of why; an opaque `no-cors` GET gets through when the
 * server answers at all, so the refusal was CORS, not the network (which is worth retrying).
 */
async function reachableWithoutCors(url: string): Promise<boolean> {
  // CORS never refuses a request to the page's own origin: a failure there is the network.
  if (new URL(url, location.href).origin === location.origin) return false;
  try {
    await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

/** A poll snapshot has at least an id and a known status; anything else is not a poll API. */
function isSnapshot(value: unknown): value is PollSnapshot {
  const v = value as Partial<PollSnapshot> | null;
  return !!v && typeof v === 'object' && typeof v.id === 'string' && ['scheduled', 'open', 'closed'].includes(v.status as string);
}

/** `GET {base}?voter=`; no `snapshot` when the server answers 304 to `etag`. */
export async function getSnapshot(
  base: string,
  voter: string,
  etag?: string,
): Promise<{ snapshot?: PollSnapshot; etag?: string }> {
  const response = await call(snapshotUrl(base, voter), { headers: etag ? { 'If-None-Match': etag } : {} });
  if (response.status === 304) return { etag };
  const json = /json/i.test(response.headers.get('Content-Type') ?? '') ? await response.json().catch(() => undefined) : undefined;
  if (!isSnapshot(json)) throw new PollError('not-a-poll-api', response.status);
  return { snapshot: json, etag: response.headers.get('ETag') ?? undefined };
}

/** `POST {base}/votes` with an already serialized body, so that a retry resends the very same bytes. */
export async function postVote(base: string, body: string): Promise<PollSnapshot> {
  const response = await call(`${base}/votes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return (await response.json()) as PollSnapshot;
}
