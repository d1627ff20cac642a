import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/agenda/define.js';
import type { CivicAgenda } from '../../src/agenda/civic-agenda.js';
import type { AgendaFilterEvent } from '../../src/agenda/events.js';
import { agendaMessages } from '../../src/agenda/messages.js';
import { commonMessages } from '../../src/i18n/common-messages.js';
import { UI_LANGUAGES } from '../../src/i18n/languages.js';
import { settled } from '../support/feed-settled.js';
import { $, $$, textOf as text } from '../support/dom.js';

let unique = 0;
function feedUrl(name = 'learning-forum', params: Record<string, string> = {}): string {
  return `/__feed/${name}.json?${new URLSearchParams({ key: `agenda-${Date.now()}-${unique++}`, ...params })}`;
}


async function agenda(template: ReturnType<typeof html>): Promise<CivicAgenda> {
  const el = await fixture<CivicAgenda>(template);
  await waitUntil(() => el.shadowRoot!.querySelector('.session, .notice:not([aria-busy]), .error'), 'agenda did not render', { timeout: 5000 });
  return el;
}

/** Session ids shown on screen, day by day. */
const shownIds = (el: Element) => $$(el, '.session:not(.out) article').map((a) => a.id.slice(2));
const days = (el: Element) => $$(el, 'section.day:not(.out) h2 time').map((t) => t.getAttribute('datetime'));

function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

describe('<civic-agenda>', () => {
  afterEach(async () => {
    sinon.restore();
    clearHash();
    await emulateMedia({ media: 'screen', reducedMotion: 'no-preference' });
  });

  it('groups the Seoul programme by the visitor’s days, across midnight, and by the event’s days with time-zone="event"', async () => {
    const src = feedUrl();
    const local = await agenda(html`<civic-agenda src=${src}></civic-agenda>`);
    const event = await agenda(html`<civic-agenda src=${src} time-zone="event"></civic-agenda>`);
    // 09:00 on 10 October in Seoul is 20:00 on 9 October in New York.
    expect(days(event)).to.deep.equal(['2026-10-10', '2026-10-11', '2026-10-12', '2026-10-13', '2026-10-14']);
    expect(days(local)[0]).to.equal('2026-10-09');
    const opening = (el: CivicAgenda) => $(el, '#s-opening')!.closest('section')!.querySelector('h2 time')!.getAttribute('datetime');
    expect(opening(local)).to.equal('2026-10-09');
    expect(opening(event)).to.equal('2026-10-10');
    // Every heading is a day, every time has a machine-readable datetime.
    for (const time of $$(local, 'time[datetime]')) expect(Number.isNaN(Date.parse(time.getAttribute('datetime')!))).to.equal(false);
    // Under New York's Friday 9 October, 9:00 in Seoul is on Saturday: "+1 day" (issue 13, item 1).
    expect(text($(local, '#s-opening .when'))).to.match(/^8:00\s?PM–9:30\s?PM EDT 9:00\s?AM–10:30\s?AM GMT\+9 \(Seoul\) \+1 day$/);
    expect(text($(event, '#s-opening .when'))).to.match(/^9:00\s?AM–10:30\s?AM GMT\+9$/);
    expect(getComputedStyle($(event, '#s-opening .event-time')!).display).to.equal('none');
    expect(getComputedStyle($(local, '#s-opening .event-time')!).display).to.equal('block');
  });

  it('gives the end date of a session that crosses midnight in the display zone', async () => {
    // 13:00–17:00 in Seoul on 12 October is 23:00 on the 11th to 03:00 on the 12th in Chicago.
    const el = await agenda(html`<civic-agenda src=${feedUrl()} time-zone="America/Chicago"></civic-agenda>`);
    expect($(el, '#s-city-visits')!.closest('section')!.querySelector('h2 time')!.getAttribute('datetime')).to.equal('2026-10-11');
    expect(text($(el, '#s-city-visits .when time + time'))).to.match(/^Oct 12 3:00\s?AM CDT$/);
    expect(text($(el, '#s-opening .when time + time'))).to.match(/^8:30\s?PM CDT$/);
  });

  it('notes that the visitor’s zone differs from the event’s, and not when showing the event’s zone', async () => {
    const src = feedUrl();
    const local = await agenda(html`<civic-agenda src=${src}></civic-agenda>`);
    const event = await agenda(html`<civic-agenda src=${src} time-zone="event"></civic-agenda>`);
    expect(text($(local, '.note'))).to.equal(agendaMessages.en.zoneNote('New York', 'Seoul'));
    expect($(event, '.note')).to.equal(null);
  });

  it('notes a DST change inside the event, in the zone where it happens', async () => {
    const src = feedUrl('agenda-dst-week');
    const inMadrid = await agenda(html`<civic-agenda src=${src} time-zone="event"></civic-agenda>`);
    expect($$(inMadrid, '.note').map(text)).to.deep.equal([agendaMessages.en.dstNote('Madrid', 'Oct 25')]);
    const inTokyo = await agenda(html`<civic-agenda src=${src} time-zone="Asia/Tokyo"></civic-agenda>`);
    const notes = $$(inTokyo, '.note').map(text);
    expect(notes).to.include(agendaMessages.en.dstNote('Madrid', 'Oct 25'));
    expect(notes.some((n) => n.includes('Tokyo'))).to.equal(true); // the zone note, Tokyo keeps its clock
    expect(notes.filter((n) => n.startsWith('Clocks change'))).to.have.length(1);
  });

  it('shows items, speakers with role, organization and place, track, place, languages and the poll', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await agenda(html`<civic-agenda src=${feedUrl()} time-zone="event" poll-href="/vote#{poll}"></civic-agenda>`);
    expect($$(el, '#s-opening .items [part=item]')).to.have.length(3);
    expect(text($(el, '#s-opening .items li'))).to.match(/^9:00\s?AM–9:20\s?AM GMT\+9 Welcome · Host city representative$/);
    expect(text($$(el, '#s-opening .speakers li')[1])).to.equal('Host city representative Host, Daejeon Metropolitan City, Daejeon, Korea');
    expect($(el, '#s-opening .speakers img')!.getAttribute('alt')).to.equal('');
    const meta = text($(el, '#s-opening .meta'));
    expect(meta).to.contain('Learning Forum plenary').and.contain('Daejeon Convention Center, Room 101').and.contain('Languages: English, French, Spanish, and Korean');
    expect($(el, '#s-moocs .meta a')!.getAttribute('href')).to.equal('https://meet.example.org/moocs');
    expect($(el, '#s-water-cities .poll a')!.getAttribute('href')).to.equal('/vote#forum-priorities');
    expect(text($(el, '#s-water-cities .poll'))).to.equal('Poll: Guiding questions');
    expect($(el, '#s-moocs .poll')).to.equal(null);
    expect(getComputedStyle($(el, '#s-moocs .description')!).display).to.equal('none'); // it has none
    expect(getComputedStyle($(el, '#s-opening .description')!).display).to.equal('block');
    // A speaker id missing from "speakers": skipped in the UI, one warning naming it.
    expect($$(el, '#s-peer-learning-lab .speakers li')).to.have.length(1);
    expect(el.shadowRoot!.textContent).not.to.contain('ghost-speaker');
    const warnings = warn.getCalls().filter((c) => String(c.args[0]).includes('speakers not found'));
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]!.args[0])).to.contain('ghost-speaker');
  });

  it('marks cancelled and postponed sessions, and offers no calendar or join link for a cancelled one', async () => {
    const el = await agenda(html`<civic-agenda src=${feedUrl()}></civic-agenda>`);
    expect(text($(el, '#s-webinar-series .badge'))).to.equal('Cancelled');
    expect($(el, '#s-webinar-series')!.closest('li')!.classList.contains('cancelled')).to.equal(true);
    expect($(el, '#s-webinar-series .add')).to.equal(null);
    expect($(el, '#s-webinar-series .meta a')).to.equal(null);
    expect(text($(el, '#s-youtube-channel .badge'))).to.equal('Postponed');
    expect($(el, '#s-youtube-channel .add')).not.to.equal(null);
  });

  it('adds a session to a calendar through the shared links, built when opened', async () => {
    const el = await agenda(html`<civic-agenda src=${feedUrl()}></civic-agenda>`);
    const button = $(el, '#s-moocs .add') as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '#s-moocs .calendar')).to.equal(null);
    button.click();
    await elementUpdated(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const links = $$(el, '#s-moocs .calendar a').map((a) => a.getAttribute('href')!);
    expect(links[0]).to.match(/^data:text\/calendar/);
    expect(decodeURIComponent(links[0]!)).to.contain('DTSTART:20261011T050000Z').and.contain('SUMMARY:MOOCs and the LearningWithUCLG platform');
    expect(new URL(links[1]!).searchParams.get('text')).to.contain('MOOCs');
    button.click();
    await elementUpdated(el);
    expect($(el, '#s-moocs .calendar')).to.equal(null);
  });

  it('filters by day, track, language and text, and says how many sessions are shown', async () => {
    const el = await agenda(html`<civic-agenda src=${feedUrl()} time-zone="event"></civic-agenda>`);
    const all = shownIds(el);
    expect(all).to.have.length(11);
    const select = (index: number, value: string) => {
      const s = $$(el, '.filters select')[index] as HTMLSelectElement;
      s.value = value;
      s.dispatchEvent(new Event('change'));
      return elementUpdated(el);
    };
    const event = oneEvent(el, 'civic-agenda-filter') as unknown as Promise<AgendaFilterEvent>;
    await select(1, 'peer');
    expect((await event).filters).to.deep.equal({ track: 'peer' });
    expect((await event).shown).to.equal(3);
    expect(shownIds(el)).to.deep.equal(['peer-learning-lab', 'water-cities', 'city-visits']);
    await select(0, '2026-10-11');
    expect(shownIds(el)).to.deep.equal(['water-cities']);
    expect(days(el)).to.deep.equal(['2026-10-11']);
    expect(text($(el, '.status [role=status]'))).to.equal('1 of 11 sessions shown');
    await select(0, '');
    await select(2, 'ko');
    expect(shownIds(el)).to.deep.equal(['city-visits']);
    await select(1, '');
    await select(2, '');
    const search = $(el, 'input[type=search]') as HTMLInputElement;
    search.value = 'sanitation';
    search.dispatchEvent(new Event('input'));
    await elementUpdated(el);
    expect(shownIds(el)).to.deep.equal(['water-cities']);
    search.value = 'Facilitator barcelona'; // speakers' details are searched too
    search.dispatchEvent(new Event('input'));
    await elementUpdated(el);
    expect(shownIds(el)).to.deep.equal(['peer-learning-lab', 'water-cities', 'deliberation']);
    search.value = 'nothing like this';
    search.dispatchEvent(new Event('input'));
    await elementUpdated(el);
    expect(shownIds(el)).to.deep.equal([]);
    expect(text($(el, '.status [role=status]'))).to.equal('No session matches these filters.');
    $(el, '.status button')!.click();
    await elementUpdated(el);
    expect(shownIds(el)).to.deep.equal(all);
    expect(location.hash).to.equal('');
  });

  it('is usable from the keyboard: tab to the search and type', async () => {
    const el = await agenda(html`<civic-agenda src=${feedUrl()} time-zone="event"></civic-agenda>`);
    ($$(el, '.filters select')[2] as HTMLSelectElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[type=search]'));
    await sendKeys({ type: 'déli' });
    await elementUpdated(el);
    expect(shownIds(el)).to.deep.equal(['deliberation']);
  });

  it('searches in the visitor’s language, ignoring accents', async () => {
    const el = await agenda(html`<civic-agenda src=${feedUrl()} lang="fr" time-zone="event"></civic-agenda>`);
    const search = $(el, 'input[type=search]') as HTMLInputElement;
    search.value = 'ASSAINISSEMENT';
    search.dispatchEvent(new Event('input'));
    await elementUpdated(el);
    expect(shownIds(el)).to.deep.equal(['water-cities']);
    search.value = 'sanitation';
    search.dispatchEvent(new Event('input'));
    await elementUpdated(el);
    expect(shownIds(el)).to.deep.equal([]);
  });

  it('reads its filters from the hash, follows hashchange, writes with replaceState and keeps other parameters', async () => {
    history.replaceState(null, '', '#intro&agenda=track:e-learning');
    const historyLength = history.length;
    const push = sinon.spy(history, 'pushState');
    const el = await agenda(html`<civic-agenda src=${feedUrl()} time-zone="event"></civic-agenda>`);
    expect(shownIds(el)).to.deep.equal(['moocs', 'webinar-series', 'youtube-channel']);
    expect(($$(el, '.filters select')[1] as HTMLSelectElement).value).to.equal('e-learning');

    location.hash = '#intro&agenda=lang:es;q:online';
    await waitUntil(() => shownIds(el).length !== 3);
    expect(shownIds(el)).to.deep.equal(['webinar-series']);

    const search = $(el, 'input[type=search]') as HTMLInputElement;
    expect(search.value).to.equal('online');
    for (const q of ['w', 'we', 'web']) {
      search.value = q;
      search.dispatchEvent(new Event('input'));
      await elementUpdated(el);
    }
    expect(location.hash).to.equal('#intro&agenda=lang:es;q:web');
    expect(push.called).to.equal(false);
    expect(history.length).to.equal(historyLength + 1); // the one location.hash assignment above, not the keystrokes
  });

  it('uses its id as the hash namespace, so two agendas on a page keep their own filters', async () => {
    history.replaceState(null, '', '#forum=track:forum&peer=track:peer');
    const src = feedUrl();
    const forum = await agenda(html`<civic-agenda id="forum" src=${src} time-zone="event"></civic-agenda>`);
    const peer = await agenda(html`<civic-agenda id="peer" src=${src} time-zone="event"></civic-agenda>`);
    expect(shownIds(forum)).to.deep.equal(['opening', 'deliberation', 'closing']);
    expect(shownIds(peer)).to.deep.equal(['peer-learning-lab', 'water-cities', 'city-visits']);
    const s = $$(peer, '.filters select')[0] as HTMLSelectElement;
    s.value = '2026-10-12';
    s.dispatchEvent(new Event('change'));
    await elementUpdated(peer);
    expect(location.hash).to.equal('#forum=track:forum&peer=day:2026-10-12;track:peer');
    expect(shownIds(forum)).to.deep.equal(['opening', 'deliberation', 'closing']);
  });

  describe('as time passes (fake timers)', () => {
    let src: string;
    beforeEach(async () => {
      src = feedUrl();
      await settled(src); // loaded with real timers; the element then finds it in the store
    });

    const start = (iso: string) =>
      sinon.useFakeTimers({ now: Date.parse(iso), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

    it('moves the now marker and the live badge, and mutes past sessions', async () => {
      const clock = start('2026-10-10T10:00:00+09:00'); // 21:00 on 9 October in New York: the opening is live
      const el = await fixture<CivicAgenda>(html`<civic-agenda src=${src}></civic-agenda>`);
      const after = () => ($(el, '.now')?.nextElementSibling?.querySelector('article')?.id ?? null);
      expect(after()).to.equal('s-peer-learning-lab');
      expect(text($(el, '.now'))).to.match(/^Now 9:00\s?PM EDT$/);
      expect($(el, '.now time')!.getAttribute('datetime')).to.equal('2026-10-10T01:00:00.000Z');
      expect($$(el, '.badge.live').map((b) => b.closest('article')!.id)).to.deep.equal(['s-opening']);

      clock.tick(90 * 60_000); // 11:30 in Seoul: the opening is over, the lab is live
      await el.updateComplete;
      expect($(el, '#s-opening')!.closest('li')!.classList.contains('ended')).to.equal(true);
      expect($$(el, '.badge.live').map((b) => b.closest('article')!.id)).to.deep.equal(['s-peer-learning-lab']);
      expect($(el, '.now')!.nextElementSibling).to.equal(null); // the last of the visitor's 9 October
      expect($(el, '.now')!.closest('section')!.querySelector('h2 time')!.getAttribute('datetime')).to.equal('2026-10-09');

      clock.tick(3 * 3_600_000); // 01:30 in New York on 10 October, 14:30 in Seoul: the games are live
      await el.updateComplete;
      expect($(el, '.now')!.closest('section')!.querySelector('h2 time')!.getAttribute('datetime')).to.equal('2026-10-10');
      expect(after()).to.equal('s-tot-modules');
      expect($$(el, '.badge.live').map((b) => b.closest('article')!.id)).to.deep.equal(['s-learning-games']);
    });

    it('never marks a cancelled session live, and jumps to the live session, clearing a filter that hides it', async () => {
      start('2026-10-12T10:30:00+09:00'); // during the cancelled webinars, between two sessions
      await emulateMedia({ reducedMotion: 'reduce' });
      history.replaceState(null, '', '#agenda=day:2026-10-14');
      const el = await fixture<CivicAgenda>(html`<civic-agenda src=${src} time-zone="event"></civic-agenda>`);
      expect($$(el, '.badge.live')).to.have.length(0);
      expect(shownIds(el)).to.deep.equal(['closing']);
      const scroll = sinon.spy(Element.prototype, 'scrollIntoView');
      const jump = $$(el, '.status button').find((b) => b.classList.contains('jump'))!;
      expect(text(jump)).to.equal('Jump to now');
      jump.click();
      // setTimeout is fake here, so poll with microtasks instead of waitUntil.
      for (let i = 0; i < 50 && el.shadowRoot!.activeElement?.id !== 's-city-visits'; i++) await Promise.resolve();
      expect(el.shadowRoot!.activeElement?.id).to.equal('s-city-visits');
      expect(shownIds(el)).to.have.length(11);
      expect(location.hash).to.equal('');
      expect(scroll.firstCall.args[0]).to.deep.include({ behavior: 'auto' }); // reduced motion: no smooth scroll
    });
  });

  it('offers no "jump to now" on a one-day event', async () => {
    const el = await agenda(html`<civic-agenda src=${feedUrl('local-democracy')}></civic-agenda>`);
    expect($$(el, 'section.day')).to.have.length(1);
    expect($(el, '.jump')).to.equal(null);
  });

  it('prints the whole programme: filtered-out sessions come back, filters and calendar links do not', async () => {
    history.replaceState(null, '', '#agenda=track:peer');
    const el = await agenda(html`<civic-agenda src=${feedUrl()}></civic-agenda>`);
    const hidden = $(el, '#s-opening')!.closest('li')!;
    expect(getComputedStyle(hidden).display).to.equal('none');
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(hidden).display).not.to.equal('none');
    expect(getComputedStyle($(el, '.filters')!).display).to.equal('none');
    expect(getComputedStyle($(el, '#s-moocs .meta a')!, '::after').content).to.contain('https://meet.example.org/moocs');
  });

  it('says so when the programme is empty', async () => {
    const el = await agenda(html`<civic-agenda src=${feedUrl('agenda-empty')}></civic-agenda>`);
    expect(text($(el, '.notice'))).to.equal(agendaMessages.en.empty);
    expect($(el, '.filters')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the feed error', async () => {
    const el = await agenda(html`<civic-agenda src=${feedUrl('learning-forum', { status: '500' })}></civic-agenda>`);
    expect(text($(el, '[role=alert]'))).to.contain(commonMessages.en.errorTitle);
    await expect(el).to.be.accessible();
  });

  for (const lang of UI_LANGUAGES) {
    it(`speaks ${lang}, mirrors when it should, and passes axe (loaded, filtered, no match)`, async () => {
      const el = await agenda(html`<civic-agenda src=${feedUrl()} lang=${lang}></civic-agenda>`);
      const base = $(el, '[part=base]')!;
      expect(base.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      expect(text($(el, '.filters label'))).to.match(new RegExp(`^${agendaMessages[lang].day}`));
      expect(text($(el, 'section.day h2'))).to.equal(new Intl.DateTimeFormat(lang, { timeZone: 'America/New_York', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date('2026-10-10T00:00:00Z')));
      expect(text($(el, '#s-webinar-series .badge'))).to.equal(agendaMessages[lang].cancelled);
      await expect(el).to.be.accessible();
      if (lang === 'ar') expect(getComputedStyle($(el, '.items li')!).borderRightWidth).to.equal('2px'); // inline-start is on the right
      history.replaceState(null, '', '#agenda=track:peer');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await elementUpdated(el);
      expect(shownIds(el)).to.have.length(3);
      await expect(el).to.be.accessible();
      history.replaceState(null, '', '#agenda=q:zzz');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await elementUpdated(el);
      expect(text($(el, '.status [role=status]'))).to.equal(agendaMessages[lang].noMatch);
      await expect(el).to.be.accessible();
    });
  }

  it('marks session texts the feed has only in English with lang="en" on an Arabic page, and none on a French one', async () => {
    // The Forum's feed is in English, French and Spanish: on an Arabic page a screen reader must switch voice.
    const src = feedUrl();
    const ar = await agenda(html`<civic-agenda src=${src} lang="ar"></civic-agenda>`);
    expect($(ar, '#s-opening h3 span')!.getAttribute('lang')).to.equal('en');
    expect($(ar, '#s-opening .items [part=item] span')!.getAttribute('lang')).to.equal('en');
    expect($(ar, '#s-opening .items [part=item] time')!.closest('[lang]')!.getAttribute('lang'), 'times are formatted in Arabic').to.equal('ar');
    const fr = await agenda(html`<civic-agenda src=${src} lang="fr"></civic-agenda>`);
    expect($(fr, '#s-opening h3 span')!.hasAttribute('lang')).to.be.false;
  });

  it('joins languages as the page’s language joins a list, and sets French colons apart', async () => {
    // Raw textContent: the narrow no-break space keeps "Langues" and its colon on one line at 320 px.
    const src = feedUrl();
    const fr = await agenda(html`<civic-agenda src=${src} lang="fr" poll-href="/vote#{poll}"></civic-agenda>`);
    expect($(fr, '#s-opening .meta')!.textContent).to.contain('Langues\u202f: anglais, français, espagnol et coréen');
    expect($(fr, '#s-water-cities .poll')!.textContent!.trim()).to.match(/^Sondage\u202f:\s/);
    ($(fr, '#s-opening button.add') as HTMLButtonElement).click();
    await elementUpdated(fr);
    expect($(fr, '#s-opening .calendar-label')!.textContent).to.equal('Ajouter au calendrier\u202f:');
    const ar = await agenda(html`<civic-agenda src=${src} lang="ar"></civic-agenda>`);
    expect($(ar, '#s-opening .meta')!.textContent).to.contain('اللغات: الإنجليزية والفرنسية والإسبانية والكورية');
  });

  it('counts the sessions shown with the plural the number takes', async () => {
    // French counts one as singular ("1 session affichée"); Arabic counts 3–10 with a plural noun.
    history.replaceState(null, '', '#agenda=q:assainissement');
    const fr = await agenda(html`<civic-agenda src=${feedUrl()} lang="fr"></civic-agenda>`);
    expect(text($(fr, '.status [role=status]'))).to.equal('1 session affichée sur 11');
    fr.remove(); // the next agenda is then the page's first, whose filters are `#agenda=`
    history.replaceState(null, '', '#agenda=q:stocktaking');
    const ar = await agenda(html`<civic-agenda src=${feedUrl('countdown')} lang="ar"></civic-agenda>`);
    expect(text($(ar, '.status [role=status]'))).to.equal('عُرضت 2 من 4 جلسات');
  });

  it('agrees each filter’s "all" with its noun in French and Spanish', async () => {
    const first = (el: HTMLElement) => $$(el, '.filters select').map((s) => (s as HTMLSelectElement).options[0]!.textContent);
    const fr = await agenda(html`<civic-agenda src=${feedUrl()} lang="fr"></civic-agenda>`);
    expect(first(fr)).to.deep.equal(['Tous', 'Tous', 'Toutes']); // jour, parcours, langue
    const es = await agenda(html`<civic-agenda src=${feedUrl()} lang="es"></civic-agenda>`);
    expect(first(es)).to.deep.equal(['Todos', 'Todas', 'Todos']); // día, línea temática, idioma
  });

  it('passes axe while a session is live, in dark theme', async () => {
    const src = feedUrl();
    await settled(src);
    const clock = sinon.useFakeTimers({ now: Date.parse('2026-10-10T10:00:00+09:00'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const el = await fixture<CivicAgenda>(html`<civic-agenda src=${src} theme="dark"></civic-agenda>`);
    clock.restore();
    expect($$(el, '.badge.live')).to.have.length(1);
    expect($(el, '.now')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens "Add to calendar" for a title with a lone UTF-16 surrogate (issue 18)', async () => {
    const feed = await (await fetch(feedUrl('countdown'))).json();
    feed.sessions[0].title = 'Budget \ud83d talk';
    const src = URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));
    const el = await agenda(html`<civic-agenda src=${src}></civic-agenda>`);
    ($(el, '#s-local-democracy button.add') as HTMLButtonElement).click();
    await el.updateComplete;
    const ics = ($(el, '#s-local-democracy [part="calendar"] a[download]') as HTMLAnchorElement).href;
    expect(decodeURIComponent(ics)).to.contain('SUMMARY:Budget \ufffd talk');
  });
});
