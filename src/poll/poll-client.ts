import type { Poll } from '../contract/types.js';
import { apiCall } from '../net/request.js';
import type { PollSnapshot } from '../contract/poll-snapshot.js';

export type { PollSnapshot };

/** The poll API's errors are the shared request errors (src/net/request.ts). */
export { RequestError as PollError, type RequestErrorCode as PollErrorCode } from '../net/request.js';

/** The poll's API base: its `endpoint`, else `<feed origin>/api/polls/<id>`. */
export function pollBase(poll: Poll, feedUrl: string): string {
  return (poll.endpoint ?? new URL(`/api/polls/${encodeURIComponent(poll.id)}`, feedUrl).href).replace(/\/+$/, '');
}

export function snapshotUrl(base: string, voter: string, path = ''): string {
  return `${base}${path}?voter=${encodeURIComponent(voter)}`;
}

/** `GET {base}?voter=`; no `snapshot` when the server answers 304 to `etag`. */
export async function getSnapshot(
  base: string,
  voter: string,
  etag?: string,
): Promise<{ snapshot?: PollSnapshot; etag?: string }> {
  const response = await apiCall(snapshotUrl(base, voter), { headers: etag ? { 'If-None-Match': etag } : {} });
  if (response.status === 304) return { etag };
  return { snapshot: (await response.json()) as PollSnapshot, etag: response.headers.get('ETag') ?? undefined };
}

/** `POST {base}/votes` with an already serialized body, so that a retry resends the very same bytes. */
export async function postVote(base: string, body: string): Promise<PollSnapshot> {
  const response = await apiCall(`${base}/votes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return (await response.json()) as PollSnapshot;
}
