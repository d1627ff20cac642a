import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COALESCE_MS } from '../../server/event-stream.js';
import {
  pollFeed,
  postVote,
  ROOT,
  SseReader,
  startServer,
  storeKinds,
  testDatabase,
  voterId,
  type TestDatabase,
  type TestServer,
} from './support.js';

const OPENS = '2026-06-18T15:00:00+02:00';
const CLOSES = '2026-06-18T17:00:00+02:00';
const TOKEN = 'test-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };

for (const kind of storeKinds()) {
  describe(`poll API on ${kind}`, () => {
    let db: TestDatabase;
    let server: TestServer;
    let clock = Date.parse(OPENS) + 60_000;
    const url = (path: string) => `${server.origin}${path}`;

    before(async () => {
      db = testDatabase(kind);
      server = await startServer({ demo: pollFeed({ opensAt: OPENS, closesAt: CLOSES }) }, db, {
        adminToken: TOKEN,
        voteRatePerMinute: 1000,
        now: () => clock,
      });
    });
    after(async () => {
      await server.close();
      await db.drop();
    });

    it('serves a feed with ETag, Cache-Control, CORS and 304', async () => {
      const res = await fetch(url('/feeds/demo.json'), { headers: { origin: 'https://city.example' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('cache-control'), 'public, max-age=60');
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.match(res.headers.get('access-control-expose-headers') ?? '', /ETag.*Date/);
      const feed = (await res.json()) as { polls: unknown[] };
      assert.equal(feed.polls.length, 5);
      const again = await fetch(url('/feeds/demo.json'), { headers: { 'if-none-match': res.headers.get('etag')! } });
      assert.equal(again.status, 304);
      const missing = await fetch(url('/feeds/nope.json'));
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not-found');
    });

    it('serves the bundle as JavaScript with CORS * (when built)', async (t) => {
      if (!existsSync(join(ROOT, 'dist/civic-widgets.js'))) return t.skip('dist/civic-widgets.js not built');
      const res = await fetch(url('/civic-widgets.js'));
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type')!, /^text\/javascript/);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
    });

    it('serves the one-language and countdown-only scripts beside it, each its own file (when built)', async (t) => {
      if (!existsSync(join(ROOT, 'dist/civic-widgets.fr.js'))) return t.skip('dist/civic-widgets.fr.js not built');
      for (const name of ['civic-widgets.fr.js', 'civic-countdown.ar.js']) {
        const res = await fetch(url(`/${name}`));
        assert.equal(res.status, 200, name);
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        assert.equal(await res.text(), readFileSync(join(ROOT, 'dist', name), 'utf8'));
      }
      assert.equal((await fetch(url('/civic-widgets.xx.js'))).status, 404);
    });

    it('answers GET with a snapshot, an ETag and 304 on If-None-Match', async () => {
      const res = await fetch(url('/api/polls/single'));
      assert.equal(res.status, 200);
      const body = await res.json();
      assert.deepEqual(body, { id: 'single', status: 'open', opensAt: null, closesAt: null, updatedAt: null, totals: { a: 0, b: 0, c: 0 }, voters: 0 });
      const etag = res.headers.get('etag')!;
      assert.equal((await fetch(url('/api/polls/single'), { headers: { 'if-none-match': etag } })).status, 304);
      await postVote(server.origin, 'single', { voter: voterId(), choices: ['c'] });
      assert.equal((await fetch(url('/api/polls/single'), { headers: { 'if-none-match': etag } })).status, 200);
    });

    it('replaces a voter’s vote and counts the same body once', async () => {
      const voter = voterId(1);
      const before = ((await (await fetch(url('/api/polls/multi'))).json()) as { voters: number }).voters;
      for (let i = 0; i < 2; i++) assert.equal((await postVote(server.origin, 'multi', { voter, choices: ['a', 'd'] })).status, 200);
      const res = await postVote(server.origin, 'multi', { voter, choices: ['d', 'e'] });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { totals: Record<string, number>; voters: number; myChoices: string[] };
      assert.deepEqual(body.myChoices, ['d', 'e']);
      assert.equal(body.voters, before + 1);
      assert.deepEqual(body.totals, { a: 0, b: 0, c: 0, d: 1, e: 1 });
      const mine = (await (await fetch(url(`/api/polls/multi?voter=${voter}`))).json()) as { myChoices: string[] };
      assert.deepEqual(mine.myChoices, ['d', 'e']);
    });

    it('keeps votes of concurrent voters apart', async () => {
      const voters = Array.from({ length: 40 }, (_, i) => voterId(100 + i));
      const answers = await Promise.all(voters.map((voter, i) => postVote(server.origin, 'after-close', { voter, choices: [['a', 'b'][i % 2]!] })));
      assert.deepEqual(new Set(answers.map((res) => res.status)), new Set([200]));
      const exported = (await (await fetch(url('/api/admin/polls/after-close/export'), { headers: admin })).json()) as {
        voters: number;
        totals: Record<string, number>;
      };
      assert.equal(exported.voters, 40);
      assert.deepEqual(exported.totals, { a: 20, b: 20, c: 0 });
    });

    it('counts a voter once when their ballots race each other (one batch)', async () => {
      const racer = voterId(200);
      const before = (await (await fetch(url('/api/polls/timed'))).json()) as { voters: number; totals: Record<string, number> };
      const others = Array.from({ length: 20 }, (_, i) => postVote(server.origin, 'timed', { voter: voterId(300 + i), choices: ['c'] }));
      const mine = ['a', 'b', 'a', 'c', 'b'].map((choice) => postVote(server.origin, 'timed', { voter: racer, choices: [choice] }));
      assert.deepEqual(new Set((await Promise.all([...others, ...mine])).map((res) => res.status)), new Set([200]));
      const after = (await (await fetch(url(`/api/polls/timed?voter=${racer}`))).json()) as {
        voters: number;
        totals: Record<string, number>;
        myChoices: string[];
      };
      assert.equal(after.voters, before.voters + 21);
      const sum = (totals: Record<string, number>) => Object.values(totals).reduce((a, b) => a + b, 0);
      assert.equal(sum(after.totals), sum(before.totals) + 21, 'single choice: one count per voter');
      assert.equal(after.totals.c, before.totals.c! + 20 + (after.myChoices[0] === 'c' ? 1 : 0));
    });

    it('hides totals per the results rule', async () => {
      const voter = voterId(2);
      const hidden = (await (await fetch(url(`/api/polls/after-vote?voter=${voter}`))).json()) as object;
      assert.equal('totals' in hidden, false);
      const voted = (await (await postVote(server.origin, 'after-vote', { voter, choices: ['b'] })).json()) as { totals: object; voters: number };
      assert.deepEqual(voted.totals, { a: 0, b: 1, c: 0 });
      const seen = (await (await fetch(url(`/api/polls/after-vote?voter=${voter}`))).json()) as { totals?: object };
      assert.deepEqual(seen.totals, { a: 0, b: 1, c: 0 });
      const stranger = (await (await fetch(url('/api/polls/after-vote'))).json()) as object;
      assert.equal('totals' in stranger, false);
      const afterClose = (await (await postVote(server.origin, 'after-close', { voter, choices: ['a'] })).json()) as object;
      assert.equal('totals' in afterClose, false, 'after-close hides totals while open, even from voters');
    });

    it('rejects bad input with the documented codes', async () => {
      const voter = voterId(3);
      const cases: [string, unknown, number, string, Record<string, string>?][] = [
        ['nope', { voter, choices: ['a'] }, 404, 'unknown-poll'],
        ['single', { voter: 'short', choices: ['a'] }, 400, 'invalid-request'],
        ['single', { voter: 'has spaces in it', choices: ['a'] }, 400, 'invalid-request'],
        ['single', { voter, choices: 'a' }, 400, 'invalid-request'],
        ['single', { voter }, 400, 'invalid-request'],
        ['single', { voter, choices: [] }, 400, 'invalid-request'],
        ['multi', { voter, choices: ['a', 'a'] }, 400, 'invalid-request'],
        ['single', '{"voter": ', 400, 'invalid-request'],
        ['single', { voter, choices: ['z'] }, 400, 'unknown-option'],
        ['single', { voter, choices: ['a', 'b'] }, 400, 'too-many-choices'],
        ['multi', { voter, choices: ['a', 'b', 'c'] }, 400, 'too-many-choices'],
        ['single', { voter, choices: ['a'], padding: 'x'.repeat(5000) }, 413, 'body-too-large'],
        ['single', 'voter=x', 415, 'unsupported-media-type', { 'content-type': 'application/x-www-form-urlencoded' }],
      ];
      for (const [poll, body, status, code, headers] of cases) {
        const res = await postVote(server.origin, poll, body, headers);
        const json = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(res.status, status, `${poll} ${JSON.stringify(body).slice(0, 60)}`);
        assert.equal(json.error.code, code);
        assert.ok(json.error.message.length > 0);
      }
      const badQuery = await fetch(url('/api/polls/single?voter=x'));
      assert.equal(badQuery.status, 400);
      const unknown = await fetch(url('/api/polls/nope'));
      assert.equal(unknown.status, 404);
      assert.equal(((await unknown.json()) as { error: { code: string } }).error.code, 'unknown-poll');
    });

    it('accepts a ballot sent as text/plain (no CORS preflight)', async () => {
      const res = await postVote(server.origin, 'single', { voter: voterId(4), choices: ['b'] }, { 'content-type': 'text/plain;charset=UTF-8' });
      assert.equal(res.status, 200);
    });

    it('answers the CORS preflight for votes', async () => {
      const res = await fetch(url('/api/polls/single/votes'), {
        method: 'OPTIONS',
        headers: { origin: 'https://city.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), '*');
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
    });

    it('opens and closes the timed poll by its dates (409 outside)', async () => {
      const voter = voterId(5);
      clock = Date.parse(OPENS) - 1000;
      let res = await postVote(server.origin, 'timed', { voter, choices: ['a'] });
      assert.equal(res.status, 409);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'poll-not-open');
      assert.equal(((await (await fetch(url('/api/polls/timed'))).json()) as { status: string }).status, 'scheduled');
      clock = Date.parse(OPENS);
      res = await postVote(server.origin, 'timed', { voter, choices: ['a'] });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { status: string }).status, 'open');
      clock = Date.parse(CLOSES);
      res = await postVote(server.origin, 'timed', { voter, choices: ['b'] });
      assert.equal(res.status, 409);
      const closed = (await (await fetch(url(`/api/polls/timed?voter=${voter}`))).json()) as { status: string; myChoices: string[] };
      assert.equal(closed.status, 'closed');
      assert.deepEqual(closed.myChoices, ['a'], 'the refused revote changed nothing');
      clock = Date.parse(OPENS) + 60_000;
    });

    it('streams the snapshot first, then coalesced changes, with retry and the voter’s choices', async () => {
      const voter = voterId(6);
      const stream = new SseReader(url(`/api/polls/single/stream?voter=${voter}`));
      const [first] = await stream.waitFor(1);
      assert.equal(first!.event, 'totals');
      assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
      assert.equal(stream.headers['access-control-allow-origin'], '*');
      const start = stream.json(0) as { totals: Record<string, number> };
      const started = Date.now();
      await Promise.all(Array.from({ length: 30 }, (_, i) => postVote(server.origin, 'single', { voter: voterId(1000 + i), choices: ['a'] })));
      await postVote(server.origin, 'single', { voter, choices: ['c'] });
      await new Promise((resolve) => setTimeout(resolve, COALESCE_MS * 3));
      const last = stream.json(stream.events.length - 1) as { totals: Record<string, number>; myChoices: string[] };
      assert.equal(last.totals.a, start.totals.a! + 30);
      assert.equal(last.totals.c, start.totals.c! + 1);
      assert.deepEqual(last.myChoices, ['c']);
      const changes = stream.events.length - 1;
      const allowed = Math.ceil((Date.now() - started) / COALESCE_MS) + 1;
      assert.ok(changes >= 1 && changes <= allowed, `31 votes gave ${changes} events (at most ${allowed} allowed)`);
      stream.close();
    });

    it('streams to every listener of a poll and applies visibility per voter', async () => {
      const voter = voterId(7);
      const mine = new SseReader(url(`/api/polls/after-vote/stream?voter=${voter}`));
      const stranger = new SseReader(url('/api/polls/after-vote/stream'));
      await Promise.all([mine.waitFor(1), stranger.waitFor(1)]);
      await postVote(server.origin, 'after-vote', { voter, choices: ['a'] });
      await Promise.all([mine.waitFor(2), stranger.waitFor(2)]);
      assert.ok('totals' in mine.json(1));
      assert.equal('totals' in stranger.json(1), false);
      assert.ok(typeof stranger.json(1).updatedAt === 'string', 'the stranger still hears that something changed');
      mine.close();
      stranger.close();
    });

    it('admin: 401 without the token, then open, close, reset and export (JSON and CSV)', async () => {
      assert.equal((await fetch(url('/api/admin/polls'))).status, 401);
      assert.equal((await fetch(url('/api/admin/polls'), { headers: { authorization: 'Bearer wrong' } })).status, 401);
      const list = (await (await fetch(url('/api/admin/polls'), { headers: admin })).json()) as { polls: { id: string }[] };
      assert.deepEqual(list.polls.map((p) => p.id), ['single', 'multi', 'after-vote', 'after-close', 'timed']);

      const stream = new SseReader(url('/api/polls/multi/stream'));
      await stream.waitFor(1);
      const closed = await fetch(url('/api/admin/polls/multi/close'), { method: 'POST', headers: admin });
      assert.equal(((await closed.json()) as { status: string }).status, 'closed');
      assert.equal((await postVote(server.origin, 'multi', { voter: voterId(8), choices: ['a'] })).status, 409);
      await stream.until((data) => data.status === 'closed');

      const opened = await fetch(url('/api/admin/polls/multi/open'), { method: 'POST', headers: admin });
      assert.equal(((await opened.json()) as { status: string }).status, 'open');
      const voter = voterId(9);
      assert.equal((await postVote(server.origin, 'multi', { voter, choices: ['e', 'a'] })).status, 200);

      const csv = await fetch(url('/api/admin/polls/multi/export?format=csv'), { headers: admin });
      assert.match(csv.headers.get('content-type')!, /^text\/csv/);
      const text = await csv.text();
      assert.match(text, /^voter,voted_at,group,option_id,option_text\r\n/);
      assert.ok(text.includes(`${voter},`) && text.includes(`,Group,a,Option a\r\n`));
      assert.ok(text.includes(`,Other,e,"'=1+1, ""quoted"""\r\n`), 'formula neutralized and quoted');

      const reset = await fetch(url('/api/admin/polls/multi/reset'), { method: 'POST', headers: admin });
      assert.equal(((await reset.json()) as { voters: number }).voters, 0);
      const exported = (await (await fetch(url('/api/admin/polls/multi/export'), { headers: admin })).json()) as { votes: unknown[] };
      assert.deepEqual(exported.votes, []);
      const after = (await (await fetch(url(`/api/polls/multi?voter=${voter}`))).json()) as object;
      assert.equal('myChoices' in after, false);
      assert.ok((stream.json(0).voters as number) > 0, 'votes to reset');
      await stream.until((data) => data.voters === 0 && data.status === 'open');
      stream.close();
      assert.equal((await fetch(url('/api/admin/polls/nope/close'), { method: 'POST', headers: admin })).status, 404);
    });

    it('answers HEAD on a stream at once instead of holding it open with no body', async () => {
      // A HEAD can't carry events: a monitoring probe or link checker would otherwise wait forever.
      const res = await fetch(url(`/api/polls/multi/stream?voter=${voterId(9)}`), { method: 'HEAD', signal: AbortSignal.timeout(2000) });
      assert.equal(res.status, 405);
      assert.equal(res.headers.get('allow'), 'GET');
    });

    it('answers unknown routes with the error shape', async () => {
      const res = await fetch(url('/api/nothing'));
      assert.equal(res.status, 404);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not-found');
    });
  });
}

describe('server options', () => {
  let db: TestDatabase;
  before(() => {
    db = testDatabase('sqlite');
  });
  after(() => db.drop());

  it('has no admin HTTP without a token', async () => {
    const server = await startServer({ demo: pollFeed() }, db);
    const res = await fetch(`${server.origin}/api/admin/polls`, { headers: admin });
    assert.equal(res.status, 404);
    await server.close();
  });

  it('rate-limits votes per address with 429 and Retry-After', async () => {
    const server = await startServer({ demo: pollFeed() }, db, { voteRatePerMinute: 3 });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await postVote(server.origin, 'single', { voter: voterId(i), choices: ['a'] });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    assert.ok(Number(last!.headers.get('retry-after')) > 0);
    assert.equal(((await last!.json()) as { error: { code: string } }).error.code, 'rate-limited');
    assert.equal((await fetch(`${server.origin}/api/polls/single`)).status, 200, 'reads are not limited');
    await server.close();
  });

  it('with --trust-proxy, limits the address the load balancer saw, not one the client made up', async () => {
    const server = await startServer({ demo: pollFeed() }, db, { voteRatePerMinute: 2, trustProxy: true });
    try {
      // A load balancer appends the peer address to whatever X-Forwarded-For the client sent.
      const via = (client: string, claimed: string) => ({ 'x-forwarded-for': `${claimed}, ${client}` });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await postVote(server.origin, 'single', { voter: voterId(i), choices: ['a'] }, via('203.0.113.9', `10.0.0.${i}`))).status);
      }
      assert.deepEqual(statuses, [200, 200, 429, 429]);
      const other = await postVote(server.origin, 'single', { voter: voterId(9), choices: ['a'] }, via('198.51.100.7', '10.0.0.1'));
      assert.equal(other.status, 200, 'another client behind the same load balancer has its own allowance');
    } finally {
      await server.close();
    }
  });

  it('answers what Fastify rejects before routing in the error shape too', async () => {
    const server = await startServer({ demo: pollFeed() }, db);
    try {
      for (const path of ['/api/polls/%', '/feeds/%E0%A4%A', '/%']) {
        const res = await fetch(`${server.origin}${path}`);
        assert.equal(res.status, 400, path);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid-request', path);
      }
      const { port } = new URL(server.origin);
      const rawAnswer = (request: string) =>
        new Promise<string>((resolve, reject) => {
          let text = '';
          const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
          socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('close', () => resolve(text)).on('error', reject);
        });
      const malformed = await rawAnswer('POST /api/polls/single/votes HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n');
      assert.match(malformed, /^HTTP\/1\.1 400 /);
      assert.equal((JSON.parse(malformed.split('\r\n\r\n')[1]!) as { error: { code: string } }).error.code, 'invalid-request');
      const huge = await rawAnswer(`GET /api/polls/single HTTP/1.1\r\nHost: x\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`);
      assert.match(huge, /^HTTP\/1\.1 431 /);
      assert.equal((JSON.parse(huge.split('\r\n\r\n')[1]!) as { error: { code: string } }).error.code, 'invalid-request');
    } finally {
      await server.close();
    }
  });

  it('allows only the configured CORS origins', async () => {
    const server = await startServer({ demo: pollFeed() }, db, { corsOrigins: ['https://city.example'] });
    const allowed = await fetch(`${server.origin}/api/polls/single`, { headers: { origin: 'https://city.example' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://city.example');
    const other = await fetch(`${server.origin}/api/polls/single`, { headers: { origin: 'https://elsewhere.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    await server.close();
  });

  it('sends heartbeats and announces the opening of a poll by its date', async () => {
    const opensAt = new Date(Date.now() + 600).toISOString();
    const server = await startServer({ demo: pollFeed({ opensAt }) }, db, { sseHeartbeatMs: 100 });
    const stream = new SseReader(`${server.origin}/api/polls/timed/stream`);
    await stream.waitFor(1);
    assert.equal(stream.json(0).status, 'scheduled');
    const opened = await stream.until((data) => data.status === 'open', 3000);
    assert.ok(Date.now() >= Date.parse(opensAt), 'not before its time');
    assert.equal(opened.opensAt, opensAt);
    assert.ok(stream.comments.filter((comment) => comment === 'ping').length >= 2);
    stream.close();
    await server.close();
  });

  it('ends open streams on close so that shutdown does not hang', async () => {
    const server = await startServer({ demo: pollFeed() }, db);
    const stream = new SseReader(`${server.origin}/api/polls/single/stream`);
    await stream.waitFor(1);
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 2000);
  });
});
