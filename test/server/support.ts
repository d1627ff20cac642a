// Shared by the server tests: feed folders written per test, both stores, a real server on a
// loopback port, and a small SSE reader.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp, type AppOptions } from '../../server/app.js';
import { loadFeeds } from '../../server/feed-catalog.js';
import { openStore, type Store } from '../../server/storage/store.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

const option = (id: string) => ({ id, text: { en: `Option ${id}`, fr: `Option ${id} (fr)` } });

/** A feed with one poll of each kind; `opensAt`/`closesAt` of the timed poll are given by the test. */
export function pollFeed(timed: { opensAt?: string; closesAt?: string } = {}, prefix = ''): object {
  const base = { mode: 'single', groups: [{ id: 'g', title: 'Group', options: [option('a'), option('b'), option('c')] }] };
  return {
    version: 1,
    languages: ['en', 'fr'],
    event: { id: 'ev', title: 'Test event', timeZone: 'Europe/Madrid' },
    sessions: [{ id: 's1', title: 'Session', start: '2026-06-18T15:00:00+02:00', end: '2026-06-18T17:00:00+02:00' }],
    polls: [
      { ...base, id: `${prefix}single`, title: 'Single' },
      {
        ...base,
        id: `${prefix}multi`,
        title: 'Multiple',
        mode: 'multiple',
        maxChoices: 2,
        groups: [...base.groups, { id: 'h', title: 'Other', options: [option('d'), { id: 'e', text: '=1+1, "quoted"' }] }],
      },
      { ...base, id: `${prefix}after-vote`, title: 'After vote', results: 'after-vote' },
      { ...base, id: `${prefix}after-close`, title: 'After close', results: 'after-close' },
      { ...base, id: `${prefix}timed`, title: 'Timed', ...timed },
    ],
  };
}

const feedDirs: string[] = [];
process.once('exit', () => feedDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary folder with these feeds, removed when the test process exits. */
export function feedDir(feeds: Record<string, object | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'civic-feeds-'));
  feedDirs.push(dir);
  for (const [name, feed] of Object.entries(feeds)) {
    writeFileSync(join(dir, `${name}.json`), typeof feed === 'string' ? feed : JSON.stringify(feed));
  }
  return dir;
}

export type StoreKind = 'sqlite' | 'postgres';

/** PostgreSQL is required on CI; elsewhere its tests are skipped, loudly, when it is not configured. */
export function storeKinds(): StoreKind[] {
  if (process.env.DATABASE_URL_TEST) return ['sqlite', 'postgres'];
  if (process.env.CI) throw new Error('DATABASE_URL_TEST is not set: CI must test the PostgreSQL store too');
  console.log('# DATABASE_URL_TEST is not set: PostgreSQL store tests SKIPPED');
  return ['sqlite'];
}

export interface TestDatabase {
  /** For `openStore` and for server processes (`DATABASE_URL`). */
  databaseUrl?: string;
  sqliteFile: string;
  drop(): Promise<void>;
}

/** A fresh SQLite file, or a fresh PostgreSQL schema, removed by `drop()`. */
export function testDatabase(kind: StoreKind): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'civic-db-'));
  const sqliteFile = join(dir, 'civic.db');
  if (kind === 'sqlite') return { sqliteFile, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  const schema = `civic_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(process.env.DATABASE_URL_TEST!);
  url.searchParams.set('schema', schema);
  return {
    databaseUrl: url.href,
    sqliteFile,
    drop: async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestServer {
  origin: string;
  store: Store;
  close(): Promise<void>;
}

export async function startServer(
  feeds: Record<string, object | string>,
  db: TestDatabase,
  options: Partial<AppOptions> = {},
): Promise<TestServer> {
  const dir = feedDir(feeds);
  const catalog = await loadFeeds(dir);
  const store = await openStore({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
  const app = await buildApp({ catalog, store, ...options });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    origin,
    store,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `done()` holds or `ms` have passed; the caller's assertion then says what was missing. */
export async function waitUntil(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

export function voterId(n = 0): string {
  return `voter-${n.toString().padStart(6, '0')}-${randomBytes(4).toString('hex')}`;
}

export async function postVote(origin: string, pollId: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}/api/polls/${pollId}/votes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads an SSE stream with raw http (no EventSource in Node 20), collecting comments and events. */
export class SseReader {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  headers: Record<string, string | string[] | undefined> = {};
  private buffer = '';
  private waiters: (() => void)[] = [];
  private readonly req;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.req = request(url, { headers }, (res) => {
      this.headers = res.headers;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => this.feed(chunk));
    });
    this.req.on('error', () => {});
    this.req.end();
  }

  /** Resolves when `count` events have arrived (rejects after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 3000): Promise<SseEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} SSE events, got ${this.events.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
    return this.events;
  }

  /** Resolves with the first event whose JSON data satisfies `test`. */
  async until(test: (data: Record<string, unknown>) => boolean, timeoutMs = 3000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (let seen = 0; ; seen++) {
      await this.waitFor(seen + 1, Math.max(0, deadline - Date.now()));
      const data = this.json(seen);
      if (test(data)) return data;
    }
  }

  json(index: number): Record<string, unknown> {
    return JSON.parse(this.events[index]!.data);
  }

  close(): void {
    this.req.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
        else if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (data.length) this.events.push({ event, data: data.join('\n') });
    }
    this.waiters.splice(0).forEach((wake) => wake());
  }
}

/** `node --import tsx server/cli.ts …` as a child process; resolves with its origin once listening. */
/** Starts the CLI (from the sources, or `cli` such as an installed package's bin) and waits for its address. */
export async function spawnServer(
  args: string[],
  env: Record<string, string | undefined>,
  { cli = ['--import', 'tsx', join(ROOT, 'server/cli.ts')], cwd = ROOT }: { cli?: string[]; cwd?: string } = {},
): Promise<{ origin: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [...cli, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  // Everything it has printed so far, start-up lines included.
  return { origin, child, output: () => output };
}

export function writeFile(dir: string, name: string, body: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), body);
}

export interface RawAnswer {
  /** Everything the server wrote. */
  text: string;
  status: number | undefined;
  /** The body after the headers (de-chunked is not needed: error answers carry a Content-Length). */
  body: string;
  /** The server closed the connection (false: still open when `waitMs` ran out). */
  closed: boolean;
  ms: number;
}

/** Writes `chunks` to a raw TCP connection (pausing `pauseMs` between them) and collects the answer. */
export function rawRequest(origin: string, chunks: string | (string | Buffer)[], { waitMs = 3000, pauseMs = 0 } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  const parts = typeof chunks === 'string' ? [chunks] : chunks;
  return new Promise((resolve) => {
    const started = Date.now();
    const received: Buffer[] = [];
    const socket = connect(Number(port), hostname, async () => {
      for (const [i, part] of parts.entries()) {
        if (i > 0 && pauseMs) await new Promise((wait) => setTimeout(wait, pauseMs));
        if (!socket.writable) break;
        socket.write(part);
      }
    });
    const finish = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(received).toString('utf8');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      const split = text.indexOf('\r\n\r\n');
      resolve({ text, status: status ? Number(status) : undefined, body: split >= 0 ? text.slice(split + 4) : '', closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => finish(true));
  });
}
