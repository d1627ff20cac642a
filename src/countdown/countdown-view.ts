import { localize } from '../contract/text.js';
import type { Feed, Session } from '../contract/types.js';
import type { SessionPhase } from '../feed/select.js';
import { commonMessages } from '../i18n/common-messages.js';
import type { UiLanguage } from '../i18n/languages.js';
import { textLanguage } from '../i18n/text-language.js';
import { sessionCalendarEntry, type CalendarEntry } from '../time/calendar.js';
import { dateTimeFormat, dayKey, formatDate, formatShortDate, formatTimeWithZone, localTimeZone, resolveTimeZone, zoneCity } from '../time/format.js';

/** `checking`: live by a stored copy that the network has not confirmed yet. */
export type Phase = SessionPhase | 'cancelled' | 'postponed' | 'checking';

/** What the countdown shows of a session in a phase: everything but the remaining time, which changes every second. */
export interface CountdownView {
  heading: string;
  headingLang?: string;
  /** RFC 3339 of the start, for `<time datetime>`. */
  startAttr: string;
  /** "Saturday, November 28, 2026, 1:00 AM GMT+1, Madrid · Friday, November 27, 4:00 PM PST your time" */
  when: string;
  /** Upcoming sessions only. */
  calendar?: CalendarEntry;
  recordingUrl?: string;
}

/** The countdown's view of `session` in `phase`; built again only when one of these inputs changes (see `memo`). */
export function buildCountdownView(feed: Feed, session: Session, phase: Phase, lang: string, ui: UiLanguage, timeZone: string, compact: boolean): CountdownView {
  const start = new Date(session.start);
  return {
    heading: localize(session.title, lang, feed.languages),
    headingLang: textLanguage(session.title, lang, feed.languages),
    startAttr: start.toISOString(),
    when: startLine(start, session.timeZone ?? feed.event.timeZone, timeZone, lang, ui, compact),
    calendar: phase === 'upcoming' ? sessionCalendarEntry(feed, session, lang) : undefined,
    recordingUrl: feed.recordings?.find((r) => r.session === session.id)?.url,
  };
}

/**
 * The start in the event's zone and the one the `time-zone` attribute asks for, each date the date in
 * the zone of the time beside it: 01:00 on Saturday in Madrid is 16:00 on Friday in Los Angeles.
 * Compact: "Jun 18, 9:00 AM EDT" in the zone asked for.
 */
export function startLine(start: Date, eventZone: string, timeZone: string, lang: string, ui: UiLanguage, compact: boolean): string {
  const zone = resolveTimeZone(timeZone, eventZone);
  const comma = ui === 'ar' ? '، ' : ', ';
  if (compact) return `${formatShortDate(start, lang, zone)}${comma}${formatTimeWithZone(start, lang, zone)}`;
  const atEvent = `${formatDate(start, lang, eventZone)}${comma}${formatTimeWithZone(start, lang, eventZone)}${comma}${zoneCity(eventZone)}`;
  const atVisitor = formatTimeWithZone(start, lang, zone);
  if (atVisitor === formatTimeWithZone(start, lang, eventZone)) return atEvent;
  // "your time" also when an unknown zone fell back to the visitor's, or when the visitor is in the zone named.
  const label = zone === localTimeZone() ? commonMessages[ui].yourTime : zoneCity(zone);
  const otherDay = dayKey(start, zone) !== dayKey(start, eventZone);
  const date = otherDay ? `${dateTimeFormat(lang, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' }).format(start)}${comma}` : '';
  return `${atEvent} · ${date}${atVisitor} ${label}`;
}
