// Recipes: a feed composed from several sources and kept in sync, against a real local HTTP server
// (node:http on 127.0.0.1), with fake interval timers; and plain feeds reloaded when their file changes.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { loadFeeds, type FeedCatalog } from '../../server/feed-catalog.js';
import { buildApp } from '../../server/app.js';
import { openStore } from '../../server/storage/store.js';
import { feedDir, pollFeed, ROOT, testDatabase, waitUntil } from './support.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/import', name), 'utf8');

type Route = (headers: IncomingHttpHeaders) => { status?: number; headers?: Record<string, string>; body?: string; hang?: boolean };

/** A source server whose answers each test sets, and that remembers the requests' headers. */
class Sources {
  routes = new Map<string, Route>();
  requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  private server!: Server;
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push({ path: req.url!, headers: req.headers });
      const answer = this.routes.get(req.url!)?.(req.headers) ?? { status: 404, body: 'not found' };
      if (answer.hang) return; // never answers: the importer's timeout must end it
      res.writeHead(answer.status ?? 200, answer.headers ?? {});
      res.end(answer.body ?? '');
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Serves `body` with an ETag, and 304 to a request that names it. */
  static withEtag(body: string, etag: string): Route {
    return (headers) => (headers['if-none-match'] === etag ? { status: 304, headers: { etag } as Record<string, string> } : { headers: { etag, 'content-type': 'application/json' }, body });
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const v2 = (title: string) => fixture('schedule-v2.json').replace('Open data for small towns', title);

describe('feed recipes', () => {
  const sources = new Sources();
  let catalog: FeedCatalog;
  const logged: string[] = [];
  let dir: string;

  before(async () => {
    await sources.start();
    mock.timers.enable({ apis: ['setInterval'] });
    const modified = 'Tue, 02 Jun 2026 10:00:00 GMT';
    sources.routes.set('/a/schedule.json', Sources.withEtag(fixture('schedule-v1.json'), '"v1"'));
    sources.routes.set('/b/schedule.json', Sources.withEtag(v2('Open data for small towns'), '"b1"'));
    sources.routes.set('/calendar.ics', (headers) =>
      headers['if-modified-since'] === modified ? { status: 304 } : { headers: { 'last-modified': modified }, body: fixture('calendar.ics') },
    );
    sources.routes.set('/videos.xml', () => ({ body: fixture('youtube.xml').replaceAll('Budgets People Choose!', 'Open Data for small towns') }));
    dir = feedDir({
      'network.recipe': {
        event: { id: 'network', title: { en: 'Network programme', fr: 'Programme du réseau' }, timeZone: 'Europe/Madrid' },
        refresh: '10m',
        sources: [
          { type: 'schedule', url: `${sources.origin}/a/schedule.json`, organizer: 'City of Valencia', refresh: '1m' },
          { type: 'schedule', url: `${sources.origin}/b/schedule.json`, organizer: { en: 'Town of Bilbao', es: 'Ayuntamiento de Bilbao' } },
          { type: 'ics', url: `${sources.origin}/calendar.ics`, refresh: 30 },
          { type: 'youtube', url: `${sources.origin}/videos.xml` },
          { type: 'feed', path: 'extra.part.json' },
        ],
      },
      'extra.part': {
        polls: [{ id: 'priorities', title: 'Priorities', mode: 'single', groups: [{ id: 'g', title: 'G', options: [{ id: 'a', text: 'A' }] }] }],
        sessions: [{ id: 'late-night', title: 'Hackathon (renamed by hand)' }],
      },
    });
    catalog = await loadFeeds(dir, { refresh: true, log: (line) => logged.push(line), fetchTimeoutMs: 2000 });
  });

  after(async () => {
    catalog?.close();
    mock.timers.reset();
    await sources.stop();
  });

  const served = () => JSON.parse(catalog.feeds.get('network')!.body) as {
    event: { id: string; title: unknown; timeZone: string };
    sessions: { id: string; title: string; organizer?: unknown; timeZone?: string; start: string }[];
    recordings: { id: string; session?: string }[];
    polls: { id: string }[];
  };
  const tick = async (ms: number) => {
    mock.timers.tick(ms);
    await catalog.settled();
  };

  it('merges several schedules into one agenda, each session keeping its source’s organizer', () => {
    const feed = served();
    // The recipe's event fields win; the others come from the first source that has them.
    assert.deepEqual(feed.event, {
      id: 'network',
      title: { en: 'Network programme', fr: 'Programme du réseau' },
      timeZone: 'Europe/Madrid',
      url: 'https://talks.example.org/forum/',
    });
    const opening = feed.sessions.find((s) => s.title.startsWith('Opening: '))!;
    assert.equal(opening.organizer, 'City of Valencia');
    const openData = feed.sessions.find((s) => s.title === 'Open data for small towns')!;
    assert.deepEqual(openData.organizer, { en: 'Town of Bilbao', es: 'Ayuntamiento de Bilbao' });
    assert.ok(feed.sessions.some((s) => s.title === 'Peer learning circle'));
    // A session from a source in another zone keeps that zone; the event's own zone is not repeated.
    assert.equal(opening.timeZone, 'Etc/GMT-2');
    assert.equal(feed.sessions.find((s) => s.title.startsWith('Opening,'))!.timeZone, undefined);
  });

  it('adds the hand-written part: its polls, and its overrides of imported sessions', () => {
    const feed = served();
    assert.deepEqual(feed.polls.map((p) => p.id), ['priorities']);
    assert.equal(feed.sessions.find((s) => s.id === 'late-night')!.title, 'Hackathon (renamed by hand)');
    assert.equal(catalog.polls.get('priorities')!.feed.name, 'network');
  });

  it('links a recording to the one session with the same title, and no other', () => {
    const feed = served();
    const openData = feed.sessions.find((s) => s.title === 'Open data for small towns')!;
    assert.equal(feed.recordings.find((r) => r.id === 'yt-dQw4w9WgXcQ')!.session, openData.id);
    assert.equal(feed.recordings.find((r) => r.id === 'yt-AAAAAAAAAAA')!.session, undefined);
  });

  it('refreshes each source on its own interval with a conditional request, and serves a change', async () => {
    const etag = catalog.feeds.get('network')!.etag;
    sources.requests = [];
    await tick(30_000);
    assert.deepEqual(sources.requests.map((r) => r.path), ['/calendar.ics']);
    assert.equal(sources.requests[0]!.headers['if-modified-since'], 'Tue, 02 Jun 2026 10:00:00 GMT');
    assert.equal(catalog.feeds.get('network')!.etag, etag, 'a 304 changes nothing');

    sources.requests = [];
    await tick(30_000);
    assert.deepEqual(sources.requests.map((r) => r.path).sort(), ['/a/schedule.json', '/calendar.ics']);
    assert.equal(sources.requests.find((r) => r.path === '/a/schedule.json')!.headers['if-none-match'], '"v1"');

    sources.routes.set('/a/schedule.json', Sources.withEtag(fixture('schedule-v1.json').replace('Budgets people choose', 'Budgets residents choose'), '"v2"'));
    await tick(60_000);
    assert.ok(served().sessions.some((s) => s.title.startsWith('Budgets residents choose')));
    assert.notEqual(catalog.feeds.get('network')!.etag, etag);
    const status = catalog.status().find((f) => f.name === 'network')!;
    assert.equal(status.sources[0]!.etag, '"v2"');
    assert.equal(status.sources[0]!.refreshSeconds, 60);
    assert.equal(status.sources[1]!.refreshSeconds, 600);
  });

  it('keeps the last good version of a source that fails, times out, answers HTML or turns invalid, and says so', async () => {
    const before = catalog.feeds.get('network')!.body;
    const failures: [Route, RegExp][] = [
      [() => ({ status: 500, body: 'oops' }), /a\/schedule\.json: the server answered HTTP 500/],
      [() => ({ hang: true }), /a\/schedule\.json: no answer within 2 s/],
      [() => ({ headers: { 'content-type': 'text/html' }, body: '<!DOCTYPE html><html><body>Sign in</body></html>' }), /answered with an HTML page \(text\/html\)/],
      [() => ({ headers: { etag: '"v3"' }, body: fixture('schedule-v1.json').slice(0, 500) }), /a\/schedule\.json: not valid JSON/],
    ];
    for (const [route, message] of failures) {
      logged.length = 0;
      sources.routes.set('/a/schedule.json', route);
      mock.timers.tick(60_000);
      await waitUntil(() => logged.length > 0, 10_000);
      await catalog.settled();
      assert.equal(catalog.feeds.get('network')!.body, before, 'the served feed did not change');
      assert.equal(logged.length, 1, logged.join('\n'));
      assert.match(logged[0]!, message);
      assert.match(logged[0]!, /\(its last good version is kept\)$/);
      const source = catalog.status().find((f) => f.name === 'network')!.sources[0]!;
      assert.match(source.error!, message);
    }
    sources.routes.set('/a/schedule.json', Sources.withEtag(fixture('schedule-v1.json'), '"v4"'));
    await tick(60_000);
    const source = catalog.status().find((f) => f.name === 'network')!.sources[0]!;
    assert.equal(source.error, undefined, 'a success clears the error');
    assert.ok(served().sessions.some((s) => s.title.startsWith('Budgets people choose')));
  });

  it('is served at /feeds/<name>.json by the server', async () => {
    const db = testDatabase('sqlite');
    const store = await openStore({ sqliteFile: db.sqliteFile });
    const app = await buildApp({ catalog, store });
    const response = await app.inject({ url: '/feeds/network.json' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().event.id, 'network');
    assert.equal(response.headers.etag, catalog.feeds.get('network')!.etag);
    await app.close();
  });
});

describe('recipes that cannot be used', () => {
  it('refuses a recipe with a mistake at the start, naming the file and the path', async () => {
    const dir = feedDir({ 'x.recipe': { sources: [{ type: 'rss', url: 'https://example.org/feed' }] } });
    await assert.rejects(loadFeeds(dir), /x\.recipe\.json: sources\[0\]\.type: expected one of schedule, ics, youtube, feed, got "rss"/);
    const interval = feedDir({ 'x.recipe': { sources: [{ type: 'ics', url: 'https://example.org/c.ics', refresh: 'often' }] } });
    await assert.rejects(loadFeeds(interval), /sources\[0\]\.refresh: expected an interval of at least 1 s/);
  });

  it('starts without a source that is down, says so in the status, and picks it up at its next refresh', async () => {
    const sources = new Sources();
    await sources.start();
    mock.timers.enable({ apis: ['setInterval'] });
    const logged: string[] = [];
    const dir = feedDir({
      'down.recipe': {
        event: { id: 'down', title: 'Down at start', timeZone: 'Europe/Madrid' },
        sources: [{ type: 'ics', url: `${sources.origin}/calendar.ics`, refresh: '1m' }],
      },
    });
    const catalog = await loadFeeds(dir, { refresh: true, log: (line) => logged.push(line) });
    try {
      assert.equal(JSON.parse(catalog.feeds.get('down')!.body).sessions.length, 0);
      assert.match(logged[0]!, /calendar\.ics: the server answered HTTP 404 Not Found \(left out; retried at its next refresh\)/);
      assert.match(catalog.status()[0]!.sources[0]!.error!, /HTTP 404/);
      sources.routes.set('/calendar.ics', () => ({ body: fixture('calendar.ics') }));
      mock.timers.tick(60_000);
      await catalog.settled();
      assert.ok(JSON.parse(catalog.feeds.get('down')!.body).sessions.length > 10);
    } finally {
      catalog.close();
      mock.timers.reset();
      await sources.stop();
    }
  });
});

describe('feeds reloaded when their file changes', () => {
  it('serves the new version of a file, and keeps the last good one when the new one is invalid', async () => {
    const dir = feedDir({ live: pollFeed() });
    const logged: string[] = [];
    const catalog = await loadFeeds(dir, { watch: true, log: (line) => logged.push(line) });
    try {
      const title = () => (JSON.parse(catalog.feeds.get('live')!.body) as { event: { title: string } }).event.title;
      const changed = { ...pollFeed(), event: { id: 'ev', title: 'Renamed event', timeZone: 'Europe/Madrid' } };
      writeFileSync(join(dir, 'live.json'), JSON.stringify(changed));
      await waitUntil(() => title() === 'Renamed event', 5000);
      assert.equal(title(), 'Renamed event');

      writeFileSync(join(dir, 'live.json'), JSON.stringify({ ...changed, event: { ...changed.event, title: 'Broken', timeZone: 'Mars/Olympus' } }));
      await waitUntil(() => logged.length > 0, 5000);
      await catalog.settled();
      assert.equal(title(), 'Renamed event', 'the last good version stays online');
      assert.match(logged[0]!, /live\.json: event\.timeZone: expected a time zone this browser knows \(the last good version stays online\)/);
      assert.match(catalog.status()[0]!.error!, /event\.timeZone/);

      writeFileSync(join(dir, 'live.json'), '{ "version": 1, ');
      await waitUntil(() => logged.length > 1, 5000);
      assert.match(logged[1]!, /live\.json:1:17: not valid JSON/);
      assert.equal(title(), 'Renamed event');

      writeFileSync(join(dir, 'live.json'), JSON.stringify({ ...changed, polls: [] }));
      await waitUntil(() => logged.length > 2, 5000);
      assert.match(logged[2]!, /live\.json: removes polls single, multi, after-vote, after-close, timed; restart the server to remove a poll/);

      writeFileSync(join(dir, 'added.json'), JSON.stringify({ ...pollFeed({}, 'added-'), event: { id: 'added', title: 'Added later', timeZone: 'UTC' } }));
      await waitUntil(() => catalog.feeds.has('added'), 5000);
      assert.ok(catalog.feeds.has('added'), 'a new feed file is served without a restart');
    } finally {
      catalog.close();
    }
  });
});
