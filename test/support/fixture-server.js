// Dev-server middleware for browser tests: serves feed fixtures over real HTTP so the store meets
// real ETags, 304s, status codes, content types, slow answers and Date headers; counts requests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const log = new Map(); // key -> [{ ifNoneMatch, status }]

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
