/**
 * The page's idea of "now", corrected for a visitor whose clock is wrong. Feed responses carry the
 * server's `Date` header; the store reports it here, and every countdown reads `clock.now()`.
 */
export const clock = {
  /** Milliseconds to add to `Date.now()` to get the server's time. */
  offset: 0,
  now(): number {
    return Date.now() + this.offset;
  },
};

/** Offsets below this are rounding noise: `Date` has a resolution of one second. */
const NOISE_MS = 2000;

/**
 * Records the server's clock from a `Date` header seen on a response that was requested at `sentAt`
 * and received at `receivedAt` (both local `Date.now()` values).
 */
export function recordServerDate(dateHeader: string | null, sentAt: number, receivedAt: number): void {
  if (!dateHeader) return;
  const serverMs = Date.parse(dateHeader);
  if (Number.isNaN(serverMs)) return;
  // The header is truncated to the second and was written somewhere between send and receipt.
  const offset = serverMs + 500 - (sentAt + receivedAt) / 2;
  clock.offset = Math.abs(offset) < NOISE_MS ? 0 : Math.round(offset);
}
