import { randomBytes } from 'node:crypto';
import { safeEqual } from './sessions.js';

/** Long enough to copy the link from a terminal to a browser, short enough not to linger. */
export const LINK_MS = 15 * 60 * 1000;

/**
 * The secrets of printed sign-in links (`/admin/sign-in?once=…`): each works once, and not after
 * LINK_MS. They live in the memory of the process that printed them.
 */
export class OneTimeLinks {
  private readonly secrets = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = LINK_MS,
  ) {}

  create(): string {
    const secret = randomBytes(24).toString('base64url');
    this.secrets.set(secret, this.now() + this.lifetimeMs);
    return secret;
  }

  /** True once for a live secret; it is gone afterwards whatever the answer. */
  consume(given: string): boolean {
    const now = this.now();
    for (const [secret, until] of this.secrets) {
      if (until <= now) this.secrets.delete(secret);
      else if (safeEqual(secret, given)) {
        this.secrets.delete(secret);
        return true;
      }
    }
    return false;
  }
}
