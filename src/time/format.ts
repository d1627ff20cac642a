import { isKnownTimeZone } from '../contract/time-zone.js';
import { intl } from '../i18n/intl.js';

// Date and time formatting through Intl only: no zone data ships with the library.

export function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return intl(Intl.DateTimeFormat, lang, options);
}

// Both run whenever a widget renders (a countdown or a poll every second): they reuse cached formatters.

/** The visitor's zone, as the browser reports it. */
export function localTimeZone(): string {
  return dateTimeFormat('en', {}).resolvedOptions().timeZone;
}

export { isKnownTimeZone };

const warnedZones = new Set<string>();

/**
 * The zone a widget shows times in, from its `time-zone` attribute: `local` (default, the visitor's),
 * `event` (the session's or event's zone) or an IANA name. An unknown name falls back to local.
 */
export function resolveTimeZone(setting: string | null | undefined, eventZone: string): string {
  if (!setting || setting === 'local') return localTimeZone();
  if (setting === 'event') return eventZone;
  if (isKnownTimeZone(setting)) return setting;
  // Widgets resolve their zone on every render (a countdown every second): say it once.
  if (!warnedZones.has(setting)) {
    warnedZones.add(setting);
    console.warn(`[civic-widgets] time-zone="${setting}" is not a known IANA time zone; time-zone accepts "local", "event" or an IANA name such as "Europe/Madrid". Using the visitor's.`);
  }
  return localTimeZone();
}

/** "15:00" (or "3:00 PM", as the language has it). */
export function formatTime(date: Date, lang: string, timeZone: string): string {
  return dateTimeFormat(lang, { timeZone, hour: 'numeric', minute: '2-digit' }).format(date);
}

/** "Thursday 18 June 2026" in the language's order. */
export function formatDate(date: Date, lang: string, timeZone: string): string {
  return dateTimeFormat(lang, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "18 Jun" */
export function formatShortDate(date: Date, lang: string, timeZone: string): string {
  return dateTimeFormat(lang, { timeZone, day: 'numeric', month: 'short' }).format(date);
}

/** The zone's short name at that instant: "CEST", "GMT+2", "EST"; differs across a DST change. */
export function zoneName(date: Date, lang: string, timeZone: string): string {
  const parts = dateTimeFormat(lang, { timeZone, timeZoneName: 'short' }).formatToParts(date);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** "Madrid" for "Europe/Madrid", "Buenos Aires" for "America/Argentina/Buenos_Aires". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}

/** "15:00 CEST": a time never stands without its zone. */
export function formatTimeWithZone(date: Date, lang: string, timeZone: string): string {
  return `${formatTime(date, lang, timeZone)} ${zoneName(date, lang, timeZone)}`;
}

/** The calendar day of `date` in `timeZone`, as "2026-06-18", for grouping by day. */
export function dayKey(date: Date, timeZone: string): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Minutes east of UTC of `timeZone` at `date` (120 for CEST). */
export function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

