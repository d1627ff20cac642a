import type { ApiErrorCode } from '../contract/errors.js';

/**
 * The server's error codes, plus `network` (no answer), `http` (an answer without a code), `cors`
 * (a server answered but does not allow this site) and `not-a-<name>-api` (an answer that is not
 * JSON of the API's shape, e.g. a static host's HTML page: `not-a-poll-api`).
 */
export type RequestErrorCode = 'network' | 'http' | 'cors' | `not-a-${string}-api` | ApiErrorCode;

/** Why a call to a widget's API failed. */
export class RequestError extends Error {
  constructor(
    readonly code: RequestErrorCode,
    readonly status = 0,
    /** Seconds, from a 429's `Retry-After`. */
    readonly retryAfter = 0,
  ) {
    super(code);
  }
}

/**
 * A failure worth sending the same request again for: the network, a rate limit, the server's
 * fault. Not 501 Not Implemented, nor a missing API (404, 405, CORS, not the API): those will not
 * heal by retrying.
 */
export const retryable = (error: RequestError): boolean =>
  error.code === 'network' || error.code === 'rate-limited' || (error.status >= 500 && error.status !== 501);

/** Answers that mean "no such API here" (a static host), not "try again later". */
const MISSING_STATUS = new Set([404, 405, 501]);
export const missingApi = (error: RequestError): boolean =>
  MISSING_STATUS.has(error.status) || error.code === 'cors' || /^not-a-.+-api$/.test(error.code);

/**
 * `fetch` for the widgets' APIs: never with cookies (a visitor is tied to the random voter id only),
 * never from the browser's cache (we run the If-None-Match exchange ourselves), and every failure is
 * a `RequestError` with the server's code. With `tellCors`, a request the browser refused is probed
 * to tell a CORS refusal (`cors`) from the network (`network`).
 */
export async function apiCall(url: string, init: RequestInit = {}, tellCors = false): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new RequestError(tellCors && (await reachableWithoutCors(url)) ? 'cors' : 'network');
  }
  if (response.ok || response.status === 304) return response;
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: RequestErrorCode } } | undefined;
  throw new RequestError(body?.error?.code ?? 'http', response.status, Number(response.headers.get('Retry-After')) || 0);
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

/** How a client recognises its API's snapshot. */
export interface ApiShape<S> {
  /** Names the error of an answer that is not this API's: `not-a-<name>-api`. */
  name: string;
  /** Whether the JSON of an answer is this API's snapshot. */
  is(value: unknown): value is S;
  /** Probe refused requests to tell CORS from the network (see `apiCall`). */
  tellCors?: boolean;
}

/**
 * `GET url` with `If-None-Match: etag`: no `snapshot` when the server answers 304. An answer that is
 * not JSON of the API's shape throws `not-a-<name>-api`.
 */
export async function getSnapshot<S>(url: string, etag: string | undefined, shape: ApiShape<S>): Promise<{ snapshot?: S; etag?: string }> {
  const response = await apiCall(url, { headers: etag ? { 'If-None-Match': etag } : {} }, shape.tellCors);
  if (response.status === 304) return { etag };
  const json: unknown = /json/i.test(response.headers.get('Content-Type') ?? '') ? await response.json().catch(() => undefined) : undefined;
  if (!shape.is(json)) throw new RequestError(`not-a-${shape.name}-api`, response.status);
  return { snapshot: json, etag: response.headers.get('ETag') ?? undefined };
}
