// The console's sign-in, session cookie and CSRF rules, against a real server on a loopback port.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OneTimeLinks } from '../../server/admin/one-time-links.js';
import { pollFeed, postVote, startServer, storeKinds, testDatabase, voterId, type TestDatabase, type TestServer } from './support.js';

const TOKEN = 'console-token-0123456789';

for (const kind of storeKinds()) {
  describe(`console session on ${kind}`, () => {
    let db: TestDatabase;
    let server: TestServer;
    let clock = Date.parse('2026-06-18T15:30:00+02:00');
    const links = new OneTimeLinks(() => clock);
    const url = (path: string) => `${server.origin}${path}`;
    const same = () => ({ origin: server.origin, 'content-type': 'application/json' });

    before(async () => {
      db = testDatabase(kind);
      // The timed poll opens 200 ms after the test clock's start (the clock moves by hand).
      server = await startServer(
        {
          demo: pollFeed({ opensAt: new Date(clock + 200).toISOString() }),
          // A feed composed by a recipe from one local source: the console lists the source.
          'network.recipe': { event: { id: 'net', title: 'Network', timeZone: 'Europe/Madrid' }, sources: [{ type: 'feed', path: 'partners.part.json' }] },
          'partners.part': {
            version: 1,
            event: { id: 'partners', title: 'Partners', timeZone: 'Europe/Madrid' },
            sessions: [{ id: 'p1', title: 'Partner meeting', start: '2026-06-19T10:00:00+02:00', end: '2026-06-19T11:00:00+02:00' }],
          },
        },
        db,
        {
        adminToken: TOKEN,
        signInLinks: links,
        voteUrl: 'https://town.example/vote/{poll}',
        now: () => clock,
        trustProxy: true,
        },
      );
    });
    after(async () => {
      await server.close();
      await db.drop();
    });

    async function signIn(extra: Record<string, string> = {}): Promise<{ cookie: string; csrf: string; setCookie: string }> {
      const res = await fetch(url('/api/admin/session'), { method: 'POST', headers: { ...same(), ...extra }, body: JSON.stringify({ token: TOKEN }) });
      assert.equal(res.status, 200, await res.clone().text());
      const setCookie = res.headers.get('set-cookie') ?? '';
      const { csrf } = (await res.json()) as { csrf: string };
      return { cookie: setCookie.split(';')[0]!, csrf, setCookie };
    }

    async function errorOf(res: Response): Promise<[number, string]> {
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.ok(body.error.message.length > 0);
      return [res.status, body.error.code];
    }

    it('answers 401 JSON to every admin route without a session', async () => {
      for (const [method, path] of [
        ['GET', '/api/admin/polls'],
        ['GET', '/api/admin/polls/single'],
        ['GET', '/api/admin/feeds'],
        ['GET', '/api/admin/stream'],
        ['GET', '/api/admin/session'],
        ['GET', '/api/admin/polls/single/export?format=csv'],
        ['POST', '/api/admin/polls/single/open'],
        ['POST', '/api/admin/polls/single/close'],
        ['POST', '/api/admin/polls/single/reset'],
        ['POST', '/api/admin/session/sign-out'],
      ] as const) {
        const res = await fetch(url(path), { method, headers: { origin: server.origin } });
        assert.deepEqual(await errorOf(res), [401, 'unauthorized'], `${method} ${path}`);
      }
      const forged = await fetch(url('/api/admin/polls'), { headers: { cookie: 'civic-admin=v1.99999999999999.abc.def' } });
      assert.deepEqual(await errorOf(forged), [401, 'unauthorized']);
    });

    it('signs in with the token: an HttpOnly, SameSite=Strict, expiring cookie, no Secure over plain HTTP', async () => {
      const wrong = await fetch(url('/api/admin/session'), { method: 'POST', headers: same(), body: JSON.stringify({ token: 'nope' }) });
      assert.deepEqual(await errorOf(wrong), [401, 'unauthorized']);
      assert.equal(wrong.headers.get('set-cookie'), null);
      const { setCookie, cookie } = await signIn();
      assert.match(setCookie, /^civic-admin=v1\./);
      assert.match(setCookie, /; HttpOnly/);
      assert.match(setCookie, /; SameSite=Strict/);
      assert.match(setCookie, /; Max-Age=43200/);
      assert.doesNotMatch(setCookie, /Secure/);
      const list = await fetch(url('/api/admin/polls'), { headers: { cookie } });
      assert.equal(list.status, 200);
      assert.equal(list.headers.get('cache-control'), 'no-store');
      assert.equal(((await list.json()) as { polls: unknown[] }).polls.length, 5);
    });

    it('marks the cookie Secure (and __Host-) behind a TLS proxy', async () => {
      const { setCookie, cookie } = await signIn({ 'x-forwarded-proto': 'https', origin: server.origin.replace('http:', 'https:') });
      assert.match(setCookie, /^__Host-civic-admin=/);
      assert.match(setCookie, /; Secure/);
      assert.equal((await fetch(url('/api/admin/polls'), { headers: { cookie, 'x-forwarded-proto': 'https' } })).status, 200);
    });

    it('refuses a sign-in form posted from another origin (login CSRF)', async () => {
      const res = await fetch(url('/api/admin/session'), {
        method: 'POST',
        headers: { origin: server.origin.replace(/:\d+$/, ':1'), 'content-type': 'application/json' },
        body: JSON.stringify({ token: TOKEN }),
      });
      assert.deepEqual(await errorOf(res), [403, 'forbidden']);
    });

    it('refuses a state change without the CSRF token, or from the same host on another port, or cross-site', async () => {
      const { cookie, csrf } = await signIn();
      const post = (headers: Record<string, string>) => fetch(url('/api/admin/polls/single/close'), { method: 'POST', headers: { cookie, ...headers } });
      assert.deepEqual(await errorOf(await post({ origin: server.origin })), [403, 'forbidden'], 'no token');
      assert.deepEqual(await errorOf(await post({ origin: server.origin, 'x-csrf-token': 'x'.repeat(csrf.length) })), [403, 'forbidden'], 'wrong token');
      const otherPort = server.origin.replace(/:(\d+)$/, (_m, port: string) => `:${Number(port) + 1}`);
      assert.deepEqual(await errorOf(await post({ origin: otherPort, 'x-csrf-token': csrf })), [403, 'forbidden'], 'same host, other port');
      assert.deepEqual(await errorOf(await post({ origin: 'https://evil.example', 'x-csrf-token': csrf })), [403, 'forbidden'], 'cross-site');
      assert.deepEqual(await errorOf(await post({ 'sec-fetch-site': 'same-site', 'x-csrf-token': csrf })), [403, 'forbidden'], 'no Origin, same-site');
      assert.equal(((await (await fetch(url('/api/polls/single'))).json()) as { status: string }).status, 'open', 'nothing changed');
      const ok = await post({ origin: server.origin, 'x-csrf-token': csrf });
      assert.equal(ok.status, 200);
      assert.equal(((await ok.json()) as { status: string }).status, 'closed');
      const reopened = await fetch(url('/api/admin/polls/single/open'), { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin', 'x-csrf-token': csrf } });
      assert.equal(reopened.status, 200, 'a browser that sends Sec-Fetch-Site but no Origin');
    });

    it('keeps the bearer token working for scripts, with no CSRF token', async () => {
      const res = await fetch(url('/api/admin/polls/single/open'), { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 200);
      const wrong = await fetch(url('/api/admin/polls'), { headers: { authorization: 'Bearer no' } });
      assert.deepEqual(await errorOf(wrong), [401, 'unauthorized']);
    });

    it('signs out: the cookie is cleared and no longer accepted', async () => {
      const { cookie, csrf } = await signIn();
      const out = await fetch(url('/api/admin/session/sign-out'), { method: 'POST', headers: { cookie, origin: server.origin, 'x-csrf-token': csrf } });
      assert.equal(out.status, 200);
      assert.match(out.headers.get('set-cookie') ?? '', /^civic-admin=; .*Max-Age=0/);
      assert.equal((await fetch(url('/api/admin/polls'), { headers: { cookie } })).status, 401);
    });

    it('expires a session after 12 hours', async () => {
      const { cookie } = await signIn();
      clock += 12 * 3600_000 + 1;
      try {
        assert.equal((await fetch(url('/api/admin/polls'), { headers: { cookie } })).status, 401);
      } finally {
        clock -= 12 * 3600_000 + 1;
      }
    });

    it('a one-time link signs in once, lands on /admin/ without the secret, and expires', async () => {
      const secret = links.create();
      const first = await fetch(url(`/admin/sign-in?once=${secret}`), { redirect: 'manual' });
      assert.equal(first.status, 303);
      assert.equal(first.headers.get('location'), '/admin/');
      const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
      assert.equal((await fetch(url('/api/admin/polls'), { headers: { cookie } })).status, 200);
      const again = await fetch(url(`/admin/sign-in?once=${secret}`), { redirect: 'manual' });
      assert.equal(again.headers.get('location'), '/admin/?link=expired');
      assert.equal(again.headers.get('set-cookie'), null);
      const late = links.create();
      clock += 15 * 60_000 + 1;
      try {
        const res = await fetch(url(`/admin/sign-in?once=${late}`), { redirect: 'manual' });
        assert.equal(res.headers.get('location'), '/admin/?link=expired');
      } finally {
        clock -= 15 * 60_000 + 1;
      }
    });

    it('streams every poll’s full totals to a session, and a vote moves them', async () => {
      const { cookie } = await signIn();
      const res = await fetch(url('/api/admin/stream'), { headers: { cookie } });
      assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const decoder = new TextDecoder();
      const body = res.body!.getReader();
      let text = '';
      const until = async (pattern: RegExp) => {
        while (!pattern.test(text)) text += decoder.decode((await body.read()).value);
      };
      await until(/"id":"after-close"/);
      await postVote(server.origin, 'after-close', { voter: voterId(1), choices: ['b'] });
      // The poll hides its results from visitors until it closes; the console sees them at once.
      await until(/"id":"after-close"[^\n]*"voters":1,"totals":\{"a":0,"b":1,"c":0\}/);
      await body.cancel();
    });

    it('lists each feed with its sessions, build time, validation and sources', async () => {
      const { cookie } = await signIn();
      const { feeds } = (await (await fetch(url('/api/admin/feeds'), { headers: { cookie } })).json()) as {
        feeds: { name: string; kind: string; url: string; sessions: { id: string }[]; polls: string[]; loadedAt: string; errors: unknown[]; sources: { type: string; location: string; lastSync: string | null; lastError: string | null }[] }[];
      };
      const demo = feeds.find((feed) => feed.name === 'demo')!;
      assert.equal(demo.url, '/feeds/demo.json');
      assert.deepEqual(demo.sessions.map((s) => s.id), ['s1']);
      assert.deepEqual(demo.polls, ['single', 'multi', 'after-vote', 'after-close', 'timed']);
      assert.deepEqual(demo.errors, []);
      assert.ok(!Number.isNaN(Date.parse(demo.loadedAt)));
      const network = feeds.find((feed) => feed.name === 'network')!;
      assert.equal(network.kind, 'recipe');
      assert.deepEqual(network.sessions.map((s) => s.id), ['p1']);
      assert.equal(network.sources.length, 1);
      assert.equal(network.sources[0]!.type, 'feed');
      assert.equal(network.sources[0]!.location, 'partners.part.json');
      assert.equal(network.sources[0]!.lastError, null);
      assert.ok(network.sources[0]!.lastSync && !Number.isNaN(Date.parse(network.sources[0]!.lastSync)));
    });

    it('tells the console when a poll opens by its date (no store change to hear)', async () => {
      const { cookie } = await signIn();
      const res = await fetch(url('/api/admin/stream'), { headers: { cookie } });
      const decoder = new TextDecoder();
      const body = res.body!.getReader();
      let text = '';
      const until = async (pattern: RegExp) => {
        while (!pattern.test(text)) text += decoder.decode((await body.read()).value);
      };
      await until(/"id":"timed"[^\n]*"status":"scheduled"/);
      clock += 1000;
      try {
        const late = new Promise((_, reject) => setTimeout(() => reject(new Error('no event for the opening')), 3000).unref());
        await Promise.race([until(/"id":"timed"[^\n]*"status":"open"/), late]);
      } finally {
        clock -= 1000;
        await body.cancel();
      }
    });

    it('rate-limits sign-in attempts', async () => {
      let limited = 0;
      for (let i = 0; i < 12; i++) {
        const res = await fetch(url('/api/admin/session'), { method: 'POST', headers: same(), body: JSON.stringify({ token: 'guess' }) });
        if (res.status === 429) limited++;
      }
      assert.ok(limited > 0, 'some attempts were refused with 429');
    });

    it('gives the presenter the poll, the vote URL and a QR code, without a session', async () => {
      const res = await fetch(url('/api/present/single'));
      const body = (await res.json()) as { voteUrl: string; shortUrl: string; next: string; poll: { id: string } };
      assert.equal(body.voteUrl, 'https://town.example/vote/single');
      assert.equal(body.shortUrl, 'town.example/vote/single');
      assert.equal(body.next, 'multi');
      const qr = await fetch(url('/present/single/qr.svg'));
      assert.equal(qr.headers.get('content-type'), 'image/svg+xml');
      assert.match(await qr.text(), /^<svg /);
      const page = await fetch(url('/present/single'), { headers: { 'accept-language': 'ar,en;q=0.5' } });
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.match(await page.text(), /<html lang="ar" dir="rtl">[\s\S]*<civic-presenter poll="single">/);
      assert.equal((await fetch(url('/present/nope'))).status, 404);
    });
  });
}
