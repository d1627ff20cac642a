import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/agenda/define.js';
import type { CivicAgenda } from '../../src/agenda/civic-agenda.js';
import { buildAgendaView } from '../../src/agenda/agenda-view.js';
import type { Feed } from '../../src/contract/types.js';
import { settled } from '../support/feed-settled.js';

let unique = 0;
const feedUrl = (name = 'learning-forum') => `/__feed/${name}.json?key=agenda-scale-${Date.now()}-${unique++}`;
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const shownIds = (el: Element) => $$(el, '.session:not(.out) article').map((a) => a.id.slice(2));

function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

/** `count` sessions, 60 a day from 2026-10-01 in Madrid, tracks t0–t5: a programme merged from member feeds. */
function bigFeed(count: number): Feed {
  const day0 = Date.parse('2026-10-01T06:00:00Z');
  const at = (minutes: number) => new Date(day0 + minutes * 60_000).toISOString().slice(0, 19) + 'Z';
  const sessions = Array.from({ length: count }, (_, i) => {
    const begin = Math.floor(i / 60) * 1440 + (i % 60) * 10;
    return { id: `s${i}`, title: `Session ${i}`, start: at(begin), end: at(begin + 50), track: `t${i % 6}` };
  });
  const tracks = Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, title: `Track ${i}` }));
  return { version: 1, event: { id: 'big', title: 'Big', timeZone: 'Europe/Madrid' }, sessions, tracks } as Feed;
}

const blobUrl = (feed: unknown) => URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));

describe('<civic-agenda> at scale (issue 18, item 5)', () => {
  afterEach(() => {
    sinon.restore();
    clearHash();
  });

  it('renders a screenful first, then every session in later tasks, so that find-in-page finds the last one', async () => {
    const src = blobUrl(bigFeed(2000));
    await settled(src);
    const el = await fixture<CivicAgenda>(html`<civic-agenda src=${src} time-zone="event"></civic-agenda>`);
    const first = $$(el, '.session').length;
    expect(first).to.be.greaterThan(0);
    expect(first).to.be.at.most(50);
    expect(text($(el, '#s-s0 h3'))).to.equal('Session 0');
    await waitUntil(() => $$(el, '.session').length === 2000, 'the rest never came', { timeout: 8000 });
    expect(text($(el, '#s-s1999 h3'))).to.equal('Session 1999');
    // In document order, day by day.
    expect($$(el, 'section.day').length).to.equal(34);
  });

  it('puts every session, also those a filter hides, in the document before printing', async () => {
    history.replaceState(null, '', '#agenda=track:t1');
    const src = blobUrl(bigFeed(1200));
    await settled(src);
    const el = await fixture<CivicAgenda>(html`<civic-agenda src=${src} time-zone="event"></civic-agenda>`);
    expect(shownIds(el)[0]).to.equal('s1');
    expect($$(el, '.session').length).to.be.below(1200);
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect($$(el, '.session').length).to.equal(1200);
    expect(shownIds(el)).to.have.length(200);
  });

  it('jumps to a live session far down the programme at once, and focuses it', async () => {
    const feed = bigFeed(3000);
    sinon.useFakeTimers({ now: Date.parse(feed.sessions[2500]!.start) + 60_000, toFake: ['Date'] });
    const src = blobUrl(feed);
    await settled(src);
    const el = await fixture<CivicAgenda>(html`<civic-agenda src=${src} time-zone="event"></civic-agenda>`);
    // Sessions last 50 minutes, ten minutes apart: s2496 to s2500 are live, the first of them is the target.
    expect($(el, '#s-s2496')).to.equal(null);
    ($(el, '.jump') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 's-s2496', 'the live session was not focused', { timeout: 5000 });
    expect($(el, '#s-s2496 .badge.live')).not.to.equal(null);
  });
});

describe('<civic-agenda>: two on a page (issue 13, item 2)', () => {
  afterEach(clearHash);

  it('keeps the filters of two agendas without id apart, and ignores a track its feed does not have', async () => {
    const democracy = feedUrl('local-democracy');
    const forum = feedUrl();
    history.replaceState(null, '', '#agenda=track:peer');
    const first = await fixture<CivicAgenda>(html`<div>
      <civic-agenda src=${democracy}></civic-agenda>
      <civic-agenda src=${forum}></civic-agenda>
    </div>`);
    const [a, b] = [...first.querySelectorAll<CivicAgenda>('civic-agenda')] as [CivicAgenda, CivicAgenda];
    await waitUntil(() => $(a, '.session') && $(b, '.session'));
    // "peer" is a track of the forum, not of the democracy programme: its live session stays shown.
    expect(shownIds(a)).to.deep.equal(['local-democracy']);
    expect(text($(a, '.status [role=status]'))).to.equal('');
    expect(shownIds(b)).to.have.length(11);
    const search = $(b, 'input[type=search]') as HTMLInputElement;
    search.value = 'water';
    search.dispatchEvent(new Event('input'));
    await b.updateComplete;
    expect(location.hash).to.equal('#agenda=track:peer&agenda-2=q:water');
    expect(shownIds(b)).to.deep.equal(['water-cities']);
    await a.updateComplete;
    expect(shownIds(a)).to.deep.equal(['local-democracy']);
  });

  it('shares filters between two agendas given the same hash-key', async () => {
    const src = feedUrl();
    const wrap = await fixture<HTMLElement>(html`<div>
      <civic-agenda src=${src} hash-key="forum"></civic-agenda>
      <civic-agenda src=${src} hash-key="forum" time-zone="event"></civic-agenda>
    </div>`);
    const [a, b] = [...wrap.querySelectorAll<CivicAgenda>('civic-agenda')] as [CivicAgenda, CivicAgenda];
    await waitUntil(() => $(a, '.session') && $(b, '.session'));
    const select = $$(a, '.filters select')[1] as HTMLSelectElement;
    select.value = 'peer';
    select.dispatchEvent(new Event('change'));
    await a.updateComplete;
    expect(location.hash).to.equal('#forum=track:peer');
    await waitUntil(() => shownIds(b).length === 3, 'the second agenda did not follow');
    expect(shownIds(a)).to.deep.equal(shownIds(b));
  });
});

describe('<civic-agenda>: the calendar box', () => {
  it('closes on Escape and gives the focus back to its button (issue 13, item 5)', async () => {
    const el = await fixture<CivicAgenda>(html`<civic-agenda src=${feedUrl()}></civic-agenda>`);
    await waitUntil(() => $(el, '.session'));
    const button = $(el, '#s-opening button.add') as HTMLButtonElement;
    button.click();
    await el.updateComplete;
    ($(el, '#s-opening [part=calendar] a') as HTMLAnchorElement).focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($(el, '#s-opening [part=calendar]')).to.equal(null);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(button);
  });
});

describe('<civic-agenda>: focus rings', () => {
  it('keeps the focus ring of a button at the edge inside every box that clips it (issue 13, item 5)', async () => {
    const el = await fixture<CivicAgenda>(html`<civic-agenda src=${feedUrl()} style="inline-size: 360px"></civic-agenda>`);
    await waitUntil(() => $(el, '.session'));
    const button = $(el, '#s-opening button.add')!;
    button.focus();
    const style = getComputedStyle(button);
    const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    expect(reach).to.be.greaterThan(0);
    const ring = button.getBoundingClientRect();
    // Every ancestor that clips (a scroll box, or paint containment) must hold the ring.
    for (let node: HTMLElement | null = button.parentElement; node && node !== el; node = node.parentElement) {
      const { overflowX, contain, contentVisibility } = getComputedStyle(node);
      if (overflowX === 'visible' && !/paint|strict|content/.test(contain) && contentVisibility !== 'auto') continue;
      const box = node.getBoundingClientRect();
      expect(ring.left - reach, node.className).to.be.at.least(box.left);
      expect(ring.right + reach, node.className).to.be.at.most(box.right);
    }
  });
});

describe('agenda view: the event-zone date beside its time (issue 13, item 1)', () => {
  const feed = {
    version: 1,
    event: { id: 'e', title: 'E', timeZone: 'Asia/Seoul' },
    sessions: [
      { id: 'late', title: 'Late', start: '2026-10-11T23:30:00+09:00', end: '2026-10-12T00:30:00+09:00', timeZone: 'Asia/Seoul' },
      { id: 'morning', title: 'Morning', start: '2026-10-11T09:00:00+09:00', end: '2026-10-11T10:00:00+09:00', timeZone: 'Asia/Seoul' },
    ],
  } as Feed;
  const marks = (lang: string, zone: string) =>
    Object.fromEntries(buildAgendaView(feed, lang, zone, '').days.flatMap((d) => d.sessions.map((s) => [s.session.id, s.details.eventDay])));

  it('marks "+1 day" and "−1 day" where the event’s date differs from the day heading, in each language', () => {
    // Auckland is 3 hours ahead of Seoul: 23:30 on the 11th in Seoul sits under the 12th.
    expect(marks('en', 'Pacific/Auckland')).to.deep.equal({ morning: '', late: '\u22121 day' });
    // New York is 13 hours behind: 09:00 on the 11th in Seoul sits under the 10th.
    expect(marks('en', 'America/New_York')).to.deep.equal({ morning: '+1 day', late: '' });
    expect(marks('fr', 'America/New_York').morning).to.match(/^\+1\s?j$/);
    expect(marks('es', 'America/New_York').morning).to.match(/^\+1\s?d$/);
    expect(marks('ar', 'America/New_York').morning).to.match(/^[\u200e\u200f]?\+(1|١) يوم$/); // the number, said once
    expect(marks('en', 'Asia/Seoul')).to.deep.equal({ morning: '', late: '' });
  });
});
