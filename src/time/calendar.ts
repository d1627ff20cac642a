import { localize } from '../contract/text.js';
import type { Feed, Session } from '../contract/types.js';
import { encodeComponent } from '../i18n/well-formed.js';

/** One calendar entry, in the terms of every calendar format. */
export interface CalendarEntry {
  /** Stable across downloads, so that a second download updates the entry instead of adding one. */
  uid: string;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  start: Date;
  end: Date;
}

export function sessionCalendarEntry(feed: Feed, session: Session, lang: string): CalendarEntry {
  const languages = feed.languages ?? [];
  const title = localize(session.title, lang, languages);
  const eventTitle = localize(feed.event.title, lang, languages);
  const description = [localize(session.description, lang, languages), session.joinUrl].filter(Boolean).join('\n\n');
  return {
    uid: `${session.id}@${feed.event.id}.civic-widgets`,
    title: eventTitle && eventTitle !== title ? `${title} — ${eventTitle}` : title,
    description: description || undefined,
    location: localize(session.location, lang, languages) || session.joinUrl,
    url: session.joinUrl ?? feed.event.url,
    start: new Date(session.start),
    end: new Date(session.end),
  };
}

/** "20260618T130000Z" */
function icsDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n?|\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and a space. */
function fold(line: string): string {
  const bytes = new TextEncoder();
  const out: string[] = [];
  let current = '';
  for (const char of line) {
    if (bytes.encode(current + char).length > (out.length ? 74 : 75)) {
      out.push(current);
      current = char;
    } else {
      current += char;
    }
  }
  out.push(current);
  return out.join('\r\n ');
}

/** An iCalendar file with the entries, times in UTC. `stamp` is the DTSTAMP (when it was made). */
export function toIcs(entries: readonly CalendarEntry[], stamp: Date): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//civic-widgets//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const entry of entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(entry.uid)}`,
      `DTSTAMP:${icsDate(stamp)}`,
      `DTSTART:${icsDate(entry.start)}`,
      `DTEND:${icsDate(entry.end)}`,
      `SUMMARY:${icsText(entry.title)}`,
    );
    if (entry.description) lines.push(`DESCRIPTION:${icsText(entry.description)}`);
    if (entry.location) lines.push(`LOCATION:${icsText(entry.location)}`);
    if (entry.url) lines.push(`URL:${entry.url}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** A `data:` URL for an `<a download>`; works under a strict CSP, unlike a script-made blob click. */
export function icsHref(entries: readonly CalendarEntry[], stamp: Date): string {
  return `data:text/calendar;charset=utf-8,${encodeComponent(toIcs(entries, stamp))}`;
}

export function googleCalendarUrl(entry: CalendarEntry): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: entry.title,
    dates: `${icsDate(entry.start)}/${icsDate(entry.end)}`,
  });
  if (entry.description) params.set('details', entry.description);
  if (entry.location) params.set('location', entry.location);
  return `https://calendar.google.com/calendar/render?${params}`;
}

export function outlookCalendarUrl(entry: CalendarEntry): string {
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: entry.title,
    startdt: entry.start.toISOString(),
    enddt: entry.end.toISOString(),
  });
  if (entry.description) params.set('body', entry.description);
  if (entry.location) params.set('location', entry.location);
  return `https://outlook.live.com/calendar/0/action/compose?${params}`;
}

/** A file name for the download: "local-democracy.ics". */
export function icsFileName(entry: CalendarEntry): string {
  const slug = entry.uid.split('@')[0]!.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${slug || 'event'}.ics`;
}
