// What every end-to-end test needs to start real servers and wait for them.
import { createServer } from 'node:net';

/** A port free on 127.0.0.1 right now (for a child process that must be told its port). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.on('error', fail);
  });
}

/** Polls `check` until it gives a truthy value (errors count as not yet), or fails naming `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until `url` answers without a server error (a server child process is listening). */
export async function waitForHttp(url: string, timeoutMs = 20_000): Promise<void> {
  await waitFor(`${url} to answer`, () => fetch(url).then((r) => r.status < 500), timeoutMs);
}

/** An instant as the feed writes it: RFC 3339 in UTC, to the second. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
