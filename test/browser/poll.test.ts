import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../../src/poll/define.js';
import type { CivicPoll } from '../../src/poll/civic-poll.js';
import { PollResultsEvent, PollVoteEvent } from '../../src/poll/events.js';
import { count } from '../../src/i18n/count.js';
import { pollMessages } from '../../src/poll/messages.js';
import { clock } from '../../src/time/clock.js';
import { formatTimeWithZone } from '../../src/time/format.js';
import { FakeEventSource, FakePollApi, installApi, installEventSource, pollFeed, resetNetwork, townHallPoll, type RawPoll } from './poll-support.js';
import { $, $$, textOf } from '../support/dom.js';

const en = pollMessages.en;
const VOTER_KEY = 'civic-widgets:voter';
const PENDING_KEY = 'civic-widgets:pending-votes';

interface Mounted {
  el: CivicPoll;
  api: FakePollApi;
  base: string;
  /** Sends the API's current snapshot down every stream of this poll, as the server would. */
  push: () => Promise<void>;
}

async function mount(raw: RawPoll, attrs: { lang?: string; resultsOnly?: boolean; theme?: string } = {}, api?: FakePollApi): Promise<Mounted> {
  const { src, base, poll } = pollFeed(raw);
  const server = api ?? new FakePollApi(poll);
  installApi(base, server);
  const el = await fixture<CivicPoll>(
    html`<civic-poll src=${src} lang=${ifDefined(attrs.lang)} theme=${ifDefined(attrs.theme)} ?results-only=${attrs.resultsOnly}></civic-poll>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('h2'), 'the poll renders');
  const push = async () => {
    for (const source of FakeEventSource.for(base)) source.send(server.snapshot(new URL(source.url).searchParams.get('voter')!));
    await el.updateComplete;
  };
  await push();
  return { el, api: server, base, push };
}

const status = (el: CivicPoll) => textOf($(el, '.message[role="status"]'));
const input = (el: CivicPoll, id: string) => $<HTMLInputElement>(el, `input[value="${id}"]`)!;
const button = (el: CivicPoll, label: string) => $$<HTMLButtonElement>(el, 'button').find((b) => textOf(b) === label);

async function choose(el: CivicPoll, ...ids: string[]): Promise<void> {
  for (const id of ids) {
    input(el, id).click();
    await el.updateComplete;
  }
}

async function vote(el: CivicPoll, ...ids: string[]): Promise<void> {
  await choose(el, ...ids);
  button(el, en.vote)!.click();
  await el.updateComplete;
}

describe('civic-poll', () => {
  beforeEach(() => installEventSource());
  afterEach(() => {
    sinon.restore();
    resetNetwork();
    localStorage.clear();
    clock.offset = 0;
  });

  it('shows the poll of the session by default, from the feed origin, with its groups as fieldsets', async () => {
    // While the fixture's poll is open (only Date is faked: the feed loads over the real network).
    const now = Date.parse('2026-06-15T12:00:00Z');
    sinon.useFakeTimers({ now, toFake: ['Date'], shouldAdvanceTime: true });
    // The fixture server has no poll API: answer for it, or the widget says voting is not available.
    installApi(`${location.origin}/api/polls/local-democracy-questions`, new FakePollApi(townHallPoll({ id: 'local-democracy-questions' })));
    const el = await fixture<CivicPoll>(html`<civic-poll src="/__feed/local-democracy.json?key=poll-default&date=${now}"></civic-poll>`);
    await waitUntil(() => $(el, 'h2'));
    expect(textOf($(el, 'h2'))).to.equal('Guiding questions');
    expect(FakeEventSource.instances.map((s) => s.url.split('?')[0])).to.deep.equal([`${location.origin}/api/polls/local-democracy-questions/stream`]);
    expect($$(el, 'fieldset legend').map(textOf)).to.deep.equal(['Challenges', 'Roles and opportunities', 'Action', 'Recommendation']);
    await expect(el).to.be.accessible();
  });

  it('single mode: radio buttons, one answer', async () => {
    const { el } = await mount(townHallPoll());
    const inputs = $$<HTMLInputElement>(el, 'input');
    expect(inputs.map((i) => i.type)).to.deep.equal(['radio', 'radio', 'radio', 'radio']);
    expect(textOf($(el, '#hint'))).to.equal(en.chooseOne);
    await choose(el, 'trees', 'pool');
    expect(inputs.filter((i) => i.checked).map((i) => i.value)).to.deep.equal(['pool']);
    await expect(el).to.be.accessible();
  });

  it('multiple mode: checkboxes, maxChoices enforced and explained', async () => {
    const { el } = await mount(townHallPoll({ mode: 'multiple', maxChoices: 2 }));
    expect($$<HTMLInputElement>(el, 'input').every((i) => i.type === 'checkbox')).to.be.true;
    expect(textOf($(el, '#hint'))).to.equal('Choose up to 2 answers.');
    // The live region is there, empty, before the limit is reached: a region inserted with its text is often not read.
    const live = $(el, 'form [role="status"]');
    expect(textOf(live)).to.equal('');
    await choose(el, 'trees', 'library');
    expect($(el, 'form [role="status"]'), 'the same node').to.equal(live);
    expect(textOf(live)).to.equal('That is the most (2): uncheck one to change.');
    expect(input(el, 'bikes').disabled).to.be.true;
    expect(input(el, 'pool').disabled).to.be.true;
    expect(textOf($(el, '#limit'))).to.equal('That is the most (2): uncheck one to change.');
    expect($(el, 'fieldset')!.getAttribute('aria-describedby')).to.equal('hint limit');
    await expect(el).to.be.accessible();
    await choose(el, 'trees');
    expect(input(el, 'bikes').disabled).to.be.false;
    expect($(el, '#limit')).to.be.null;
  });

  it('votes: fires a cancelable civic-poll-vote first, then posts the voter id and choices', async () => {
    const { el, api } = await mount(townHallPoll({ mode: 'multiple' }));
    await choose(el, 'bikes', 'pool');
    const events: PollVoteEvent[] = [];
    el.addEventListener(PollVoteEvent.eventName, (e) => {
      events.push(e);
      expect(api.posts, 'not sent yet when the event fires').to.have.length(0);
    });
    button(el, en.vote)!.click();
    await waitUntil(() => status(el) === en.thanks);
    expect(events.map((e) => [e.pollId, e.choices, e.cancelable, e.composed])).to.deep.equal([['budget', ['bikes', 'pool'], true, true]]);
    const body = JSON.parse(api.posts[0]!.body!);
    expect(body.voter).to.equal(localStorage.getItem(VOTER_KEY));
    expect(body.voter).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    expect(body.choices).to.deep.equal(['bikes', 'pool']);
    expect($$(el, '.mine li').map(textOf)).to.deep.equal(['Bike lanes', 'Swimming pool']);
    expect(textOf(el.shadowRoot!.activeElement), 'focus moves to the change button').to.equal(en.changeVote);
    await expect(el).to.be.accessible();
  });

  it('does not vote when civic-poll-vote is cancelled', async () => {
    const { el, api } = await mount(townHallPoll());
    el.addEventListener(PollVoteEvent.eventName, (e) => e.preventDefault());
    await vote(el, 'trees');
    await new Promise((r) => setTimeout(r, 50));
    expect(api.posts).to.have.length(0);
    expect($(el, 'form')).to.exist;
  });

  it('asks for an answer when nothing is chosen', async () => {
    const { el, api } = await mount(townHallPoll());
    button(el, en.vote)!.click();
    await el.updateComplete;
    expect(status(el)).to.equal(en.chooseSomething);
    expect(api.posts).to.have.length(0);
  });

  it('shows the vote optimistically, then the server totals', async () => {
    const { el, api, push } = await mount(townHallPoll());
    api.votes.set('someone-else-1', ['trees']);
    await push();
    api.hold = true;
    await vote(el, 'trees');
    await waitUntil(() => api.posts.length === 1);
    expect($$(el, '.mine li').map(textOf)).to.deep.equal(['More trees']);
    const trees = () => textOf($(el, '[part="item"] .count')).split(' ')[0];
    expect(trees(), 'counted before the server answers').to.equal(String(api.totals().trees! + 1));
    expect(status(el), 'no announcement before the answer').to.equal('');
    api.release();
    await waitUntil(() => status(el) === en.thanks);
    expect(trees()).to.equal(String(api.totals().trees));
  });

  it('lets the visitor change their mind: the second vote replaces the first', async () => {
    const { el, api } = await mount(townHallPoll());
    await vote(el, 'trees');
    await waitUntil(() => status(el) === en.thanks);
    button(el, en.changeVote)!.click();
    await el.updateComplete;
    expect(input(el, 'trees').checked, 'the form starts from the current vote').to.be.true;
    expect((el.shadowRoot!.activeElement as HTMLInputElement).value, 'focus moves to the checked answer').to.equal('trees');
    api.hold = true;
    await vote(el, 'library');
    expect(status(el), 'cleared, so that the next thanks is announced again').to.equal('');
    api.release();
    await waitUntil(() => status(el) === en.thanks);
    expect(textOf($(el, '.mine li'))).to.equal('Library hours');
    expect(api.posts.map((p) => JSON.parse(p.body!).voter)).to.have.members([localStorage.getItem(VOTER_KEY), localStorage.getItem(VOTER_KEY)]);
    expect(api.votes.size).to.equal(1);
    expect(api.totals()).to.deep.equal({ library: 1 });
    expect(textOf($(el, '.results p'))).to.equal(`${en.voters}: 1`);
  });

  it('"Keep my vote" leaves the vote unchanged', async () => {
    const { el, api } = await mount(townHallPoll());
    await vote(el, 'pool');
    await waitUntil(() => status(el) === en.thanks);
    button(el, en.changeVote)!.click();
    await el.updateComplete;
    button(el, en.keepVote)!.click();
    await el.updateComplete;
    expect($$(el, '.mine li').map(textOf)).to.deep.equal(['Swimming pool']);
    expect(api.posts).to.have.length(1);
  });

  const errors: [string, number, string, string][] = [
    ['409 poll-not-open', 409, 'poll-not-open', en.notOpen],
    ['400 invalid-request', 400, 'invalid-request', en.rejected],
    ['400 unknown-option', 400, 'unknown-option', en.rejected],
    ['400 too-many-choices', 400, 'too-many-choices', en.rejected],
    ['404 unknown-poll', 404, 'unknown-poll', en.rejected],
    ['413 body-too-large', 413, 'body-too-large', en.rejected],
  ];
  for (const [name, code, errorCode, message] of errors) {
    it(`explains ${name}, keeps the choices in the form and drops the vote`, async () => {
      const { el, api } = await mount(townHallPoll());
      api.postReplies.push({ status: code, body: { error: { code: errorCode, message: 'x' } } });
      await vote(el, 'bikes');
      await waitUntil(() => status(el) === message);
      expect(input(el, 'bikes').checked).to.be.true;
      expect(localStorage.getItem(PENDING_KEY)).to.be.null;
      if (code === 409) await waitUntil(() => api.requests.some((r) => r.method === 'GET'), 'asks the server for the status again');
      await expect(el).to.be.accessible();
    });
  }

  it('429: keeps the vote and retries after Retry-After', async () => {
    const { el, api } = await mount(townHallPoll());
    const timers = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    api.postReplies.push({ status: 429, body: { error: { code: 'rate-limited', message: 'slow down' } }, headers: { 'Retry-After': '90' } });
    await vote(el, 'bikes');
    await timers.tickAsync(0);
    await el.updateComplete;
    expect(status(el)).to.equal(en.rateLimited);
    expect(localStorage.getItem(PENDING_KEY)).to.contain('bikes');
    await timers.tickAsync(89_000);
    expect(api.posts).to.have.length(1);
    await timers.tickAsync(1_000);
    expect(api.posts).to.have.length(2);
    await el.updateComplete;
    expect(status(el)).to.equal(en.thanks);
  });

  it('never loses a vote: kept on a network error, retried with backoff and the same body', async () => {
    const { el, api } = await mount(townHallPoll());
    const timers = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    sinon.stub(Math, 'random').returns(0);
    api.postReplies.push('network', 'network');
    await vote(el, 'library');
    await timers.tickAsync(0);
    await el.updateComplete;
    expect(status(el)).to.equal(en.pending);
    expect($$(el, '.mine li').map(textOf), 'shown as the visitor’s vote while pending').to.deep.equal(['Library hours']);
    const kept = JSON.parse(localStorage.getItem(PENDING_KEY)!);
    expect(Object.keys(kept)).to.have.length(1);
    // Jitter at its lowest: the waits are 0.5 s, then 1 s (the backoff doubles).
    await timers.tickAsync(499);
    expect(api.posts).to.have.length(1);
    await timers.tickAsync(1);
    expect(api.posts).to.have.length(2);
    await timers.tickAsync(999);
    expect(api.posts, 'the second retry waits longer').to.have.length(2);
    await timers.tickAsync(1);
    expect(api.posts).to.have.length(3);
    expect(new Set(api.posts.map((p) => p.body)).size, 'identical bodies').to.equal(1);
    await el.updateComplete;
    expect(status(el)).to.equal(en.thanks);
    expect(localStorage.getItem(PENDING_KEY)).to.be.null;
    expect(api.votes.size).to.equal(1);
  });

  it('retries at once when the browser comes back online', async () => {
    const { el, api } = await mount(townHallPoll());
    const timers = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    api.postReplies.push('network');
    await vote(el, 'pool');
    await timers.tickAsync(0);
    expect(api.posts).to.have.length(1);
    window.dispatchEvent(new Event('online'));
    await timers.tickAsync(0);
    expect(api.posts).to.have.length(2);
    expect(api.posts[1]!.body).to.equal(api.posts[0]!.body);
    await el.updateComplete;
    expect(status(el)).to.equal(en.thanks);
  });

  it('sends a vote kept by an earlier visit (a reload)', async () => {
    const { src, base: realBase, poll } = pollFeed(townHallPoll());
    const api = new FakePollApi(poll);
    installApi(realBase, api);
    const body = JSON.stringify({ voter: 'earlier-visit-voter', choices: ['trees'] });
    localStorage.setItem(PENDING_KEY, JSON.stringify({ [realBase]: { body, tries: 1 } }));
    const el = await fixture<CivicPoll>(html`<civic-poll src=${src}></civic-poll>`);
    await waitUntil(() => api.posts.length === 1, 'the kept vote is sent', { timeout: 3000 });
    expect(api.posts[0]!.body).to.equal(body);
    await waitUntil(() => status(el) === en.thanks);
    expect(localStorage.getItem(PENDING_KEY)).to.be.null;
  });

  it('scheduled: shows when it opens in the visitor’s zone, questions disabled, no vote button; then opens', async () => {
    const opensAt = Date.now() + 1500;
    const { el, api } = await mount(townHallPoll({ opensAt: new Date(opensAt).toISOString() }));
    api.status = 'scheduled';
    FakeEventSource.instances.forEach((s) => s.send(api.snapshot()));
    await el.updateComplete;
    const when = textOf($(el, '[part="time"]'));
    expect(when).to.contain(formatTimeWithZone(new Date(opensAt), 'en-US', 'America/New_York'));
    expect(when.startsWith('Opens')).to.be.true;
    expect($$<HTMLFieldSetElement>(el, 'fieldset').every((f) => f.disabled)).to.be.true;
    expect(button(el, en.vote)).to.be.undefined;
    await expect(el).to.be.accessible();
    api.status = 'open';
    const gets = () => api.requests.filter((r) => r.method === 'GET').length;
    const probed = gets(); // the GET that checked the poll API before offering the form
    await waitUntil(() => gets() > probed, 'asks the server again when the clock passes opensAt', { timeout: 4000 });
    await waitUntil(() => button(el, en.vote), 'opens');
  });

  it('closed: no form, the visitor’s vote and the results, no change button', async () => {
    const { el, api, push } = await mount(townHallPoll({ closesAt: new Date(Date.now() - 60_000).toISOString() }));
    api.status = 'closed';
    api.votes.set(localStorage.getItem(VOTER_KEY)!, ['bikes']);
    api.votes.set('another-voter', ['trees']);
    await push();
    expect($(el, 'form')).to.be.null;
    expect(textOf($(el, '[part="time"]')).startsWith('Closed')).to.be.true;
    expect($$(el, '.mine li').map(textOf)).to.deep.equal(['Bike lanes']);
    expect(button(el, en.changeVote)).to.be.undefined;
    expect($$(el, '[part="bar"]')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('results after-vote: a hint before voting, the results after', async () => {
    const { el, api, push } = await mount(townHallPoll({ results: 'after-vote' }));
    api.votes.set('another-voter', ['trees']);
    await push();
    expect($(el, '.results')).to.be.null;
    expect(textOf($(el, 'p.hint:last-child'))).to.equal(en.afterVote);
    await vote(el, 'bikes');
    await waitUntil(() => $(el, '.results'));
    expect(textOf($(el, '.results p'))).to.equal(`${en.voters}: 2`);
  });

  it('results after-close: hidden while open even after voting, shown once closed', async () => {
    const { el, api, push } = await mount(townHallPoll({ results: 'after-close' }));
    await vote(el, 'bikes');
    await waitUntil(() => status(el) === en.thanks);
    expect($(el, '.results')).to.be.null;
    expect(textOf($(el, 'p.hint:last-child'))).to.equal(en.afterClose);
    api.status = 'closed';
    await push();
    expect($(el, '.results')).to.exist;
  });

  it('live results: bars with counts and percentages, a results event, no announcement', async () => {
    const { el, api, push } = await mount(townHallPoll());
    const seen: PollResultsEvent[] = [];
    el.addEventListener(PollResultsEvent.eventName, (e) => seen.push(e));
    api.votes.set('v1-aaaaaaaa', ['trees']);
    api.votes.set('v2-aaaaaaaa', ['trees']);
    api.votes.set('v3-aaaaaaaa', ['pool']);
    await push();
    const rows = $$(el, '[part="item"] .count').map(textOf);
    const percent = new Intl.NumberFormat('en-US', { style: 'percent' });
    expect(rows[0]).to.equal(`2 · ${percent.format(2 / 3)}`);
    expect(rows[3]).to.equal(`1 · ${percent.format(1 / 3)}`);
    // Each bar is as long as its share of the track.
    const widths = $$(el, '.results .fill').map((fill) => fill.getBoundingClientRect().width / fill.parentElement!.getBoundingClientRect().width);
    expect(widths[0]).to.be.closeTo(2 / 3, 0.01);
    expect(widths[3]).to.be.closeTo(1 / 3, 0.01);
    expect(widths[1]).to.equal(0);
    expect(seen.at(-1)!.totals).to.deep.equal(api.totals());
    expect(seen.at(-1)!.voters).to.equal(3);
    expect(status(el)).to.equal('');
    expect($(el, '.results')!.closest('[aria-live], [role="status"]')).to.be.null;
    const count = seen.length;
    await push(); // the same totals again
    expect(seen).to.have.length(count);
  });

  it('text table: visually hidden, same figures, toggled into view; bars hidden from assistive tech', async () => {
    const { el, api, push } = await mount(townHallPoll());
    api.votes.set('v1-aaaaaaaa', ['bikes']);
    await push();
    const table = $(el, 'table')!;
    expect(table.classList.contains('visually-hidden')).to.be.true;
    expect($$(el, 'tbody th[scope="rowgroup"]').map(textOf)).to.deep.equal(['Streets', 'Services']);
    const bikes = $$(el, 'tbody tr').find((tr) => textOf(tr.querySelector('th')) === 'Bike lanes')!;
    expect([...bikes.querySelectorAll('td')].map(textOf)).to.deep.equal(['1', new Intl.NumberFormat('en-US', { style: 'percent' }).format(1)]);
    expect($(el, '[part="bar"]')!.closest('[aria-hidden="true"]')).to.exist;
    button(el, en.showTable)!.click();
    await el.updateComplete;
    expect(table.classList.contains('visually-hidden')).to.be.false;
    expect($(el, '[part="bar"]')!.closest('[hidden]')).to.exist;
    expect(button(el, en.showTable)!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('results-only: no form, no announcement region, the results', async () => {
    const { el, api, push } = await mount(townHallPoll(), { resultsOnly: true });
    api.votes.set('v1-aaaaaaaa', ['bikes']);
    await push();
    expect($(el, 'form')).to.be.null;
    expect($(el, '[role="status"]')).to.be.null;
    expect($$(el, '[part="bar"]')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('two widgets of the same poll share one stream', async () => {
    const { src, base, poll } = pollFeed(townHallPoll());
    installApi(base, new FakePollApi(poll));
    await fixture(html`<div><civic-poll src=${src}></civic-poll><civic-poll src=${src} results-only></civic-poll></div>`);
    await waitUntil(() => FakeEventSource.for(base).length > 0);
    await new Promise((r) => setTimeout(r, 50));
    expect(FakeEventSource.for(base)).to.have.length(1);
  });

  it('falls back to polling with If-None-Match when the stream keeps failing', async () => {
    const { el, api, base } = await mount(townHallPoll());
    const timers = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const [source] = FakeEventSource.for(base);
    // The GET that probed the poll API before the form was offered; polling comes after it.
    const probe = api.requests.filter((r) => r.method === 'GET');
    expect(probe).to.have.length(1);
    expect(probe[0]!.ifNoneMatch).to.be.undefined;
    source!.fail();
    source!.fail();
    expect(api.requests.filter((r) => r.method === 'GET').slice(1)).to.have.length(0);
    source!.fail();
    expect(source!.readyState).to.equal(FakeEventSource.CLOSED);
    await timers.tickAsync(0);
    const gets = () => api.requests.filter((r) => r.method === 'GET').slice(1);
    expect(gets()).to.have.length(1);
    await timers.tickAsync(10_000);
    expect(gets()).to.have.length(2);
    expect(gets()[1]!.ifNoneMatch, 'revalidates').to.equal(api.etag(new URL(gets()[1]!.url).searchParams.get('voter')!));
    api.votes.set('v1-aaaaaaaa', ['pool']);
    api.updatedAt += 1000;
    await timers.tickAsync(10_000);
    await el.updateComplete;
    expect(textOf($$(el, '[part="item"]')[3])).to.contain('1 ·');
    window.dispatchEvent(new Event('online'));
    expect(FakeEventSource.for(base), 'back online: the stream gets another chance').to.have.length(2);
    const polled = gets().length;
    await timers.tickAsync(30_000);
    expect(gets(), 'and polling stops').to.have.length(polled);
  });

  for (const lang of ['fr', 'es', 'ar'] as const) {
    it(`speaks ${lang}${lang === 'ar' ? ', mirrored' : ''}`, async () => {
      const t = pollMessages[lang];
      const { el, api, push } = await mount(townHallPoll({ mode: 'multiple', maxChoices: 1 }), { lang });
      api.votes.set('v1-aaaaaaaa', ['bikes']);
      await push();
      expect(textOf($(el, '#hint'))).to.equal(t.chooseUpTo(count(1, lang)));
      expect($(el, '[part="base"]')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      expect($$(el, 'button').map(textOf)).to.include(t.vote);
      await expect(el).to.be.accessible();
      await choose(el, 'trees');
      expect($(el, '#limit')!.textContent).to.equal(t.limitReached(count(1, lang)));
      $$<HTMLButtonElement>(el, 'button').find((b) => textOf(b) === t.vote)!.click();
      await waitUntil(() => status(el) === t.thanks);
      expect(textOf($(el, '.mine h3'))).to.equal(t.yourVote);
      await expect(el).to.be.accessible();
    });
  }

  it('marks answers the feed has only in English with lang="en" on an Arabic page', async () => {
    // A screen reader picks its voice from `lang`: without it, English answers are read with the Arabic voice.
    const poll = townHallPoll();
    poll.groups[0]!.options[0]!.text = { en: 'More trees', fr: 'Plus d’arbres' };
    poll.groups[0]!.title = { en: 'Streets' };
    const { el, api, push } = await mount(poll, { lang: 'ar' });
    const option = $(el, 'label.option span')!;
    expect(option.getAttribute('lang')).to.equal('en');
    expect(option.getAttribute('dir')).to.equal('auto');
    expect($(el, 'legend')!.getAttribute('lang')).to.equal('en');
    expect($$(el, 'label.option span')[1]!.hasAttribute('lang'), 'an answer in Arabic inherits the page language').to.be.false;
    expect($(el, 'h2')!.hasAttribute('lang')).to.be.false;
    api.votes.set('v1-aaaaaaaa', ['trees']);
    await push();
    expect($(el, 'th[scope="row"]')!.getAttribute('lang'), 'in the results table too').to.equal('en');
  });

  it('words the number of answers allowed with the plural the number takes, in the page’s digits', async () => {
    // Arabic has a dual and a plural for 3–10 only; French and English a singular for one; ar-EG writes ٣.
    const cases: [string, number, string][] = [
      ['en', 1, 'Choose up to 1 answer.'],
      ['fr', 1, 'Choisissez jusqu’à 1 réponse.'],
      ['es', 3, 'Elija hasta 3 respuestas.'],
      ['ar', 1, 'اختر إجابة واحدة.'],
      ['ar', 2, 'اختر إجابتين على الأكثر.'],
      ['ar', 3, 'اختر حتى 3 إجابات.'],
      ['ar-EG', 3, 'اختر حتى ٣ إجابات.'],
    ];
    for (const [lang, maxChoices, hint] of cases) {
      const { el } = await mount(townHallPoll({ mode: 'multiple', maxChoices }), { lang });
      expect(textOf($(el, '#hint')), `${lang}, ${maxChoices}`).to.equal(hint);
    }
  });

  it('sets the French colon apart with a narrow no-break space', async () => {
    const { el, api, push } = await mount(townHallPoll(), { lang: 'fr' });
    api.votes.set('v1-aaaaaaaa', ['trees']);
    await push();
    expect($(el, '.results p')!.textContent).to.equal('Votants\u202f: 1');
    expect($(el, 'caption')!.textContent).to.equal('Résultats\u202f: Budget participatif');
  });

  it('dark theme passes axe with results', async () => {
    const { el, api, push } = await mount(townHallPoll(), { theme: 'dark' });
    api.votes.set('v1-aaaaaaaa', ['bikes']);
    await push();
    await expect(el).to.be.accessible();
  });
});
