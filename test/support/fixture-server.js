// Dev-server middleware for browser tests: serves feed fixtures over real HTTP so the store meets
// real ETags, 304s, status codes, content types, slow answers and Date headers; counts requests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const log = new Map(); // key -> [{ ifNoneMatch, status }]
const stored = new Map(); // key -> body, for feeds a test generates (PUT /__mem/<key>.json)

function fixture(name) {
  return readFileSync(new URL(`../fixtures/feeds/${name}.json`, import.meta.url), 'utf8');
}

/** @type {import('koa').Middleware} */
export async function fixtureServer(ctx, next) {
  const url = new URL(ctx.url, 'http://x');
  if (url.pathname === '/__requests') {
    const key = url.searchParams.get('key') ?? '';
    if (url.searchParams.has('reset')) log.delete(key);
    ctx.body = log.get(key) ?? [];
    return;
  }
  if (url.pathname === '/__fuzz-config') {
    // The fuzz test's size and seed, from the environment of the test runner (FUZZ_FEEDS=10000 npm …).
    ctx.body = { feeds: Number(process.env.FUZZ_FEEDS ?? 1000), seed: Number(process.env.FUZZ_SEED ?? 1) };
    return;
  }
  const mem = /^\/__mem\/([\w-]+)\.json$/.exec(url.pathname);
  if (mem) {
    if (ctx.method === 'PUT') {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      stored.set(mem[1], Buffer.concat(chunks).toString('utf8'));
      ctx.status = 204;
    } else if (ctx.method === 'DELETE') {
      stored.delete(mem[1]);
      ctx.status = 204;
    } else if (stored.has(mem[1])) {
      ctx.set('Cache-Control', 'no-cache');
      ctx.type = 'application/json';
      ctx.body = stored.get(mem[1]);
    } else ctx.status = 404;
    return;
  }
  const match = /^\/__feed\/([\w/-]+)\.json$/.exec(url.pathname);
  if (!match) return next();
  const q = url.searchParams;
  const key = q.get('key') ?? match[1];
  const entries = log.get(key) ?? [];
  log.set(key, entries);
  const delay = Number(q.get('delay') ?? 0);
  if (delay) await new Promise((r) => setTimeout(r, delay));
  let body = q.has('size') ? JSON.stringify({ padding: 'x'.repeat(Number(q.get('size'))) }) : fixture(match[1]);
  if (q.has('raw')) body = q.get('raw');
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  if (q.has('date')) ctx.set('Date', new Date(Number(q.get('date'))).toUTCString());
  const status = Number(q.get('status') ?? 200);
  const entry = { ifNoneMatch: ctx.get('If-None-Match') || null, status };
  entries.push(entry);
  ctx.set('Cache-Control', 'no-cache');
  if (status !== 200) {
    ctx.status = status;
    ctx.body = 'error';
    return;
  }
  ctx.set('ETag', etag);
  if (entry.ifNoneMatch === etag) {
    entry.status = 304;
    ctx.status = 304;
    return;
  }
  ctx.type = q.get('type') ?? 'application/json';
  ctx.body = body;
}
