import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/countdown/define.js';
import '../../src/event/define.js';
import type { CivicCountdown } from '../../src/countdown/civic-countdown.js';
import { CountdownEndEvent, CountdownStartEvent } from '../../src/countdown/events.js';
import { feedStoreFor } from '../../src/feed/store.js';
import { settled } from '../support/feed-settled.js';
import { clock } from '../../src/time/clock.js';
import { dateTimeFormat } from '../../src/time/format.js';
import { activeTimerCount } from '../../src/time/ticker.js';
import { $, textOf } from '../support/dom.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 15:00 CEST in Madrid, 13:00 UTC, 9:00 EDT for the pinned visitor in New York. */
const START = Date.parse('2026-06-18T15:00:00+02:00');
const END = Date.parse('2026-06-18T17:00:00+02:00');

let timers: sinon.SinonFakeTimers;
let unique = 0;

function fakeNow(now: number): void {
  timers = sinon.useFakeTimers({ now, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
}

/**
 * Loads the countdown fixture through the real store and test server, whose `Date` header says
 * `serverNow`; resolves with the URL once the feed is in. The widgets ask for `refresh="86400"` so
 * that no revalidation fires while fake time runs.
 */
async function loadFeed(serverNow = Date.now(), name = 'countdown'): Promise<string> {
  const url = `/__feed/${name}.json?key=cd${unique++}-${Math.random()}&date=${serverNow}`;
  await settled(url);
  return url;
}

async function countdown(attrs: { session?: string; lang?: string; layout?: string; timeZone?: string; theme?: string } = {}, serverNow?: number): Promise<CivicCountdown> {
  const src = await loadFeed(serverNow);
  return fixture<CivicCountdown>(html`<civic-countdown
    src=${src}
    refresh="86400"
    session=${attrs.session ?? ''}
    lang=${attrs.lang ?? 'en-US'}
    layout=${attrs.layout ?? 'full'}
    time-zone=${attrs.timeZone ?? 'local'}
    theme=${attrs.theme ?? 'auto'}
  ></civic-countdown>`);
}

const text = (el: Element, selector: string) => textOf($(el, selector));
const phaseOf = (el: Element) => ['upcoming', 'live', 'ended', 'cancelled', 'postponed'].find((p) => $(el, '.base')!.classList.contains(p));
/** The visible units as numbers, in order: [days, hours, minutes, seconds]. */
const units = (el: Element) => [...el.shadowRoot!.querySelectorAll('.unit .value')].map((v) => Number(v.textContent));

/**
 * axe chains setTimeout(0)s, which the fake clock runs 1 ms apart: step it a millisecond at a time
 * (the tests stand at least a few hundred ms from the next second boundary).
 */
async function accessible(el: Element): Promise<void> {
  let done = false;
  const check = (async () => {
    await expect(el).to.be.accessible();
  })().finally(() => (done = true));
  while (!done) {
    await timers.tickAsync(1);
  }
  await check;
}

async function advance(el: CivicCountdown, ms: number): Promise<void> {
  await timers.tickAsync(ms);
  await el.updateComplete;
}

/** Moves the clock by `ms` (whole seconds) at once, then lets one tick fire: days second by second take too long. */
async function jump(el: CivicCountdown, ms: number): Promise<void> {
  timers.setSystemTime(Date.now() + ms - SECOND);
  await advance(el, SECOND);
}

describe('civic-countdown', () => {
  afterEach(async () => {
    sinon.restore();
    clock.offset = 0;
    localStorage.clear();
    delete (document as { hidden?: boolean }).hidden;
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('states', () => {
    it('never says "live" from a stored copy that the network then contradicts (cancelled since)', async () => {
      fakeNow(START + 10 * MINUTE);
      const fresh = await (await fetch('/__feed/countdown.json')).text();
      const cancelled = JSON.parse(fresh) as { sessions: { id: string; status?: string }[] };
      cancelled.sessions.find((s) => s.id === 'local-democracy')!.status = 'cancelled';
      // The server is slow to answer with the news; the page holds last visit's copy, where it is live.
      const src = `/__feed/countdown.json?key=stale${unique++}&delay=400&raw=${encodeURIComponent(JSON.stringify(cancelled))}`;
      localStorage.setItem(`civic-widgets:feed:${new URL(src, document.baseURI).href}`, JSON.stringify({ savedAt: START - DAY, etag: null, body: fresh }));
      const el = await fixture<CivicCountdown>(html`<civic-countdown src=${src} refresh="86400" session="local-democracy" lang="en"></civic-countdown>`);
      expect(text(el, '.title')).to.not.equal('', 'renders from the stored copy at once');
      expect(phaseOf(el)).to.equal(undefined);
      expect(text(el, '.base')).to.not.contain('Live now');
      expect($(el, 'a.button')).to.equal(null, 'no join link on an unconfirmed copy');
      expect(text(el, '.phase')).to.equal('Loading…');
      await settled(src);
      await el.updateComplete;
      expect(phaseOf(el)).to.equal('cancelled');
    });

    it('counts down days, hours, minutes and seconds, and says so in one sentence', async () => {
      fakeNow(START - (2 * DAY + 3 * HOUR + 5 * MINUTE + 10 * SECOND));
      const el = await countdown({ session: 'local-democracy' });
      expect(phaseOf(el)).to.equal('upcoming');
      expect(units(el)).to.deep.equal([2, 3, 5, 10]);
      expect(text(el, '[role="timer"] .visually-hidden')).to.equal('Starts in 2 days, 3 hours, and 5 minutes');
      expect($(el, '[role="timer"]')!.getAttribute('aria-live')).to.equal('off');
      expect(text(el, '[role="status"]')).to.equal('');
      await advance(el, 1500);
      expect(units(el)).to.deep.equal([2, 3, 5, 9]);
      await accessible(el);
    });

    it('picks the live session, else the next, else the last, skipping cancelled ones', async () => {
      fakeNow(START + HOUR);
      const live = await countdown();
      expect(text(live, '.title')).to.equal('Local Democracy in the post-COVID-19 era');
      expect(phaseOf(live)).to.equal('live');
      sinon.restore();
      fakeNow(END + MINUTE);
      const next = await countdown();
      // peer-learning (cancelled) is skipped; accountability (postponed) is next and says so.
      expect(text(next, '.title')).to.equal('Stocktaking session 2: Accountability');
      expect(phaseOf(next)).to.equal('postponed');
    });

    it('shows the start in the event zone and the visitor zone, in a <time datetime>', async () => {
      fakeNow(START - DAY);
      const el = await countdown({ session: 'local-democracy' });
      const time = $(el, 'time')!;
      expect(time.getAttribute('datetime')).to.equal('2026-06-18T13:00:00.000Z');
      expect(text(el, 'time')).to.equal('Thursday, June 18, 2026, 3:00 PM GMT+2, Madrid · 9:00 AM EDT your time');
    });

    it('honours time-zone="event" and an IANA time-zone', async () => {
      fakeNow(START - DAY);
      const atEvent = await countdown({ session: 'local-democracy', timeZone: 'event' });
      expect(text(atEvent, 'time')).to.equal('Thursday, June 18, 2026, 3:00 PM GMT+2, Madrid');
      const seoul = await countdown({ session: 'local-democracy', timeZone: 'Asia/Seoul' });
      expect(text(seoul, 'time')).to.equal('Thursday, June 18, 2026, 3:00 PM GMT+2, Madrid · 10:00 PM GMT+9 Seoul');
    });

    it('falls back to the visitor zone for an unknown time-zone, warning once, not every second', async () => {
      fakeNow(START - DAY);
      const warn = sinon.stub(console, 'warn');
      const el = await countdown({ session: 'local-democracy', timeZone: 'Mars/Olympus_Mons' });
      await advance(el, 3 * SECOND);
      expect(warn.callCount).to.equal(1);
      expect(text(el, 'time')).to.equal('Thursday, June 18, 2026, 3:00 PM GMT+2, Madrid · 9:00 AM EDT your time');
    });

    it('is live with a join button, then ended with the recording', async () => {
      fakeNow(START + MINUTE);
      const el = await countdown({ session: 'local-democracy' });
      expect(phaseOf(el)).to.equal('live');
      expect($(el, '[role="timer"]')).to.equal(null);
      const join = $(el, 'a[part="button"]') as HTMLAnchorElement;
      expect(join.href).to.equal('https://meet.example.org/local-democracy');
      expect(join.textContent).to.equal('Join the session');
      await accessible(el);
      sinon.restore();
      fakeNow(END + MINUTE);
      const ended = await countdown({ session: 'local-democracy' });
      expect(phaseOf(ended)).to.equal('ended');
      expect(text(ended, '.phase')).to.equal('This session has ended.');
      expect(($(ended, 'a.recording') as HTMLAnchorElement).href).to.equal('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
      expect($(ended, '[part="calendar"]')).to.equal(null);
      await accessible(ended);
    });

    it('has no recording link when the feed has no recording of the session', async () => {
      fakeNow(Date.parse('2026-11-02T12:00:00Z'));
      const el = await countdown({ session: 'learning-forum' });
      expect(phaseOf(el)).to.equal('ended');
      expect($(el, 'a.recording')).to.equal(null);
    });

    for (const [session, phase, sentence] of [
      ['peer-learning', 'cancelled', 'This session has been cancelled.'],
      ['accountability', 'postponed', 'This session has been postponed. A new date will be announced.'],
    ] as const) {
      it(`says a ${phase} session is ${phase} instead of counting, and keeps no calendar links`, async () => {
        fakeNow(START - DAY);
        const el = await countdown({ session });
        expect(phaseOf(el)).to.equal(phase);
        expect(text(el, '.phase')).to.equal(sentence);
        expect($(el, '[role="timer"]')).to.equal(null);
        expect($(el, '[part="calendar"]')).to.equal(null);
        await jump(el, 2 * DAY); // past its original start: still not "live"
        expect(phaseOf(el)).to.equal(phase);
        await accessible(el);
      });
    }

    it('counts and offers its calendar file for a title with a lone UTF-16 surrogate (issue 18)', async () => {
      const feed = await (await fetch(`/__feed/countdown.json?key=cd-lone-${unique++}`)).json();
      feed.sessions[0].title = 'Budget \ud83d talk';
      const src = URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));
      fakeNow(START - DAY);
      await settled(src);
      const el = await fixture<CivicCountdown>(html`<civic-countdown src=${src} refresh="86400" session="local-democracy" lang="en"></civic-countdown>`);
      await advance(el, 2 * SECOND);
      expect(units(el)).to.deep.equal([0, 23, 59, 58]);
      const ics = ($(el, '[part="calendar"] a[download]') as HTMLAnchorElement).href;
      expect(decodeURIComponent(ics)).to.contain('SUMMARY:Budget \ufffd talk');
    });

    it('says so when the named session is not in the feed', async () => {
      fakeNow(START - DAY);
      const el = await countdown({ session: 'nope' });
      expect(text(el, '[part="notice"]')).to.equal('There is no session to show.');
      await accessible(el);
    });

    it('shows loading, then an error, accessibly', async () => {
      const errors = sinon.stub(console, 'error');
      const loading = await fixture<CivicCountdown>(html`<civic-countdown src="/__feed/countdown.json?key=slow${unique++}&delay=3000"></civic-countdown>`);
      expect($(loading, '[aria-busy="true"]')).to.not.equal(null);
      await expect(loading).to.be.accessible();
      const failing = await fixture<CivicCountdown>(html`<civic-countdown src="/__feed/countdown.json?key=err${unique++}&status=500"></civic-countdown>`);
      await feedStoreFor(failing.src!).load();
      await failing.updateComplete;
      expect($(failing, '[role="alert"]')!.textContent).to.contain('The server answered with an error.');
      expect(errors.called).to.equal(true);
      await expect(failing).to.be.accessible();
    });

    it('lays out on one line with layout="compact", dropping leading zero units', async () => {
      fakeNow(START - (5 * MINUTE + 10 * SECOND));
      const el = await countdown({ session: 'local-democracy', layout: 'compact' });
      expect($(el, '.compact .line')).to.not.equal(null);
      expect(units(el)).to.deep.equal([5, 10]);
      expect([...el.shadowRoot!.querySelectorAll('.label')].map((l) => l.textContent)).to.deep.equal(['m', 's']);
      expect(text(el, 'time')).to.equal('Jun 18, 9:00 AM EDT');
      expect($(el, 'time')!.getAttribute('datetime')).to.equal('2026-06-18T13:00:00.000Z');
      await accessible(el);
    });

    it('works inside <civic-event> without its own src', async () => {
      fakeNow(START - HOUR);
      const src = await loadFeed();
      const event = await fixture(html`<civic-event src=${src} refresh="86400"><civic-countdown session="local-democracy"></civic-countdown></civic-event>`);
      const el = event.querySelector('civic-countdown')!;
      await el.updateComplete;
      expect(units(el)).to.deep.equal([0, 1, 0, 0]);
    });
  });

  describe('transitions', () => {
    it('goes live at the start: one start event, one polite announcement, the join button', async () => {
      fakeNow(START - 3 * SECOND);
      const el = await countdown({ session: 'local-democracy' });
      const starts: CountdownStartEvent[] = [];
      const onStart = (e: Event) => starts.push(e as CountdownStartEvent);
      document.addEventListener(CountdownStartEvent.eventName, onStart); // bubbles and crosses the shadow root
      after(() => document.removeEventListener(CountdownStartEvent.eventName, onStart));
      expect(units(el)).to.deep.equal([0, 0, 0, 3]);
      await advance(el, 2 * SECOND);
      expect(units(el)).to.deep.equal([0, 0, 0, 1]);
      expect(starts).to.have.length(0);
      await advance(el, SECOND);
      expect(phaseOf(el)).to.equal('live');
      expect(starts).to.have.length(1);
      expect(starts[0]).to.be.instanceOf(CountdownStartEvent);
      expect(starts[0]!.session.id).to.equal('local-democracy');
      expect(starts[0]!.bubbles && starts[0]!.composed).to.equal(true);
      expect(text(el, '[role="status"]')).to.equal('Local Democracy in the post-COVID-19 era is live now.');
      expect($(el, 'a[part="button"]')).to.not.equal(null);
      await advance(el, 10 * SECOND);
      expect(starts).to.have.length(1);
      await accessible(el);
    });

    it('ends at the end: one end event; the announcement goes', async () => {
      fakeNow(END - 2 * SECOND);
      const el = await countdown({ session: 'local-democracy' });
      const ends = sinon.spy();
      el.addEventListener('civic-countdown-end', ends);
      const starts = sinon.spy();
      el.addEventListener('civic-countdown-start', starts);
      expect(phaseOf(el)).to.equal('live');
      expect(text(el, '[role="status"]')).to.equal(''); // already live on arrival: nothing to announce
      await advance(el, 2 * SECOND);
      expect(phaseOf(el)).to.equal('ended');
      expect(ends.callCount).to.equal(1);
      expect(ends.firstCall.args[0]).to.be.instanceOf(CountdownEndEvent);
      expect(starts.callCount).to.equal(0);
      await advance(el, 5 * SECOND);
      expect(ends.callCount).to.equal(1);
    });

    it('fires nothing for a session that had already ended when the page opened', async () => {
      fakeNow(END + SECOND);
      const events = sinon.spy();
      document.addEventListener('civic-countdown-end', events);
      document.addEventListener('civic-countdown-start', events);
      const el = await countdown({ session: 'local-democracy' });
      await advance(el, 3 * SECOND);
      document.removeEventListener('civic-countdown-end', events);
      document.removeEventListener('civic-countdown-start', events);
      expect(phaseOf(el)).to.equal('ended');
      expect(events.callCount).to.equal(0);
    });

    it('fires the end event when the default selection moves on to the next session', async () => {
      fakeNow(END - SECOND);
      const el = await countdown();
      const ends: CountdownEndEvent[] = [];
      el.addEventListener('civic-countdown-end', (e) => ends.push(e));
      await advance(el, 2 * SECOND);
      expect(ends.map((e) => e.session.id)).to.deep.equal(['local-democracy']);
      expect(text(el, '.title')).to.equal('Stocktaking session 2: Accountability');
    });

    it('counts across a DST change in elapsed time, and names the zone in force at the start', async () => {
      // Saturday noon in New York (EDT); the session is on Sunday after both Europe and the US left summer time.
      fakeNow(Date.parse('2026-10-31T12:00:00-04:00'));
      const el = await countdown({ session: 'learning-forum' });
      // 18:00 CET = 17:00 UTC = 12:00 EST: 25 hours away, though the wall clock says 24.
      expect(units(el)).to.deep.equal([1, 1, 0, 0]);
      expect(text(el, 'time')).to.equal('Sunday, November 1, 2026, 6:00 PM GMT+1, Madrid · 12:00 PM EST your time');
      await jump(el, 25 * HOUR - SECOND);
      expect(units(el)).to.deep.equal([0, 0, 0, 1]);
      await advance(el, SECOND);
      expect(phaseOf(el)).to.equal('live');
    });
  });

  describe('one ticker', () => {
    it('corrects a client clock that is 3 minutes slow with the server Date header', async () => {
      // The visitor's clock says 13 minutes to go; the server's says 10.
      fakeNow(START - 13 * MINUTE);
      const el = await countdown({ session: 'local-democracy' }, START - 10 * MINUTE);
      expect(clock.offset).to.be.within(3 * MINUTE, 3 * MINUTE + SECOND);
      expect(units(el)).to.deep.equal([0, 0, 10, 0]);
      const starts = sinon.spy();
      el.addEventListener('civic-countdown-start', starts);
      await advance(el, 10 * MINUTE);
      expect(phaseOf(el)).to.equal('live'); // while the visitor's own clock still says 3 minutes to go
      expect(Date.now()).to.be.below(START);
      expect(starts.callCount).to.equal(1);
    });

    it('runs twenty countdowns from one timer, aligned to the second', async () => {
      fakeNow(START - HOUR - 250); // a quarter-second off the boundary
      const src = await loadFeed(START - HOUR);
      const one = await fixture<CivicCountdown>(html`<civic-countdown src=${src} refresh="86400"></civic-countdown>`);
      const timersForOne = timers.countTimers();
      expect(activeTimerCount()).to.equal(1);
      const page = await fixture(html`<div>
        ${Array.from({ length: 19 }, () => html`<civic-countdown src=${src} refresh="86400"></civic-countdown>`)}
      </div>`);
      const all = [one, ...page.querySelectorAll('civic-countdown')] as CivicCountdown[];
      await Promise.all(all.map((el) => el.updateComplete));
      expect(all).to.have.length(20);
      expect(activeTimerCount()).to.equal(1);
      expect(timers.countTimers()).to.equal(timersForOne);
      const render = sinon.spy(all[7]!, 'requestUpdate');
      await timers.tickAsync(249);
      expect(render.callCount).to.equal(0);
      await timers.tickAsync(1);
      expect(render.callCount).to.equal(1); // at the boundary itself
      await Promise.all(all.map((el) => el.updateComplete));
      expect(all.map((el) => units(el).join())).to.deep.equal(Array(20).fill('0,1,0,0'));
      page.remove();
      one.remove();
      expect(activeTimerCount()).to.equal(0);
    });

    it('pauses while the page is hidden and catches up when it is shown', async () => {
      fakeNow(START - 10 * MINUTE);
      const el = await countdown({ session: 'local-democracy' });
      let hidden = true;
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event('visibilitychange'));
      expect(activeTimerCount()).to.equal(0);
      const render = sinon.spy(el, 'requestUpdate');
      await advance(el, 30 * SECOND);
      expect(render.callCount).to.equal(0);
      expect(units(el)).to.deep.equal([0, 0, 10, 0]);
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      await el.updateComplete;
      expect(units(el)).to.deep.equal([0, 0, 9, 30]);
      expect(activeTimerCount()).to.equal(1);
    });
  });

  describe('languages', () => {
    const cases = [
      { lang: 'en', sentence: 'Starts in 1 day, 2 hours, and 3 minutes', dir: 'ltr', live: 'Live now' },
      { lang: 'fr', sentence: 'Commence dans 1 jour, 2 heures et 3 minutes', dir: 'ltr', live: 'En direct' },
      { lang: 'es', sentence: 'Empieza en 1 día, 2 horas y 3 minutos', dir: 'ltr', live: 'En directo' },
      { lang: 'ar', sentence: 'تبدأ بعد يوم وساعتان و3 دقائق', dir: 'rtl', live: 'مباشر الآن' },
    ];
    for (const { lang, sentence, dir, live } of cases) {
      it(`speaks ${lang} in every state, accessibly`, async () => {
        fakeNow(START - (DAY + 2 * HOUR + 3 * MINUTE));
        const el = await countdown({ session: 'local-democracy', lang });
        expect($(el, '.base')!.getAttribute('dir')).to.equal(dir);
        expect(text(el, '[role="timer"] .visually-hidden')).to.equal(sentence);
        expect(units(el)).to.deep.equal([1, 2, 3, 0]); // a number in every box, even where Arabic says "one day" in a word
        await accessible(el);
        await jump(el, DAY + 2 * HOUR + 3 * MINUTE);
        expect(text(el, '.live-mark')).to.equal(live);
        await accessible(el);
        for (const session of ['peer-learning', 'accountability']) {
          el.session = session;
          await el.updateComplete;
          await accessible(el);
        }
      });
    }
  });

  it('marks a title the feed has only in English with lang="en" on an Arabic page', async () => {
    // Without it a screen reader reads the English title with the Arabic voice, and bidi misplaces its punctuation.
    fakeNow(START - DAY);
    const el = await countdown({ session: 'learning-forum', lang: 'ar' });
    expect($(el, '[part="title"]')!.getAttribute('lang')).to.equal('en');
    expect($(el, '[part="title"]')!.getAttribute('dir')).to.equal('auto');
    el.session = 'local-democracy';
    await el.updateComplete;
    expect($(el, '[part="title"]')!.hasAttribute('lang'), 'an Arabic title inherits the page language').to.be.false;
  });

  describe('theme and motion', () => {
    it('is accessible in the dark theme', async () => {
      fakeNow(START - DAY);
      const el = await countdown({ session: 'local-democracy', theme: 'dark' });
      expect(getComputedStyle($(el, '.base')!).color).to.equal('rgb(232, 234, 237)');
      await accessible(el);
    });

    it('stops the live pulse with prefers-reduced-motion', async () => {
      fakeNow(START + MINUTE);
      const el = await countdown({ session: 'local-democracy' });
      expect(getComputedStyle($(el, '.dot')!).animationName).to.equal('pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle($(el, '.dot')!).animationName).to.equal('none');
    });

    it('takes its custom properties', async () => {
      fakeNow(START - DAY);
      const el = await countdown({ session: 'local-democracy' });
      el.style.setProperty('--civic-countdown-value-size', '40px');
      expect(getComputedStyle($(el, '.value')!).fontSize).to.equal('40px');
    });
  });

  describe('one view, the per-second part apart (issue 12, item 3)', () => {
    it('keeps the same .ics link while it counts: the calendar file is not rebuilt every second', async () => {
      fakeNow(START - HOUR);
      const el = await countdown({ session: 'local-democracy' });
      const ics = () => ($(el, '[part="calendar"] a[download]') as HTMLAnchorElement).href;
      const first = ics();
      const link = $(el, '[part="calendar"] a[download]');
      await advance(el, 3 * SECOND);
      expect(units(el)).to.deep.equal([0, 0, 59, 57]);
      expect(ics()).to.equal(first);
      expect($(el, '[part="calendar"] a[download]')).to.equal(link);
    });

    for (const session of ['local-democracy', 'peer-learning'] as const) {
      it(`stops ticking when no change is due (${session === 'peer-learning' ? 'cancelled' : 'ended'}), and starts again for an upcoming session`, async () => {
        fakeNow(END + MINUTE);
        const el = await countdown({ session });
        expect(phaseOf(el)).to.equal(session === 'peer-learning' ? 'cancelled' : 'ended');
        expect(activeTimerCount()).to.equal(0);
        const render = sinon.spy(el, 'requestUpdate');
        await advance(el, 5 * SECOND);
        expect(render.callCount).to.equal(0);
        el.session = 'learning-forum';
        await el.updateComplete;
        expect(activeTimerCount()).to.equal(1);
        const before = units(el);
        await advance(el, SECOND);
        expect(units(el)[3]).to.equal((before[3]! + 59) % 60);
      });
    }

    it('fires civic-countdown-end when the page was hidden for the whole session, with the default selection', async () => {
      fakeNow(START - 10 * MINUTE);
      const el = await countdown();
      expect(text(el, '.title')).to.equal('Local Democracy in the post-COVID-19 era');
      const events: string[] = [];
      el.addEventListener('civic-countdown-start', () => events.push('start'));
      el.addEventListener('civic-countdown-end', (e) => events.push(`end ${e.session.id}`));
      let hidden = true;
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      document.dispatchEvent(new Event('visibilitychange'));
      timers.setSystemTime(END + HOUR);
      hidden = false;
      document.dispatchEvent(new Event('visibilitychange'));
      await el.updateComplete;
      expect(text(el, '.title')).to.equal('Stocktaking session 2: Accountability');
      expect(events).to.deep.equal(['end local-democracy']);
    });
  });

  describe('the date beside each time (issue 13, item 1)', () => {
    /** A Madrid session at 01:00 on Saturday 28 November 2026: Friday 16:00 in Los Angeles. */
    async function madridAtOne(lang: string): Promise<CivicCountdown> {
      const feed = await (await fetch(`/__feed/countdown.json?key=cd-date-${unique++}`)).json();
      feed.sessions[0].start = '2026-11-28T01:00:00+01:00';
      feed.sessions[0].end = '2026-11-28T02:00:00+01:00';
      const src = URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));
      await settled(src);
      return fixture<CivicCountdown>(html`<civic-countdown src=${src} refresh="86400" session="local-democracy" lang=${lang} time-zone="America/Los_Angeles"></civic-countdown>`);
    }

    it('says Saturday beside 1:00 AM in Madrid and Friday beside 4:00 PM in Los Angeles', async () => {
      fakeNow(Date.parse('2026-11-20T12:00:00Z'));
      const el = await madridAtOne('en-US');
      expect(text(el, 'time')).to.equal('Saturday, November 28, 2026, 1:00 AM GMT+1, Madrid · Friday, November 27, 4:00 PM PST Los Angeles');
    });

    for (const lang of ['fr', 'es', 'ar']) {
      it(`puts each date in the zone of its time in ${lang}`, async () => {
        fakeNow(Date.parse('2026-11-20T12:00:00Z'));
        const el = await madridAtOne(lang);
        const start = new Date('2026-11-28T00:00:00Z');
        const day = (timeZone: string, year: boolean) =>
          dateTimeFormat(lang, { timeZone, weekday: 'long', day: 'numeric', month: 'long', ...(year ? { year: 'numeric' } : {}) }).format(start);
        const [atEvent, atVisitor] = text(el, 'time').split(' · ') as [string, string];
        expect(atEvent.startsWith(day('Europe/Madrid', true))).to.equal(true);
        expect(atVisitor.startsWith(day('America/Los_Angeles', false))).to.equal(true);
        expect(day('Europe/Madrid', false)).not.to.equal(day('America/Los_Angeles', false));
      });
    }
  });

  it('says two days once in Arabic: "2" over "يوم", never "2 يومان" (issue 13, item 5)', async () => {
    fakeNow(START - (2 * DAY + HOUR));
    const el = await countdown({ session: 'local-democracy', lang: 'ar' });
    const first = el.shadowRoot!.querySelector('.unit')!;
    expect(first.querySelector('.value')!.textContent).to.match(/^(2|٢)$/);
    expect(first.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^(2|٢) يوم$/);
    expect(text(el, '[role="timer"] .visually-hidden')).to.contain('يومان');
    expect(text(el, '[role="timer"] .visually-hidden')).not.to.match(/(2|٢)\s*يومان/);
    expect(getComputedStyle(first).whiteSpace).to.equal('nowrap');
  });
});
