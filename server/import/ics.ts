// iCalendar (.ics): each VEVENT becomes a session; recurring events are expanded in a bounded window.
// ical.js reads the text (folding, CRLF/LF, escapes, RRULE/RDATE/EXDATE/RECURRENCE-ID); the zone of
// each wall time is ours to decide, so that a known IANA TZID wins over a wrong VTIMEZONE.
import ICAL from 'ical.js';
import { shortHash, slugId, stableId, uniqueIds } from './ids.js';
import { plainText } from './text.js';
import { formatInZone, ianaZone, wallTimeToInstant } from './time.js';
import { ImportError, type ImportOptions, type ImportResult, type RawFeed, type RawSession } from './types.js';

const YEAR = 365 * 24 * 3600_000;
/** Per recurring event: instances kept, and rule steps walked (a FREQ=MINUTELY rule from 1970 must stop). */
export const DEFAULT_MAX_INSTANCES = 1000;
const MAX_STEPS = 200_000;

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Event = InstanceType<typeof ICAL.Event>;
/**
 * Without `exceptions`, ical.js relates every RECURRENCE-ID of the calendar to each new event,
 * whatever its UID (and scans the whole calendar each time: quadratic). We relate them by UID.
 */
const NO_SCAN = { exceptions: [], strictExceptions: true };

export function importIcs(input: string, options: ImportOptions): ImportResult {
  const source = options.source;
  const head = input.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (!/^BEGIN:VCALENDAR/i.test(head)) throw new ImportError(`${source}: not an iCalendar file (expected "BEGIN:VCALENDAR" at the start)`);
  if (!/END:VCALENDAR\s*$/i.test(input.slice(-4096))) throw new ImportError(`${source}: the iCalendar file is truncated (no "END:VCALENDAR" at the end)`);
  let root: Component;
  let vevents: Component[];
  const warnings: string[] = [];
  input = dateOnlyValues(input, source, warnings);
  try {
    const jcal = ICAL.parse(input) as unknown[];
    const [name, properties, children] = (Array.isArray(jcal[0]) ? jcal[0] : jcal) as [string, unknown[], unknown[][]];
    // Each VEVENT stands alone: with the calendar as parent, ical.js looks each TZID up through
    // every sibling component, which is quadratic in the number of events.
    root = new ICAL.Component([name, properties, children.filter((child) => child[0] !== 'vevent')]);
    vevents = children.filter((child) => child[0] === 'vevent').map((child) => new ICAL.Component(child));
  } catch (error) {
    throw new ImportError(`${source}: not a readable iCalendar file${lineOf(input, (error as Error).message)}: ${(error as Error).message}`);
  }
  const now = options.now ?? Date.now();
  const windowStart = options.windowStart ?? now - YEAR;
  const windowEnd = options.windowEnd ?? now + 2 * YEAR;
  const maxInstances = options.maxInstances ?? DEFAULT_MAX_INSTANCES;

  const calendarZoneName = stringValue(root.getFirstPropertyValue('x-wr-timezone'));
  const calendarZone = ianaZone(calendarZoneName);
  if (calendarZoneName && !calendarZone) warnings.push(`${source}: X-WR-TIMEZONE "${calendarZoneName}" is not a time zone this runtime knows; ignored`);
  const floatingZone = options.timeZone ?? calendarZone;
  const vtimezones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    const tzid = stringValue(vtimezone.getFirstPropertyValue('tzid'));
    if (tzid) {
      try {
        vtimezones.set(tzid, new ICAL.Timezone(vtimezone));
      } catch {
        // An empty or broken VTIMEZONE: the TZID's name may still be a known zone.
      }
    }
  }
  const zoneWarned = new Set<string>();
  const usedZones = new Map<string, number>();

  /** The instant of a wall time, its zone (IANA), or undefined when it cannot be placed. */
  const place = (time: Time, tzid: string | undefined, path: string): { instant: number; zone?: string } => {
    const wall = { year: time.year, month: time.month, day: time.day, hour: time.isDate ? 0 : time.hour, minute: time.isDate ? 0 : time.minute, second: time.isDate ? 0 : time.second };
    if (!time.isDate && time.zone === ICAL.Timezone.utcTimezone) return { instant: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) };
    // A floating all-day date is the normal case, not a guess: it is a day wherever the event is.
    const zone = tzid ? ianaZone(tzid) : (floatingZone ?? (time.isDate ? 'UTC' : undefined));
    if (zone) return { instant: wallTimeToInstant(wall, zone), zone };
    const vtimezone = tzid ? vtimezones.get(tzid) : undefined;
    if (vtimezone) {
      if (!zoneWarned.has(tzid!)) {
        zoneWarned.add(tzid!);
        warnings.push(`${source}: ${path}: TZID "${tzid}" is not an IANA or Windows zone name; used the file's VTIMEZONE offsets`);
      }
      const local = ICAL.Time.fromData({ ...wall, isDate: false });
      return { instant: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - vtimezone.utcOffset(local) * 1000 };
    }
    const key = tzid ?? '(floating)';
    if (!zoneWarned.has(key)) {
      zoneWarned.add(key);
      warnings.push(
        tzid
          ? `${source}: ${path}: TZID "${tzid}" is unknown and has no VTIMEZONE; its times were read as UTC`
          : `${source}: ${path}: floating times (no TZID, no X-WR-TIMEZONE) were read as UTC; pass --time-zone to place them`,
      );
    }
    return { instant: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second), zone: tzid ? undefined : 'UTC' };
  };

  const components = vevents;
  if (components.length === 0) warnings.push(`${source}: the calendar has no VEVENT`);
  // Overrides (RECURRENCE-ID) join the recurring master with their UID; every other VEVENT stands
  // alone, so that duplicate UIDs of different events never merge.
  const masters = new Map<string, Event>();
  const events: { event: Event; path: string }[] = [];
  const uidCount = new Map<string, number>();
  components.forEach((component) => {
    const uid = stringValue(component.getFirstPropertyValue('uid')) ?? '';
    if (!component.hasProperty('recurrence-id')) uidCount.set(uid, (uidCount.get(uid) ?? 0) + 1);
  });
  components.forEach((component, index) => {
    const path = `VEVENT[${index}]`;
    try {
      const uid = stringValue(component.getFirstPropertyValue('uid')) ?? '';
      if (!component.hasProperty('dtstart')) {
        warnings.push(`${source}: ${path}${uid ? ` (UID ${uid})` : ''}: no DTSTART; dropped`);
        return;
      }
      if (component.hasProperty('recurrence-id')) {
        const master = masters.get(uid);
        if (master) master.relateException(component);
        else events.push({ event: new ICAL.Event(component, NO_SCAN), path });
        return;
      }
      const event = new ICAL.Event(component, NO_SCAN);
      if (event.isRecurring() && !masters.has(uid)) masters.set(uid, event);
      events.push({ event, path });
    } catch (error) {
      warnings.push(`${source}: ${path}: could not be read (${(error as Error).message}); dropped`);
    }
  });
  // An override may come before its master in the file.
  for (let i = events.length - 1; i >= 0; i--) {
    const { event } = events[i]!;
    const master = event.isRecurrenceException() ? masters.get(event.uid) : undefined;
    if (master) {
      master.relateException(event);
      events.splice(i, 1);
    }
  }

  const unique = uniqueIds();
  const sessions: RawSession[] = [];
  let outside = 0;
  const toSession = (item: Event, start: Time, end: Time, id: string, path: string): RawSession | undefined => {
    const startTzid = paramOf(item.component, 'dtstart');
    const from = place(start, startTzid, path);
    const to = place(end, paramOf(item.component, 'dtend') ?? startTzid, path);
    const zone = from.zone ?? options.timeZone ?? calendarZone ?? 'UTC';
    usedZones.set(zone, (usedZones.get(zone) ?? 0) + 1);
    let endInstant = to.instant;
    if (endInstant < from.instant) {
      warnings.push(`${source}: ${path} (UID ${item.uid}): ends before it starts; kept with its end set to its start`);
      endInstant = from.instant;
    }
    const title = plainText(item.summary);
    const session: RawSession = {
      id,
      title: title ?? '(untitled)',
      start: formatInZone(from.instant, zone),
      end: formatInZone(endInstant, zone),
      timeZone: zone,
    };
    if (!title) warnings.push(`${source}: ${path} (UID ${item.uid}): no SUMMARY; titled "(untitled)"`);
    const description = plainText(item.description);
    if (description) session.description = description;
    const location = plainText(item.location);
    if (location) session.location = location;
    const status = stringValue(item.component.getFirstPropertyValue('status'))?.toUpperCase();
    if (status === 'CANCELLED') session.status = 'cancelled';
    return session;
  };

  for (const { event, path } of events) {
    try {
      const uid = event.uid || `${path}-${shortHash(event.summary ?? '')}`;
      if (!event.isRecurring()) {
        if (!event.startDate) throw new Error('no DTSTART');
        const key = (uidCount.get(event.uid ?? '') ?? 0) > 1 || event.isRecurrenceException() ? `${uid}_${compact(event.startDate)}` : uid;
        const session = toSession(event, event.startDate, event.endDate ?? event.startDate, unique(stableId(key)), path);
        if (session) sessions.push(session);
        continue;
      }
      const iterator = event.iterator();
      let kept = 0;
      let steps = 0;
      for (let step = iterator.next(); step; step = iterator.next()) {
        // An RDATE;VALUE=PERIOD instance comes as a period: its start is the instance.
        const next = 'start' in step ? (step as unknown as { start: Time }).start : step;
        if (++steps > MAX_STEPS) {
          warnings.push(`${source}: ${path} (UID ${event.uid}): the recurrence rule was walked ${MAX_STEPS} steps without leaving the window; stopped there`);
          break;
        }
        const occurrence = place(next, paramOf(event.component, 'dtstart'), path).instant;
        if (occurrence > windowEnd) break;
        const details = event.getOccurrenceDetails(next);
        const sessionEnd = place(details.endDate, paramOf(details.item.component, 'dtend') ?? paramOf(details.item.component, 'dtstart'), path).instant;
        if (sessionEnd < windowStart) {
          outside++;
          continue;
        }
        if (++kept > maxInstances) {
          warnings.push(`${source}: ${path} (UID ${event.uid}): more than ${maxInstances} instances in the window; kept the first ${maxInstances}`);
          break;
        }
        const session = toSession(details.item, details.startDate, details.endDate, unique(stableId(`${uid}_${compact(next)}`)), path);
        if (session) sessions.push(session);
      }
    } catch (error) {
      warnings.push(`${source}: ${path} (UID ${event.uid}): could not be read (${(error as Error).message}); dropped`);
    }
  }
  if (outside) {
    warnings.push(`${source}: ${outside} instances of recurring events before ${new Date(windowStart).toISOString().slice(0, 10)} were left out (the window is 1 year back, 2 years ahead by default)`);
  }

  const mostUsed = [...usedZones].sort((a, b) => b[1] - a[1])[0]?.[0];
  const eventZone = options.timeZone ?? calendarZone ?? mostUsed ?? 'UTC';
  for (const session of sessions) if (session.timeZone === eventZone) delete session.timeZone;
  const name = plainText(root.getFirstPropertyValue('x-wr-calname'));
  const feed: RawFeed = {
    version: 1,
    ...(options.lang ? { languages: [options.lang] } : {}),
    event: { id: options.eventId ?? (name ? slugId(name) : 'calendar'), title: name ?? 'Calendar', timeZone: eventZone },
    sessions: sessions.sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
  };
  const description = plainText(root.getFirstPropertyValue('x-wr-caldesc'));
  if (description) feed.event.description = description;
  return { feed, warnings };
}

/**
 * `DTSTART:20240215` (a date without `VALUE=DATE`) is common in exports and ical.js reads it as a
 * broken date-time: mark such values as dates before parsing.
 */
function dateOnlyValues(input: string, source: string, warnings: string[]): string {
  let fixed = 0;
  const output = input.replace(/^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)((?:;[^:\r\n]*)?):(\d{8})(\r?)$/gim, (whole, name: string, params: string, value: string, cr: string) => {
    if (/VALUE=/i.test(params)) return whole;
    fixed++;
    return `${name}${params};VALUE=DATE:${value}${cr}`;
  });
  if (fixed) warnings.push(`${source}: ${fixed} date values without VALUE=DATE (such as DTSTART:20240215) were read as all-day dates`);
  return output;
}

/** ` (line 152)` when ical.js quotes the offending line in its message. */
function lineOf(input: string, message: string): string {
  const quoted = /'([^']{6,})'/.exec(message)?.[1];
  const index = quoted ? input.indexOf(quoted) : -1;
  return index < 0 ? '' : ` (line ${input.slice(0, index).split('\n').length})`;
}

function stringValue(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function paramOf(component: Component, property: string): string | undefined {
  const value = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
}

/** `20260105T1000` (wall time of the instance as written): readable, stable, valid in an id. */
function compact(time: Time): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${time.year}${pad(time.month)}${pad(time.day)}`;
  return time.isDate ? date : `${date}T${pad(time.hour)}${pad(time.minute)}${time.zone === ICAL.Timezone.utcTimezone ? 'Z' : ''}`;
}
