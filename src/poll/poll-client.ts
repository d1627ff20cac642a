import type { Poll } from '../contract/types.js';
import type { ApiErrorCode } from '../contract/errors.js';
import type { PollSnapshot } from '../contract/poll-snapshot.js';
import { apiCall, getSnapshot as getApiSnapshot, type ApiShape } from '../net/request.js';

export type { PollSnapshot };

/**
 * The codes a poll's `RequestError` can carry: the server's, plus `network` (no answer), `http` (an
 * answer without a code), `cors` (a server answered but does not allow this site) and
 * `not-a-poll-api` (an answer that is not JSON of the snapshot's shape, e.g. a static host's HTML page).
 */
export type PollErrorCode = 'network' | 'http' | 'cors' | 'not-a-poll-api' | ApiErrorCode;

/** The poll's API base: its `endpoint`, else `<feed origin>/api/polls/<id>`. */
export function pollBase(poll: Poll, feedUrl: string): string {
  return (poll.endpoint ?? new URL(`/api/polls/${encodeURIComponent(poll.id)}`, feedUrl).href).replace(/\/+$/, '');
}

export function snapshotUrl(base: string, voter: string, path = ''): string {
  return `${base}${path}?voter=${encodeURIComponent(voter)}`;
}

/**
 * A poll snapshot has at least an id and a known status; anything else is not a poll API
 * (`not-a-poll-api`). A poll's base is often a feed's static host: refusals are probed for CORS.
 */
const POLL_API: ApiShape<PollSnapshot> = {
  name: 'poll',
  is: (value): value is PollSnapshot => {
    const v = value as Partial<PollSnapshot> | null;
    return !!v && typeof v === 'object' && typeof v.id === 'string' && ['scheduled', 'open', 'closed'].includes(v.status as string);
  },
  tellCors: true,
};

/** `GET {base}?voter=`; no `snapshot` when the server answers 304 to `etag`. */
export function getSnapshot(base: string, voter: string, etag?: string): Promise<{ snapshot?: PollSnapshot; etag?: string }> {
  return getApiSnapshot(snapshotUrl(base, voter), etag, POLL_API);
}

/** `POST {base}/votes` with an already serialized body, so that a retry resends the very same bytes. */
export async function postVote(base: string, body: string): Promise<PollSnapshot> {
  const response = await apiCall(`${base}/votes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }, true);
  return (await response.json()) as PollSnapshot;
}
