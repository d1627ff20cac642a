import type { ApiErrorCode } from '../contract/errors.js';

/** The server's error codes, plus `network` (no answer) and `http` (an answer without a code). */
export type RequestErrorCode = 'network' | 'http' | ApiErrorCode;

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

/** A failure worth sending the same request again for: the network, a rate limit, the server's fault. */
export const retryable = (error: RequestError): boolean => error.code === 'network' || error.code === 'rate-limited' || error.status >= 500;

/**
 * `fetch` for the widgets' APIs: never with cookies (a visitor is tied to the random voter id only),
 * never from the browser's cache (we run the If-None-Match exchange ourselves), and every failure is
 * a `RequestError` with the server's code.
 */
export async function apiCall(url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new RequestError('network');
  }
  if (response.ok || response.status === 304) return response;
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: RequestErrorCode } } | undefined;
  throw new RequestError(body?.error?.code ?? 'http', response.status, Number(response.headers.get('Retry-After')) || 0);
}
