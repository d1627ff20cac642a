// iCalendar → feed v1 on a fixture written for this project (test/fixtures/import/calendar.ics),
// modelled on Google, Outlook and Exchange exports, with every pitfall of issue 14 in it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importText } from '../../server/import/index.js';
import { readSource } from '../../server/import/read-source.js';
import { validateFeed } from '../../src/contract/validate.js';
import { ROOT } from './support.js';

const FIXTURE = join(ROOT, 'test/fixtures/import/calendar.ics');
const NOW = Date.parse('2026-05-01T00:00:00Z');
const options = { source: 'calendar.ics', now: NOW };

async function calendar() {
  const read = await readSource(FIXTURE);
  assert.ok(!read.notModified);
  return importText(read.text, 'auto', options);
}
const titled = <T extends { title: string }>(sessions: T[], start: string): T[] => sessions.filter((s) => s.title.startsWith(start));

describe('iCalendar import', () => {
  it('is detected and valid, named after X-WR-CALNAME, in the zone of X-WR-TIMEZONE', async () => {
    const { feed, format } = await calendar();
    assert.equal(format, 'ics');
    const result = validateFeed(feed, 'http://localhost/feeds/x.json');
    assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
    assert.deepEqual(feed.event, { id: 'network-calendar', title: 'Network calendar', timeZone: 'Europe/Madrid' });
  });

  it('unfolds lines (even inside a UTF-8 character) and unescapes text, with CRLF or LF', async () => {
    const { feed } = await calendar();
    const [opening] = titled(feed.sessions, 'Opening');
    assert.equal(opening!.title, 'Opening, welcome; coffee');
    assert.equal(opening!.location, 'Sala Plenària, Ajuntament');
    assert.equal(opening!.description, 'First line\nSecond line with a backslash \\ kept');
    const lf = importText(readFileSync(FIXTURE, 'latin1').replace(/\r\n/g, '\n'), 'ics', options);
    assert.deepEqual(lf.feed.sessions.map((s) => [s.id, s.start, s.end]), (await calendar()).feed.sessions.map((s) => [s.id, s.start, s.end]));
  });

  it('places each TZID: a known IANA name over a wrong VTIMEZONE, Windows and Outlook names, a VTIMEZONE-only name', async () => {
    const { feed, warnings } = await calendar();
    const at = (title: string) => titled(feed.sessions, title)[0]!;
    // The fixture's VTIMEZONE says +09:00/+10:00 for Adelaide; the real zone is +09:30 in June.
    assert.equal(at('Adelaide').start, '2026-06-18T09:00:00+09:30');
    assert.equal(at('Adelaide').timeZone, 'Australia/Adelaide');
    assert.equal(at('Windows zone').start, '2026-06-18T14:00:00+02:00');
    assert.equal(at('Windows zone').timeZone, 'Europe/Berlin');
    assert.equal(at('Outlook').start, '2026-06-18T09:00:00-04:00');
    assert.equal(at('Outlook').timeZone, 'America/New_York');
    assert.equal(Date.parse(at('Unknown TZID defined').start), Date.parse('2026-06-18T12:00:00+03:00'));
    assert.ok(warnings.some((w) => /TZID "Custom Zone" is not an IANA or Windows zone name; used the file's VTIMEZONE/.test(w)));
    assert.equal(Date.parse(at('Unknown zone without').start), Date.parse('2026-06-19T12:00:00Z'));
    assert.ok(warnings.some((w) => /VEVENT\[15\]: TZID "Mars\/Olympus" is unknown and has no VTIMEZONE; its times were read as UTC/.test(w)));
  });

  it('reads floating times in X-WR-TIMEZONE, or --time-zone, and all-day dates, and DURATION', async () => {
    const { feed } = await calendar();
    assert.equal(titled(feed.sessions, 'Floating')[0]!.start, '2026-06-19T17:00:00+02:00');
    const allDay = titled(feed.sessions, 'Field visit')[0]!;
    assert.deepEqual([allDay.start, allDay.end], ['2026-06-20T00:00:00+02:00', '2026-06-21T00:00:00+02:00']);
    const duration = titled(feed.sessions, 'Duration')[0]!;
    assert.deepEqual([duration.start, duration.end, duration.status], ['2026-06-19T10:00:00+02:00', '2026-06-19T11:30:00+02:00', 'cancelled']);
    const lisbon = importText(readFileSync(FIXTURE, 'utf8').replace('X-WR-TIMEZONE:Europe/Madrid\r\n', ''), 'ics', { ...options, timeZone: 'Europe/Lisbon' });
    assert.equal(titled(lisbon.feed.sessions, 'Floating')[0]!.start, '2026-06-19T17:00:00+01:00');
    const utc = importText(readFileSync(FIXTURE, 'utf8').replace('X-WR-TIMEZONE:Europe/Madrid\r\n', ''), 'ics', options);
    assert.ok(utc.warnings.some((w) => /floating times .* were read as UTC; pass --time-zone/.test(w)));
  });

  it('expands RRULE (INTERVAL, BYDAY, COUNT, UNTIL) with EXDATE, RDATE and a moved instance, with stable ids', async () => {
    const { feed } = await calendar();
    const circle = titled(feed.sessions, 'Peer learning circle');
    assert.deepEqual(
      circle.map((s) => s.start),
      ['2026-06-02T10:00:00+02:00', '2026-06-16T15:00:00+02:00', '2026-06-18T10:00:00+02:00', '2026-06-30T10:00:00+02:00', '2026-07-01T16:00:00+02:00', '2026-07-02T10:00:00+02:00'],
    );
    assert.equal(circle[1]!.title, 'Peer learning circle (moved to the afternoon)');
    // The moved instance keeps the id of the instance it replaces (UID + original start).
    assert.match(circle[1]!.id, /^series-example\.org_20260616T1000-/);
    assert.equal(new Set(circle.map((s) => s.id)).size, 6);
    assert.deepEqual(titled(feed.sessions, 'Morning briefing').map((s) => s.start.slice(0, 10)), ['2026-07-03', '2026-07-04', '2026-07-05']);
    assert.deepEqual((await calendar()).feed.sessions.map((s) => s.id), feed.sessions.map((s) => s.id));
  });

  it('never merges different events that share a UID', async () => {
    const { feed } = await calendar();
    const workshops = titled(feed.sessions, 'Workshop');
    assert.deepEqual(workshops.map((s) => s.title.slice(0, 10)), ['Workshop A', 'Workshop B', 'Workshop C']);
    assert.equal(new Set(workshops.map((s) => s.id)).size, 3);
  });

  it('keeps an event that ends before it starts, with its end at its start, and warns', async () => {
    const { feed, warnings } = await calendar();
    const backwards = titled(feed.sessions, 'Ends before')[0]!;
    assert.equal(backwards.end, backwards.start);
    assert.ok(warnings.some((w) => /VEVENT\[14\] \(UID backwards@example\.org\): ends before it starts; kept/.test(w)));
  });

  it('bounds 10,000 recurrences by the window and a maximum count, with a warning', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:many@example.org',
      'DTSTART:20260101T090000Z',
      'DTEND:20260101T100000Z',
      'RRULE:FREQ=HOURLY;COUNT=10000',
      'SUMMARY:Hourly',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:daily@example.org',
      'DTSTART:20000101T090000Z',
      'DTEND:20000101T100000Z',
      'RRULE:FREQ=DAILY',
      'SUMMARY:Daily since 2000',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { feed, warnings } = importText(ics, 'ics', { source: 'many.ics', now: NOW, maxInstances: 500 });
    assert.equal(titled(feed.sessions, 'Hourly').length, 500);
    assert.ok(warnings.some((w) => /UID many@example\.org\): more than 500 instances in the window; kept the first 500/.test(w)));
    const daily = titled(feed.sessions, 'Daily');
    assert.equal(daily.length, 500);
    assert.ok(Date.parse(daily[0]!.start) >= NOW - 366 * 86_400_000, 'nothing before the window');
    assert.ok(warnings.some((w) => /instances of recurring events before 2025-05-01 were left out/.test(w)));
    const narrow = importText(ics, 'ics', { source: 'many.ics', now: NOW, windowStart: Date.parse('2026-01-01'), windowEnd: Date.parse('2026-01-03') });
    assert.equal(titled(narrow.feed.sessions, 'Hourly').length, 40, 'Jan 1 09:00 to Jan 3 00:00, both included');
  });

  it('refuses truncated and non-calendar input with one clear error', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    assert.throws(() => importText(text.slice(0, 2000), 'ics', options), /^ImportError: calendar\.ics: the iCalendar file is truncated \(no "END:VCALENDAR" at the end\)$/);
    assert.throws(() => importText('hello', 'ics', options), /calendar\.ics: not an iCalendar file/);
    assert.throws(
      () => importText('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID="broken:20260101T100000"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'ics', options),
      /calendar\.ics: not a readable iCalendar file \(line 3\): /,
    );
  });
});
