import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { safeEqual, type Session } from './sessions.js';

/** This server's own origin as the browser sees it (behind a trusted proxy: X-Forwarded-Proto/Host). */
export function ownOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * A state-changing request made with the session cookie must come from the console itself. SameSite
 * alone lets through a page on the same host but another port (same site, other origin), so the
 * Origin must be ours exactly (or, from a browser that sends no Origin, Sec-Fetch-Site must say
 * same-origin), and the request must carry the session's CSRF token, which only our pages can read.
 */
export function checkSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    if (origin !== ownOrigin(request)) throw new ApiError(403, 'forbidden', `requests from ${origin} may not act on this console`);
    return;
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== 'same-origin') throw new ApiError(403, 'forbidden', 'a console action must come from the console page (no Origin header)');
}

export function checkCsrf(request: FastifyRequest, session: Session): void {
  checkSameOrigin(request);
  const given = request.headers['x-csrf-token'];
  if (typeof given !== 'string' || !safeEqual(given, session.csrf)) {
    throw new ApiError(403, 'forbidden', 'missing or wrong X-CSRF-Token: reload the console');
  }
}
