// What every end-to-end test needs to start real servers and wait for them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

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

export interface BuiltServer {
  origin: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  log: () => string;
}

/**
 * The built CLI, `bin/civic-widgets.js serve <args> --port <free port>`, as a child process with
 * `env` over this process's (SQLite unless `env` names a DATABASE_URL). Resolves once `ready` (a path)
 * answers; else fails with what the server printed.
 */
export async function serveBuilt(args: string[], env: Record<string, string>, ready: string, timeoutMs = 20_000): Promise<BuiltServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['bin/civic-widgets.js', 'serve', ...args, '--port', String(port)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  await waitFor(`the server (${ready})`, async () => (await fetch(`${origin}${ready}`)).ok, timeoutMs).catch((error) => {
    child.kill();
    throw new Error(`${(error as Error).message}\n${log}`);
  });
  return { origin, child, log: () => log };
}
