// The poll widget across time and hosts: another poll shown, seconds passing, votes changed offline,
// a feed on a static host with no poll API.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/poll/define.js';
import type { CivicPoll } from '../../src/poll/civic-poll.js';
import { pollMessages } from '../../src/poll/messages.js';
import { settled } from '../support/feed-settled.js';
import { FakeEventSource, FakePollApi, installApi, installEventSource, pollFeed, pollsFeed, resetNetwork, townHallPoll } from './poll-support.js';

const en = pollMessages.en;
const PENDING_KEY = 'civic-widgets:pending-votes';

const $ = <T extends Element = HTMLElement>(el: CivicPoll, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CivicPoll, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (el: CivicPoll) => textOf($(el, '.message[role="status"]'));
const input = (el: CivicPoll, id: string) => $<HTMLInputElement>(el, `input[value="${id}"]`)!;
const button = (el: CivicPoll, label: string) => $$<HTMLButtonElement>(el, 'button').find((b) => textOf(b) === label);
/** Each result row's text and count, as shown by the bars. */
const bars = (el: CivicPoll) => $$(el, '[part="item"]').map((row) => `${textOf(row.querySelector('span'))} ${textOf(row.querySelector('.count')).split(' ')[0]}`);

/** Sends each API's current snapshot down its streams, as the server would. */
async function push(el: CivicPoll, apis: Record<string, FakePollApi>): Promise<void> {
  for (const [base, api] of Object.entries(apis)) {
    for (const source of FakeEventSource.for(base)) source.send(api.snapshot(new URL(source.url).searchParams.get('voter')!));
  }
  await el.updateComplete;
}

const greenPoll = () =>
  townHallPoll({
    id: 'green',
    title: 'Green spaces',
    mode: 'multiple',
    maxChoices: 1,
    groups: [{ id: 'g', title: 'Parks', options: [{ id: 'park', text: 'A new park' }, { id: 'garden', text: 'Community garden' }] }],
  });

describe('civic-poll lifecycle', () => {
  beforeEach(() => installEventSource());
  afterEach(() => {
    sinon.restore();
    resetNetwork();
    localStorage.clear();
  });

  it('forgets the ticked answers when the `poll` attribute names another poll', async () => {
    const a = townHallPoll({ mode: 'multiple', maxChoices: 1 });
    const { src, bases, polls } = pollsFeed([a, greenPoll()]);
    const apis = { [bases.budget!]: new FakePollApi(polls[0]!), [bases.green!]: new FakePollApi(polls[1]!) };
    for (const [base, api] of Object.entries(apis)) installApi(base, api);
    const el = await fixture<CivicPoll>(html`<civic-poll src=${src} poll="budget"></civic-poll>`);
    await waitUntil(() => $(el, 'h2'));
    await push(el, apis);
    input(el, 'trees').click();
    await el.updateComplete;
    expect(input(el, 'bikes').disabled, 'poll A is full').to.be.true;
    el.poll = 'green';
    await waitUntil(() => textOf($(el, 'h2')) === 'Green spaces');
    await push(el, apis);
    expect($$<HTMLInputElement>(el, 'input').map((i) => [i.value, i.checked, i.disabled])).to.deep.equal([
      ['park', false, false],
      ['garden', false, false],
    ]);
    input(el, 'garden').click();
    await el.updateComplete;
    button(el, en.vote)!.click();
    await waitUntil(() => apis[bases.green!]!.posts.length === 1);
    expect(JSON.parse(apis[bases.green!]!.posts[0]!.body!).choices).to.deep.equal(['garden']);
    expect(apis[bases.budget!]!.posts).to.have.length(0);
  });

  it('forgets the form and its message when the default pick moves to the next session’s poll', async () => {
    const now = Date.now();
    const { src, bases, polls } = pollsFeed(
      [townHallPoll(), greenPoll()],
      [
        { id: 'first', start: now - 3_600_000, end: now + 1200, poll: 'budget' },
        { id: 'second', start: now + 1200, end: now + 3_600_000, poll: 'green' },
      ],
    );
    const apis = { [bases.budget!]: new FakePollApi(polls[0]!), [bases.green!]: new FakePollApi(polls[1]!) };
    for (const [base, api] of Object.entries(apis)) installApi(base, api);
    const el = await fixture<CivicPoll>(html`<civic-poll src=${src}></civic-poll>`);
    await waitUntil(() => $(el, 'h2'));
    await push(el, apis);
    input(el, 'library').click();
    await el.updateComplete;
    button(el, en.vote)!.click(); // nothing else to do: a first vote is fine, then change it
    await waitUntil(() => status(el) === en.thanks);
    button(el, en.changeVote)!.click();
    await el.updateComplete;
    expect(input(el, 'library').checked).to.be.true;
    await waitUntil(() => textOf($(el, 'h2')) === 'Green spaces', 'the next session’s poll', { timeout: 3000 });
    await push(el, apis);
    expect(status(el), 'the thanks was for the other poll').to.equal('');
    expect($$<HTMLInputElement>(el, 'input:checked')).to.have.length(0);
    expect(button(el, en.keepVote), 'not changing a vote in this poll').to.be.undefined;
    button(el, en.vote)!.click();
    await el.updateComplete;
    expect(status(el)).to.equal(en.chooseSomething);
    expect(apis[bases.green!]!.posts).to.have.length(0);
  });

  it('does not render or read localStorage while the seconds pass; renders when the poll closes by the clock', async () => {
    const start = Date.now();
    const { src, base, poll } = pollFeed(townHallPoll({ closesAt: new Date(start + 15_500).toISOString() }));
    const api = new FakePollApi(poll);
    installApi(base, api);
    await settled(src);
    const timers = sinon.useFakeTimers({ now: start, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const el = await fixture<CivicPoll>(html`<civic-poll src=${src} refresh="86400"></civic-poll>`);
    await push(el, { [base]: api });
    await timers.tickAsync(0);
    await el.updateComplete;
    expect($(el, 'form')).to.exist;
    expect(document.hidden, 'the page ticks (a hidden page does not, which would prove nothing)').to.be.false;
    const renders = sinon.spy(el as unknown as { render: () => unknown }, 'render');
    const reads = sinon.spy(Storage.prototype, 'getItem');
    await timers.tickAsync(10_000);
    await el.updateComplete;
    expect(renders.callCount, 'renders in 10 s').to.equal(0);
    expect(reads.callCount, 'localStorage reads in 10 s').to.equal(0);
    api.status = 'closed';
    // Past closesAt by more than the clock's skew correction from the feed's Date header (≤ 1 s).
    await timers.tickAsync(8_000);
    await el.updateComplete;
    expect(renders.callCount, 'the poll closed by the clock').to.be.greaterThan(0);
    expect($(el, 'form')).to.be.null;
  });

  it('counts a vote changed offline in the bars at once, as "Your vote" lists it', async () => {
    const { src, base, poll } = pollFeed(townHallPoll());
    const api = new FakePollApi(poll);
    api.votes.set('someone-else-1', ['trees']);
    installApi(base, api);
    const el = await fixture<CivicPoll>(html`<civic-poll src=${src}></civic-poll>`);
    await waitUntil(() => $(el, 'h2'));
    await push(el, { [base]: api });
    input(el, 'trees').click();
    await el.updateComplete;
    button(el, en.vote)!.click();
    await waitUntil(() => status(el) === en.thanks);
    await push(el, { [base]: api });
    expect(bars(el)).to.deep.equal(['More trees 2', 'Bike lanes 0', 'Library hours 0', 'Swimming pool 0']);
    button(el, en.changeVote)!.click();
    await el.updateComplete;
    api.postReplies.push('network', 'network', 'network');
    input(el, 'pool').click();
    await el.updateComplete;
    button(el, en.vote)!.click();
    await waitUntil(() => status(el) === en.pending);
    expect($$(el, '.mine li').map(textOf)).to.deep.equal(['Swimming pool']);
    expect(bars(el), 'the pending vote replaces the old one in the bars').to.deep.equal(['More trees 1', 'Bike lanes 0', 'Library hours 0', 'Swimming pool 1']);
  });

  const absentCases: [string, (api: FakePollApi) => void, string][] = [
    ['404', (api) => (api.staticHost = { status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' }), 'HTTP 404'],
    ['405', (api) => (api.staticHost = { status: 405, contentType: 'text/plain', body: 'Method not allowed' }), 'HTTP 405'],
    ['an HTML page', (api) => (api.staticHost = { status: 200, contentType: 'text/html', body: '<!doctype html><p>Home</p>' }), 'not a poll snapshot'],
    ['JSON of another shape', (api) => (api.staticHost = { status: 200, contentType: 'application/json', body: '{"version":1}' }), 'not a poll snapshot'],
    ['no CORS', (api) => (api.cors = false), 'does not allow this site'],
  ];
  for (const [name, breakIt, cause] of absentCases) {
    it(`a feed with no poll API (${name}): says voting is not available, one console error, no form`, async () => {
      const { src, base, poll } = pollFeed(townHallPoll());
      const api = new FakePollApi(poll);
      breakIt(api);
      installApi(base, api);
      const errors = sinon.stub(console, 'error');
      const el = await fixture<CivicPoll>(html`<civic-poll src=${src}></civic-poll>`);
      await waitUntil(() => status(el) === en.unavailable, 'says so');
      expect($(el, 'form'), 'no form').to.be.null;
      expect($(el, '[part="time"]')).to.be.null;
      expect(errors.callCount).to.equal(1);
      expect(String(errors.firstCall.args[0])).to.contain(base).and.contain(cause);
      expect(FakeEventSource.for(base).every((s) => s.readyState === FakeEventSource.CLOSED), 'the stream is closed').to.be.true;
      el.requestUpdate();
      await el.updateComplete;
      expect(errors.callCount, 'once').to.equal(1);
      await expect(el).to.be.accessible();
    });
  }

  it('a 503 is transient: the form stays offered and a vote is kept for a retry', async () => {
    const { src, base, poll } = pollFeed(townHallPoll());
    const api = new FakePollApi(poll);
    installApi(base, api);
    api.staticHost = { status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"down"}}' };
    const errors = sinon.stub(console, 'error');
    const el = await fixture<CivicPoll>(html`<civic-poll src=${src}></civic-poll>`);
    await waitUntil(() => api.requests.length > 0);
    await push(el, { [base]: new FakePollApi(poll) }); // the stream still gets through
    input(el, 'trees').click();
    await el.updateComplete;
    button(el, en.vote)!.click();
    await waitUntil(() => status(el) === en.pending);
    expect(Object.keys(JSON.parse(localStorage.getItem(PENDING_KEY)!))).to.deep.equal([base]);
    expect(errors.callCount).to.equal(0);
  });

  it('drops a kept vote that the server refuses for good (501 Not Implemented), instead of retrying it forever', async () => {
    const { src, base, poll } = pollFeed(townHallPoll());
    const api = new FakePollApi(poll);
    installApi(base, api);
    api.postReplies.push({ status: 501, body: {} });
    localStorage.setItem(PENDING_KEY, JSON.stringify({ [base]: { body: JSON.stringify({ voter: 'earlier-visit', choices: ['trees'] }), tries: 2 } }));
    await fixture<CivicPoll>(html`<civic-poll src=${src}></civic-poll>`);
    await waitUntil(() => api.posts.length === 1, 'the kept vote is tried', { timeout: 3000 });
    await waitUntil(() => localStorage.getItem(PENDING_KEY) === null, 'and dropped');
  });
});
