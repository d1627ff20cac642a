// What the frab/pretalx schedule importers share: both forms (JSON v1/v2 and schedule.xml) are read
// into `Talk`s, then turned into one feed here, so that time zones, ids, speakers and tracks are
// handled once.
import { isKnownTimeZone } from '../../src/contract/time-zone.js';
import { slugId, stableId, uniqueIds } from './ids.js';
import { plainText } from './text.js';
import { canonicalZone, formatInZone, formatWithOffset, offsetOf, zoneForOffset, zoneOffset } from './time.js';
import type { ImportOptions, RawFeed, RawSession } from './types.js';
import { ImportError } from './types.js';

export interface Person {
  key?: string | number;
  name: string;
  photo?: string;
  url?: string;
}

export interface Talk {
  /** Where the talk is in the input, for messages (`schedule.conference.days[0].rooms.Saal 1[3]`). */
  path: string;
  key?: string | number;
  title: unknown;
  subtitle?: unknown;
  abstract?: unknown;
  description?: unknown;
  /** Start as written (`2024-12-27T10:30:00+01:00`), with its offset. */
  start: string;
  /** Local start "HH:MM" when the input also gives it (frab), to tell a UTC `date` from a wrong zone. */
  localStart?: string;
  durationMinutes?: number;
  end?: string;
  room?: string;
  track?: string;
  language?: string;
  persons: Person[];
}

export interface Conference {
  acronym?: string;
  title?: string;
  timeZone?: string;
  url?: string;
  languages?: string[];
  trackColors?: Map<string, string>;
}

const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** "0:30", "01:30", "26:00" (hours may exceed 24), "00:30:00" → minutes; undefined when unreadable. */
export function durationMinutes(value: unknown): number | undefined {
  const match = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(String(value ?? '').trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) + Number(match[3] ?? 0) / 60 : undefined;
}

export function buildScheduleFeed(conference: Conference, talks: Talk[], options: ImportOptions): { feed: RawFeed; warnings: string[] } {
  const warnings: string[] = [];
  const source = options.source;
  const named = options.timeZone ?? conference.timeZone;
  const zone = named && isKnownTimeZone(named) ? canonicalZone(named) : undefined;
  if (named && !zone) warnings.push(`${source}: time zone "${named}" is unknown; using the offsets on the dates`);

  const unique = uniqueIds();
  const speakers = new Map<string, NonNullable<RawFeed['speakers']>[number]>();
  const tracks = new Map<string, { id: string; title: string; color?: string }>();
  const sessions: RawSession[] = [];
  let disagreeing: { offset: number; path: string } | undefined;
  const languages = new Set(conference.languages?.filter((tag) => LANGUAGE.test(tag)));

  for (const talk of talks) {
    const instant = Date.parse(talk.start);
    const ownOffset = offsetOf(talk.start);
    if (!Number.isFinite(instant) || ownOffset === undefined) {
      throw new ImportError(`${source}: ${talk.path}.date: expected a date-time with an offset, got ${JSON.stringify(talk.start)}`);
    }
    // Trust the offset on each date; the named zone only when it agrees with it (or the date is UTC
    // and the local start matches the zone, as in wafer's schedule.xml).
    const zoneAgrees = zone !== undefined && (zoneOffset(zone, instant) === ownOffset || (talk.localStart !== undefined && formatInZone(instant, zone).slice(11, 16) === talk.localStart.padStart(5, '0')));
    if (!zoneAgrees && !disagreeing) disagreeing = { offset: ownOffset, path: talk.path };
    const write = (at: number): string => (zoneAgrees ? formatInZone(at, zone!) : formatWithOffset(at, ownOffset));

    let endInstant = talk.end !== undefined ? Date.parse(talk.end) : instant + (talk.durationMinutes ?? NaN) * 60_000;
    if (!Number.isFinite(endInstant)) {
      throw new ImportError(`${source}: ${talk.path}.${talk.end !== undefined ? 'end' : 'duration'}: expected ${talk.end !== undefined ? 'a date-time' : '"H:MM"'}, got ${JSON.stringify(talk.end ?? null)}`);
    }
    if (endInstant < instant) {
      warnings.push(`${source}: ${talk.path}: ends before it starts (${talk.end}); kept with its end set to its start`);
      endInstant = instant;
    }
    const titleText = plainText(talk.title);
    if (!titleText) throw new ImportError(`${source}: ${talk.path}.title: expected a non-empty title`);
    const subtitle = plainText(talk.subtitle);
    const session: RawSession = {
      // guid, else the id (`s-2814`: a bare number reads badly in a URL hash), else start and title.
      id: unique(stableId(talk.key ?? `${talk.start}-${titleText}`, talk.key === undefined || /^\d+$/.test(String(talk.key)) ? 's-' : '')),
      title: subtitle ? `${titleText}: ${subtitle}` : titleText,
      start: write(instant),
      end: write(endInstant),
    };
    const description = plainText(talk.abstract) ?? plainText(talk.description);
    if (description) session.description = description;
    if (talk.room?.trim()) session.location = talk.room.trim();
    if (talk.track?.trim()) {
      const title = talk.track.trim();
      const id = slugId(title, 'track-');
      if (!tracks.has(id)) tracks.set(id, { id, title, ...(conference.trackColors?.get(title) ? { color: conference.trackColors.get(title) } : {}) });
      session.track = id;
    }
    if (talk.language && LANGUAGE.test(talk.language)) {
      session.languages = [talk.language];
      languages.add(talk.language);
    }
    const ids: string[] = [];
    for (const person of talk.persons) {
      if (!person.name.trim()) continue;
      const id = stableId(person.key ?? person.name, 'p-');
      if (!speakers.has(id)) {
        speakers.set(id, { id, name: person.name.trim(), ...(person.photo ? { photo: person.photo } : {}), ...(person.url ? { url: person.url } : {}) });
      }
      if (!ids.includes(id)) ids.push(id);
    }
    if (ids.length) session.speakers = ids;
    sessions.push(session);
  }

  let timeZone = zone;
  if (disagreeing && !options.timeZone) {
    timeZone = zoneForOffset(disagreeing.offset);
    warnings.push(
      `${source}: ${disagreeing.path}.date: its offset ${formatWithOffset(0, disagreeing.offset).slice(19)} disagrees with time_zone_name ${JSON.stringify(conference.timeZone ?? null)}; ` +
        `kept the offsets on the dates and named the event's zone ${timeZone} (pass --time-zone to name it)`,
    );
  }
  const feed: RawFeed = {
    version: 1,
    ...(languages.size ? { languages: [...languages] } : options.lang ? { languages: [options.lang] } : {}),
    event: {
      id: options.eventId ?? slugId(conference.acronym ?? conference.title ?? 'event'),
      title: plainText(conference.title) ?? conference.acronym ?? 'Schedule',
      timeZone: timeZone ?? 'UTC',
      ...(conference.url ? { url: conference.url } : {}),
    },
    sessions,
    speakers: [...speakers.values()],
    tracks: [...tracks.values()],
  };
  if (!timeZone) warnings.push(`${source}: no time zone named; the event's zone is UTC (pass --time-zone)`);
  return { feed, warnings };
}
