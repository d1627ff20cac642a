import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/event/define.js';
import type { CivicEvent } from '../../src/event/civic-event.js';
import { feedStoreFor, FEED_CACHE_ENTRIES, FEED_MAX_BYTES, FEED_TIMEOUT_MS, type FeedState } from '../../src/feed/store.js';
import { clock } from '../../src/time/clock.js';
import { settled } from '../support/feed-settled.js';

let unique = 0;
/** A fixture URL no other test has used, so each test starts with a fresh store and request log. */
function feedUrl(params: Record<string, string | number> = {}, name = 'local-democracy'): { url: string; key: string } {
  const key = `t${Date.now()}-${unique++}`;
  const query = new URLSearchParams({ key, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
  return { url: `/__feed/${name}.json?${query}`, key };
}

async function requests(key: string): Promise<{ ifNoneMatch: string | null; status: number }[]> {
  return (await fetch(`/__requests?key=${key}`)).json();
}


describe('feed store', () => {
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
    clock.offset = 0;
  });

  it('makes one request for many subscribers of the same URL, relative or absolute', async () => {
    const { url, key } = feedUrl();
    const absolute = new URL(url, document.baseURI).href;
    const states: FeedState[] = [];
    const unsubscribers = [url, absolute, url, absolute].map((src) => feedStoreFor(src).subscribe((s) => states.push(s)));
    await waitUntil(() => states.filter((s) => s.status === 'ready').length === 4);
    unsubscribers.forEach((u) => u());
    expect(await requests(key)).to.have.length(1);
    expect(feedStoreFor(url)).to.equal(feedStoreFor(absolute));
  });

  it('makes one request for twenty widgets inside and outside <civic-event>', async () => {
    const { url, key } = feedUrl();
    const spy = sinon.spy(window, 'fetch');
    await fixture(html`<div>
      <civic-event src=${url}><civic-event src=${url}></civic-event></civic-event>
      ${Array.from({ length: 18 }, () => html`<civic-event src=${url}></civic-event>`)}
    </div>`);
    await waitUntil(() => feedStoreFor(url).state.status === 'ready');
    expect(spy.getCalls().filter((c) => String(c.args[0]).includes(key))).to.have.length(1);
    expect(await requests(key)).to.have.length(1);
  });

  it('revalidates with If-None-Match and keeps the parsed feed on 304', async () => {
    const { url, key } = feedUrl();
    const store = feedStoreFor(url);
    const first = await settled(url);
    await store.load();
    const log = await requests(key);
    expect(log).to.have.length(2);
    expect(log[1]!.ifNoneMatch).to.be.a('string').and.not.empty;
    expect(log[1]!.status).to.equal(304);
    expect(store.state.status).to.equal('ready');
    expect(store.state.feed).to.equal(first.feed); // same object: not parsed again
  });

  it('revalidates on the interval the subscriber asks for', async () => {
    const timers = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const spy = sinon.spy(window, 'fetch');
    const { url, key } = feedUrl();
    const calls = () => spy.getCalls().filter((c) => String(c.args[0]).includes(key)).length;
    let ready!: () => void;
    const loaded = new Promise<void>((resolve) => (ready = resolve));
    const unsubscribe = feedStoreFor(url).subscribe((s) => s.status === 'ready' && ready(), 60);
    await loaded; // the next revalidation is scheduled once this answer is in
    expect(calls()).to.equal(1);
    await timers.tickAsync(59_000);
    expect(calls()).to.equal(1);
    await timers.tickAsync(61_000);
    expect(calls()).to.be.at.least(2);
    unsubscribe();
  });

  it('shows the last good copy, marked stale, when the server later fails', async () => {
    const { url } = feedUrl();
    const good = await settled(url);
    expect(good.status).to.equal('ready');
    // A new page visit: the same URL now answers 503, the copy comes from localStorage.
    const failing = url + '&status=503';
    localStorage.setItem(`civic-widgets:feed:${new URL(failing, document.baseURI).href}`, localStorage.getItem(`civic-widgets:feed:${new URL(url, document.baseURI).href}`)!);
    const errors = sinon.stub(console, 'error');
    const state = await settled(failing);
    expect(state.status).to.equal('stale');
    expect(state.feed?.event.id).to.equal('live-learning-local-democracy');
    expect(state.updatedAt).to.be.a('number');
    expect(state.error?.code).to.equal('http');
    expect(errors.callCount).to.equal(1);
  });

  it('keeps offline copies of a few feeds only, dropping the oldest, so the host page’s storage does not fill up', async () => {
    // A CMS that appends ?v=<build> to the feed URL makes a new URL at every change of the feed.
    const cached = () => Object.keys(localStorage).filter((k) => k.startsWith('civic-widgets:feed:'));
    const urls = Array.from({ length: FEED_CACHE_ENTRIES + 3 }, () => feedUrl().url);
    for (const url of urls) {
      await settled(url);
      await new Promise((r) => setTimeout(r, 2)); // distinct save times
    }
    expect(cached()).to.have.length(FEED_CACHE_ENTRIES);
    const newest = urls.slice(-FEED_CACHE_ENTRIES).map((u) => `civic-widgets:feed:${new URL(u, document.baseURI).href}`);
    expect(cached()).to.have.members(newest);
  });

  const failures: [string, Record<string, string | number>, string, string | RegExp][] = [
    ['an HTTP error', { status: 500 }, 'http', /HTTP 500/],
    ['a wrong content type', { type: 'text/html' }, 'content-type', /text\/html/],
    ['invalid JSON', { raw: '{"version": 1,' }, 'json', /not valid JSON/],
    ['a schema error', { raw: JSON.stringify({ version: 1, event: { id: 'x', title: 'X', timeZone: 'Europe/Madrid' }, sessions: [{ id: 's', title: 'S', start: 'tomorrow', end: '2026-06-18T17:00:00+02:00' }] }) }, 'schema', 'sessions[0].start: expected an RFC 3339 date-time with an offset'],
    ['a feed over the size limit', { size: FEED_MAX_BYTES + 10 }, 'too-large', /larger than 2 MB/],
  ];
  for (const [what, params, code, message] of failures) {
    it(`reports ${what} as "${code}", logging one console error that names the cause`, async () => {
      const errors = sinon.stub(console, 'error');
      const { url } = feedUrl(params);
      const state = await settled(url);
      expect(state.status).to.equal('error');
      expect(state.error?.code).to.equal(code);
      expect(errors.callCount).to.equal(1);
      const logged = String(errors.firstCall.args[0]);
      if (typeof message === 'string') expect(logged).to.contain(message);
      else expect(logged).to.match(message);
    });
  }

  it('times out on a slow endpoint', async () => {
    const timers = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const errors = sinon.stub(console, 'error');
    const { url } = feedUrl({ delay: 2000 });
    const answer = settled(url);
    await timers.tickAsync(FEED_TIMEOUT_MS);
    const state = await answer;
    expect(state.error?.code).to.equal('timeout');
    expect(String(errors.firstCall.args[0])).to.contain(`no answer within ${FEED_TIMEOUT_MS / 1000} s`);
  });

  describe('follows its subscribers’ refresh intervals', () => {
    /** Resolves at the next `ready` state of `url`'s store seen by a subscriber asking for `refresh`. */
    function subscribeReady(url: string, refresh?: number): Promise<() => void> {
      return new Promise((resolve) => {
        let resolved = false;
        const unsubscribe = feedStoreFor(url).subscribe((s) => {
          if (s.status !== 'ready' || resolved) return;
          resolved = true;
          queueMicrotask(() => resolve(unsubscribe));
        }, refresh);
      });
    }

    it('a later subscriber’s shorter refresh takes effect at once', async () => {
      const timers = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const spy = sinon.spy(window, 'fetch');
      const { url, key } = feedUrl();
      const calls = () => spy.getCalls().filter((c) => String(c.args[0]).includes(key)).length;
      const first = await subscribeReady(url, 86_400);
      const second = feedStoreFor(url).subscribe(() => {}, 15);
      await timers.tickAsync(16_000);
      expect(calls()).to.equal(2);
      second();
      first();
    });

    it('an element resubscribes when its refresh changes (86400 → 15: a request within 16 s)', async () => {
      const timers = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const spy = sinon.spy(window, 'fetch');
      const { url, key } = feedUrl();
      const calls = () => spy.getCalls().filter((c) => String(c.args[0]).includes(key)).length;
      const el = document.createElement('civic-event') as CivicEvent;
      el.src = url;
      el.refresh = 86_400;
      const loaded = new Promise((resolve) => el.addEventListener('civic-feed-load', resolve, { once: true }));
      document.body.append(el);
      await loaded;
      expect(calls()).to.equal(1);
      el.refresh = 15;
      await el.updateComplete;
      await timers.tickAsync(16_000);
      expect(calls()).to.equal(2);
      el.remove();
    });
  });

  describe('releases what nobody shows', () => {
    it('drops a store nobody subscribes to any more; the next one starts from the offline copy', async () => {
      const { url, key } = feedUrl();
      const store = feedStoreFor(url);
      let first: FeedState | undefined;
      const unsubscribe = store.subscribe((s) => (first = s));
      await waitUntil(() => first?.status === 'ready');
      unsubscribe();
      expect(feedStoreFor(url)).to.equal(store); // released after the current task only
      await Promise.resolve();
      const next = feedStoreFor(url);
      expect(next).to.not.equal(store);
      expect(next.state.feed?.event.id).to.equal(first!.feed?.event.id);
      expect(next.state.feed).to.not.equal(first!.feed);
      expect(await requests(key)).to.have.length(1);
    });

    it('keeps the store of a widget moved in the DOM, with no new request', async () => {
      const { url, key } = feedUrl();
      const host = await fixture<HTMLDivElement>(html`<div><civic-event src=${url}></civic-event></div>`);
      await waitUntil(() => feedStoreFor(url).state.status === 'ready');
      const store = feedStoreFor(url);
      const el = host.querySelector('civic-event')!;
      host.prepend(document.createElement('hr'));
      host.append(el); // disconnected and connected again in one task
      await new Promise((r) => setTimeout(r, 50));
      expect(feedStoreFor(url)).to.equal(store);
      expect(await requests(key)).to.have.length(1);
    });

    it('an element whose src changes releases the previous URL’s store', async () => {
      const urls = [feedUrl().url, feedUrl().url, feedUrl().url];
      const el = await fixture<CivicEvent>(html`<civic-event src=${urls[0]}></civic-event>`);
      const stores = [];
      for (const url of urls) {
        el.src = url;
        await waitUntil(() => feedStoreFor(url).state.status === 'ready');
        stores.push(feedStoreFor(url));
      }
      await new Promise((r) => setTimeout(r));
      expect(feedStoreFor(urls[0]!)).to.not.equal(stores[0]);
      expect(feedStoreFor(urls[1]!)).to.not.equal(stores[1]);
      expect(feedStoreFor(urls[2]!)).to.equal(stores[2]);
    });
  });

  it('aborts a request that a newer one supersedes, and only the newer one sets the state', async () => {
    const errors = sinon.stub(console, 'error');
    const { url } = feedUrl({ delay: 400 });
    const store = feedStoreFor(url);
    const spy = sinon.spy(window, 'fetch');
    const seen: string[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(s.status));
    await store.load();
    const [first, second] = spy.getCalls().map((call) => call.args[1]!.signal!);
    expect(first!.aborted).to.be.true;
    expect(second!.aborted).to.be.false;
    unsubscribe();
    expect(seen).to.deep.equal(['loading', 'ready']);
    expect(errors.callCount).to.equal(0);
    expect(spy.callCount).to.equal(2);
  });

  it('reports a network failure', async () => {
    const errors = sinon.stub(console, 'error');
    const state = await settled('http://127.0.0.1:9/feed.json');
    expect(state.status).to.equal('error');
    expect(state.error?.code).to.equal('network');
    expect(errors.callCount).to.equal(1);
  });

  it('tells a feed whose server does not allow this site (CORS) from an unreachable network', async () => {
    const errors = sinon.stub(console, 'error');
    // The same test server under another origin: it answers, without Access-Control-Allow-Origin.
    const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const url = `${location.protocol}//${other}:${location.port}/__feed/local-democracy.json?key=cors-${Date.now()}`;
    const state = await settled(url);
    expect(state.status).to.equal('error');
    expect(state.error?.code).to.equal('cors');
    expect(errors.callCount).to.equal(1);
    const logged = String(errors.firstCall.args[0]);
    expect(logged).to.contain(url);
    expect(logged).to.contain('does not allow this site');
    expect(logged).to.contain(`Access-Control-Allow-Origin: *" (or "${location.origin}")`);
  });

  it('corrects the clock from the server Date header', async () => {
    const serverNow = Date.now() + 3 * 60_000; // the visitor's clock is three minutes slow
    const { url } = feedUrl({ date: serverNow });
    await settled(url);
    expect(clock.offset).to.be.within(3 * 60_000 - 2000, 3 * 60_000 + 2000);
  });
});
