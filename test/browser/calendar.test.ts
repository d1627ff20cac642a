import { expect, fixture, html } from '@open-wc/testing';
import ICAL from 'ical.js';
import sinon from 'sinon';
import '../../src/countdown/define.js';
import type { CivicCountdown } from '../../src/countdown/civic-countdown.js';
import { settled } from '../support/feed-settled.js';
import type { Feed } from '../../src/contract/types.js';
import { googleCalendarUrl, icsFileName, icsHref, outlookCalendarUrl, sessionCalendarEntry, toIcs, type CalendarEntry } from '../../src/time/calendar.js';

let unique = 0;

/** The countdown fixture through the real store, as the widgets get it. */
async function loadFeedAt(): Promise<{ url: string; feed: Feed }> {
  const url = `/__feed/countdown.json?key=cal${unique++}-${Math.random()}&date=${Date.now()}`;
  return { url, feed: (await settled(url)).feed! };
}

const loadFeed = async () => (await loadFeedAt()).feed;

/** Parsed by ical.js, an independent RFC 5545 implementation. */
function parse(ics: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

function decodeHref(href: string): string {
  const prefix = 'data:text/calendar;charset=utf-8,';
  expect(href.startsWith(prefix)).to.equal(true);
  return decodeURIComponent(href.slice(prefix.length));
}

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('calendar files and links', () => {
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
  });

  it('writes a session as a VEVENT that ical.js reads back in UTC', async () => {
    const feed = await loadFeed();
    const session = feed.sessions.find((s) => s.id === 'local-democracy')!;
    const entry = sessionCalendarEntry(feed, session, 'fr');
    const [event, ...more] = parse(toIcs([entry], new Date('2026-06-01T10:00:00Z')));
    expect(more).to.have.length(0);
    expect(event!.uid).to.equal('local-democracy@road-to-daejeon.civic-widgets');
    expect(event!.summary).to.equal('La démocratie locale à l’ère post-COVID-19 — En route vers le Learning Forum');
    expect(event!.description).to.equal('Conseils municipaux, délibération ; co-création en ligne.\n\nhttps://meet.example.org/local-democracy');
    expect(event!.location).to.equal('https://meet.example.org/local-democracy');
    expect(event!.startDate.zone).to.equal(ICAL.Timezone.utcTimezone);
    expect(event!.endDate.zone).to.equal(ICAL.Timezone.utcTimezone);
    expect(event!.startDate.toJSDate().getTime()).to.equal(Date.parse(session.start));
    expect(event!.endDate.toJSDate().getTime()).to.equal(Date.parse(session.end));
    expect(event!.component.getFirstPropertyValue('dtstamp')!.toString()).to.equal('2026-06-01T10:00:00Z');
  });

  it('keeps the UID across two downloads, so a calendar updates the entry instead of adding one', async () => {
    const feed = await loadFeed();
    const entry = sessionCalendarEntry(feed, feed.sessions[0]!, 'en');
    const first = parse(decodeHref(icsHref([entry], new Date('2026-06-01T10:00:00Z'))))[0]!;
    // The organizer moved the session by an hour; the visitor downloads it again a week later.
    const moved = { ...sessionCalendarEntry(feed, feed.sessions[0]!, 'en'), start: new Date(entry.start.getTime() + 3_600_000) };
    const second = parse(decodeHref(icsHref([moved], new Date('2026-06-08T10:00:00Z'))))[0]!;
    expect(second.uid).to.equal(first.uid);
    expect(second.startDate.compare(first.startDate)).to.equal(1);
    expect(second.component.getFirstPropertyValue('dtstamp')!.toString()).to.not.equal(first.component.getFirstPropertyValue('dtstamp')!.toString());
  });

  it('escapes commas, semicolons, backslashes and new lines in text', () => {
    const entry: CalendarEntry = {
      uid: 'a;b,c@x',
      title: 'Budget; roads, parks \\ schools',
      description: 'Line one\nLine two\r\nLine three; with, punctuation\\\rold Mac line',
      location: 'Room 1, Town Hall; 2nd floor',
      start: new Date('2026-03-29T00:30:00Z'),
      end: new Date('2026-03-29T02:00:00Z'),
    };
    const ics = toIcs([entry], new Date(0));
    expect(ics).to.contain('SUMMARY:Budget\\; roads\\, parks \\\\ schools');
    const [event] = parse(ics);
    expect(event!.uid).to.equal(entry.uid);
    expect(event!.summary).to.equal(entry.title);
    expect(event!.description).to.equal('Line one\nLine two\nLine three; with, punctuation\\\nold Mac line');
    expect(ics.replace(/\r\n/g, '')).to.not.match(/[\r\n]/); // a bare CR or LF would end the line early
    expect(event!.location).to.equal(entry.location);
  });

  it('folds long unicode lines at 75 octets without breaking a character, and ends lines with CRLF', () => {
    const title = 'Démocratie locale 🗳️ après la COVID-19 — الديمقراطية المحلية في عصر ما بعد كوفيد — 地方民主主义 — ' + 'é'.repeat(120);
    const entry: CalendarEntry = { uid: 'long@x', title, description: '🌍'.repeat(60), start: new Date('2026-06-18T13:00:00Z'), end: new Date('2026-06-18T15:00:00Z') };
    const ics = toIcs([entry], new Date(0));
    expect(ics.endsWith('\r\n')).to.equal(true);
    const lines = ics.slice(0, -2).split('\r\n');
    expect(lines.every((line) => octets(line) <= 75)).to.equal(true);
    expect(lines.filter((line) => line.startsWith(' ')).length).to.be.greaterThan(4);
    expect(ics.replace(/\r\n/g, '')).to.not.contain('\n'); // no bare LF
    expect(ics).to.not.contain('\uFFFD');
    const [event] = parse(ics);
    expect(event!.summary).to.equal(title);
    expect(event!.description).to.equal(entry.description);
  });

  it('writes several entries in one file, for the agenda', async () => {
    const feed = await loadFeed();
    const entries = feed.sessions.map((s) => sessionCalendarEntry(feed, s, 'es'));
    const events = parse(toIcs(entries, new Date(0)));
    expect(events.map((e) => e.uid)).to.deep.equal(feed.sessions.map((s) => `${s.id}@road-to-daejeon.civic-widgets`));
    expect(new Set(events.map((e) => e.uid)).size).to.equal(entries.length);
  });

  it('links to Google Calendar and Outlook with the same UTC times and title', async () => {
    const feed = await loadFeed();
    const entry = sessionCalendarEntry(feed, feed.sessions[0]!, 'en');
    const google = new URL(googleCalendarUrl(entry));
    expect(google.origin + google.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('action')).to.equal('TEMPLATE');
    expect(google.searchParams.get('text')).to.equal(entry.title);
    expect(google.searchParams.get('dates')).to.equal('20260618T130000Z/20260618T150000Z');
    expect(google.searchParams.get('details')).to.equal(entry.description);
    const outlook = new URL(outlookCalendarUrl(entry));
    expect(outlook.hostname).to.equal('outlook.live.com');
    expect(outlook.searchParams.get('subject')).to.equal(entry.title);
    expect(Date.parse(outlook.searchParams.get('startdt')!)).to.equal(entry.start.getTime());
    expect(Date.parse(outlook.searchParams.get('enddt')!)).to.equal(entry.end.getTime());
    expect(icsFileName(entry)).to.equal('local-democracy.ics');
  });

  it('offers the three links from the countdown, the .ics one as a download ical.js can read', async () => {
    sinon.useFakeTimers({ now: Date.parse('2026-06-10T12:00:00Z'), toFake: ['Date'] });
    const { url: src, feed } = await loadFeedAt();
    const el = await fixture<CivicCountdown>(html`<civic-countdown src=${src} session="local-democracy" lang="en"></civic-countdown>`);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="calendar"] a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['Calendar file (.ics)', 'Google Calendar', 'Outlook']);
    expect(links[0]!.getAttribute('download')).to.equal('local-democracy.ics');
    const [event] = parse(decodeHref(links[0]!.href));
    expect(event!.uid).to.equal('local-democracy@road-to-daejeon.civic-widgets');
    expect(event!.startDate.toJSDate().getTime()).to.equal(Date.parse(feed.sessions[0]!.start));
    expect(links[1]!.rel).to.contain('noopener');
    await expect(el).to.be.accessible();
  });

  it('survives a lone UTF-16 surrogate in any text: the .ics link and both calendar URLs carry U+FFFD (issue 18)', () => {
    const entry: CalendarEntry = {
      uid: 'talk\ud83d@event.civic-widgets',
      title: 'Budget \ud83d talk',
      description: 'Cut mid-emoji \udc00 by an exporter',
      location: 'Room \ud83d',
      start: new Date('2026-06-18T13:00:00Z'),
      end: new Date('2026-06-18T14:00:00Z'),
    };
    const [event] = parse(decodeHref(icsHref([entry], new Date(0))));
    expect(event!.summary).to.equal('Budget \ufffd talk');
    expect(event!.description).to.equal('Cut mid-emoji \ufffd by an exporter');
    expect(new URL(googleCalendarUrl(entry)).searchParams.get('text')).to.equal('Budget \ufffd talk');
    expect(new URL(outlookCalendarUrl(entry)).searchParams.get('location')).to.equal('Room \ufffd');
  });
});
