import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a console session lasts without signing in again: a long day of sessions. */
export const SESSION_MS = 12 * 60 * 60 * 1000;

export interface Session {
  id: string;
  expiresAt: number;
  /** Sent back by the console in `X-CSRF-Token` with every state-changing request. */
  csrf: string;
}

/**
 * Console sessions as signed cookies (`v1.<expires>.<id>.<mac>`), keyed by the admin token: every
 * server process behind a load balancer that shares the token accepts them, with no shared table.
 * Changing the token signs everybody out. Sign-out is remembered by the process that was asked
 * (until the cookie would have expired anyway); the browser's cookie is cleared too.
 */
export class SessionKeys {
  private readonly key: Buffer;
  private readonly revoked = new Map<string, number>();

  constructor(
    adminToken: string,
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = SESSION_MS,
  ) {
    this.key = createHash('sha256').update(`civic-widgets console session\0${adminToken}`).digest();
  }

  issue(): { cookie: string; session: Session } {
    const id = randomBytes(18).toString('base64url');
    const expiresAt = this.now() + this.lifetimeMs;
    const body = `v1.${expiresAt}.${id}`;
    return { cookie: `${body}.${this.mac(body)}`, session: { id, expiresAt, csrf: this.csrfOf(id) } };
  }

  /** The session a cookie value stands for, or undefined when forged, expired or signed out. */
  verify(cookie: string | undefined): Session | undefined {
    if (!cookie) return undefined;
    const parts = cookie.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1') return undefined;
    const [, expires, id, mac] = parts as [string, string, string, string];
    if (!safeEqual(mac, this.mac(`v1.${expires}.${id}`))) return undefined;
    const expiresAt = Number(expires);
    if (!Number.isFinite(expiresAt) || expiresAt <= this.now() || this.revoked.has(id)) return undefined;
    return { id, expiresAt, csrf: this.csrfOf(id) };
  }

  revoke(session: Session): void {
    const now = this.now();
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
    this.revoked.set(session.id, session.expiresAt);
  }

  private csrfOf(id: string): string {
    return this.mac(`csrf.${id}`);
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url');
  }
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
