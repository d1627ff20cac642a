import { isKnownTimeZone } from '../../src/contract/time-zone.js';
import { WINDOWS_ZONES } from './windows-zones.js';

const MINUTE = 60_000;
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

const QUARTER_HOUR = 15 * MINUTE;
const offsets = new Map<string, number>();

/**
 * The zone's UTC offset in minutes at `instant` (Intl only: the runtime's tz database). Cached per
 * quarter hour: zones change their offset on quarter-hour boundaries, and a calendar asks the same
 * few zones about the same hours thousands of times.
 */
export function zoneOffset(zone: string, instant: number): number {
  const key = `${zone} ${Math.floor(instant / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 100_000) offsets.clear();
    offset = askOffset(zone, instant);
    offsets.set(key, offset);
  }
  return offset;
}

function askOffset(zone: string, instant: number): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /([+-])(\d{1,2})(?::?(\d{2}))?/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : 0;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The instant at which clocks in `zone` show `wall` (in a DST gap, the moment after the gap). */
export function wallTimeToInstant(wall: WallTime, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = zoneOffset(zone, asUtc - zoneOffset(zone, asUtc) * MINUTE);
  return asUtc - first * MINUTE;
}

/** RFC 3339 with the given offset: `2026-06-18T15:00:00+02:00`. */
export function formatWithOffset(instant: number, offsetMinutes: number): string {
  const local = new Date(instant + offsetMinutes * MINUTE).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** RFC 3339 in the zone's own offset at that instant. */
export function formatInZone(instant: number, zone: string): string {
  return formatWithOffset(instant, zoneOffset(zone, instant));
}

/** The offset written at the end of an ISO date-time, in minutes (`Z` → 0); undefined when absent. */
export function offsetOf(value: string): number | undefined {
  const match = /(Z|z|([+-])(\d{2}):?(\d{2}))$/.exec(value.trim());
  if (!match || !/T\d{2}:\d{2}/.test(value)) return undefined;
  if (!match[2]) return 0;
  return (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4]));
}

/** An IANA zone for a fixed offset when no named zone fits (`+01:00` → `Etc/GMT-1`), else UTC. */
export function zoneForOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  if (offsetMinutes % 60 !== 0) return 'UTC';
  const hours = -offsetMinutes / 60;
  const zone = `Etc/GMT${hours > 0 ? '+' : ''}${hours}`;
  // Etc/GMT-14 … Etc/GMT+12 exist; an offset beyond them is not a place.
  return isKnownTimeZone(zone) ? zone : 'UTC';
}

/** Canonical IANA name (`US/Eastern` → `America/New_York`) of a zone this runtime knows. */
export function canonicalZone(zone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
}

/**
 * An IANA zone for a TZID as calendars write it: an IANA name or alias (`Europe/Paris`,
 * `US/Eastern`), a Windows name (`W. Europe Standard Time`), an Outlook display name
 * (`(UTC-05:00) Eastern Time (US & Canada)`), or a vendor prefix (`/mozilla.org/…/Europe/Berlin`).
 * Undefined when none of these applies.
 */
export function ianaZone(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  if (!resolved.has(tzid)) resolved.set(tzid, resolveZone(tzid));
  return resolved.get(tzid);
}

const resolved = new Map<string, string | undefined>();

function resolveZone(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name) && isKnownTimeZone(name)) return canonicalZone(name);
  const windows = WINDOWS_ZONES[name] ?? WINDOWS_ZONES[name.replace(/^\((UTC|GMT)[^)]*\)\s*/, '')];
  if (windows) return windows;
  const segments = name.split('/').filter(Boolean);
  for (let take = Math.min(3, segments.length); take >= 2; take--) {
    const tail = segments.slice(-take).join('/');
    if (isKnownTimeZone(tail)) return canonicalZone(tail);
  }
  return undefined;
}
