import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// What an embed meets in the wild, on loopback: the association's page on one origin, the scripts and
// the feed on another (a CDN or the reference server), with CORS and the caching headers they would
// have there. Shared by bench/first-render and the end-to-end tests of the embed.

export interface EmbedServers {
  /** The association's site: serves `pages` (path → HTML). */
  site: string;
  /** The host of scripts (`/dist/…`, `/floors/…`) and of the feed (`/feed.json`). */
  cdn: string;
  pages: Map<string, string>;
  /** The feed's body; answers wait `feedDelayMs`, or until `holdFeed` resolves when set. */
  feed: { body: string; delayMs: number; hold?: Promise<void> };
  /** Feed requests answered or in flight since the last reset, with their request headers. */
  feedRequests: IncomingMessage['headers'][];
  close(): Promise<void>;
}

/** Every CDN and the reference server compress text: without it, bytes would weigh three times too much. */
function send(request: IncomingMessage, response: ServerResponse, headers: Record<string, string>, body: string | Buffer): void {
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(200, { ...headers, Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
  response.end(gzip ? gzipSync(body, { level: 9 }) : body);
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8' };

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * `scriptDirs` maps a URL prefix (`/dist/`) to a folder. Scripts are immutable for a year (as a
 * versioned CDN path would be); the feed is `no-cache`; both gzip-compressed.
 */
export async function startEmbedServers(scriptDirs: Record<string, string>): Promise<EmbedServers> {
  const pages = new Map<string, string>();
  const state: EmbedServers = {
    site: '',
    cdn: '',
    pages,
    feed: { body: '{}', delayMs: 0 },
    feedRequests: [],
    close: async () => {},
  };
  const site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    if (page === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
  });
  const cdn = createServer((request, response) => void serveCdn(request, response));
  async function serveCdn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Timing-Allow-Origin', '*');
    if (path === '/feed.json') {
      state.feedRequests.push(request.headers);
      const { body, delayMs, hold } = state.feed;
      if (hold) await hold;
      if (delayMs) await new Promise((done) => setTimeout(done, delayMs));
      send(request, response, { 'Content-Type': TYPES['.json']!, 'Cache-Control': 'no-cache' }, body);
      return;
    }
    for (const [prefix, dir] of Object.entries(scriptDirs)) {
      if (!path.startsWith(prefix)) continue;
      const base = resolve(dir);
      const file = normalize(join(base, path.slice(prefix.length)));
      if (!file.startsWith(base)) break;
      try {
        const body = await readFile(file);
        send(request, response, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'public, max-age=31536000' }, body);
      } catch {
        response.writeHead(404).end();
      }
      return;
    }
    response.writeHead(404).end();
  }
  state.site = await listen(site);
  state.cdn = await listen(cdn);
  state.close = async () => {
    site.closeAllConnections();
    cdn.closeAllConnections();
    await Promise.all([new Promise((done) => site.close(done)), new Promise((done) => cdn.close(done))]);
  };
  return state;
}

/** A page as a webmaster writes it: `head` (script tags, hints) and `body` (the widgets). */
export function embedPage(lang: string, head: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>embed</title>${head}</head><body><h1>An association's page</h1>${body}</body></html>`;
}
