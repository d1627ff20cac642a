// frab / pretalx `schedule.json`: v1 (days → rooms → events) and v2 (flat events with ISO start/end).
import { buildScheduleFeed, durationMinutes, type Conference, type Person, type Talk } from './schedule.js';
import { ImportError, type ImportOptions, type ImportResult } from './types.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined);

export function importScheduleJson(input: string, options: ImportOptions): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch (error) {
    throw new ImportError(`${options.source}: not valid JSON (${(error as Error).message})`);
  }
  return importScheduleObject(json, options);
}

export function importScheduleObject(json: unknown, options: ImportOptions): ImportResult {
  const source = options.source;
  const schedule = isObject(json) ? json.schedule : undefined;
  if (!isObject(schedule)) throw new ImportError(`${source}: schedule: expected an object (is this a frab/pretalx schedule.json?)`);
  const conference = schedule.conference;
  if (!isObject(conference)) throw new ImportError(`${source}: schedule.conference: expected an object`);
  const conf: Conference = {
    acronym: str(conference.acronym),
    title: str(conference.title),
    timeZone: str(conference.time_zone_name),
    url: str(conference.url) ?? str(schedule.base_url),
    languages: Array.isArray(conference.languages) ? conference.languages.filter((tag): tag is string => typeof tag === 'string') : undefined,
    trackColors: trackColors(conference.tracks),
  };
  const talks = Array.isArray(schedule.events) ? v2Talks(schedule, source) : v1Talks(conference, source);
  return buildScheduleFeed(conf, talks, options);
}

function trackColors(tracks: unknown): Map<string, string> {
  const colors = new Map<string, string>();
  if (!Array.isArray(tracks)) return colors;
  for (const track of tracks) {
    if (!isObject(track) || !str(track.name)) continue;
    const color = str(track.color) ?? (isObject(track.colors) ? str(track.colors.light) : undefined);
    if (color) colors.set(str(track.name)!, color);
  }
  return colors;
}

function v1Talks(conference: Json, source: string): Talk[] {
  const days = conference.days;
  if (!Array.isArray(days)) throw new ImportError(`${source}: schedule.conference.days: expected an array`);
  const talks: Talk[] = [];
  days.forEach((day, d) => {
    const dayPath = `schedule.conference.days[${d}]`;
    if (!isObject(day)) throw new ImportError(`${source}: ${dayPath}: expected an object`);
    if (!isObject(day.rooms)) throw new ImportError(`${source}: ${dayPath}.rooms: expected an object of room name → events`);
    // Rooms are keyed by name: pretalx can give every room the same guid.
    for (const [room, events] of Object.entries(day.rooms)) {
      if (!Array.isArray(events)) throw new ImportError(`${source}: ${dayPath}.rooms.${room}: expected an array of events`);
      events.forEach((event, e) => {
        const path = `${dayPath}.rooms.${room}[${e}]`;
        if (!isObject(event)) throw new ImportError(`${source}: ${path}: expected an object`);
        const date = str(event.date);
        if (!date) throw new ImportError(`${source}: ${path}.date: expected a date-time with an offset`);
        const duration = durationMinutes(event.duration);
        if (duration === undefined) throw new ImportError(`${source}: ${path}.duration: expected "H:MM", got ${JSON.stringify(event.duration ?? null)}`);
        talks.push({
          path,
          key: str(event.guid) ?? (event.id as string | number | undefined),
          title: event.title,
          subtitle: event.subtitle,
          abstract: event.abstract,
          description: event.description,
          start: date,
          localStart: str(event.start),
          durationMinutes: duration,
          room: str(event.room) ?? room,
          track: str(event.track),
          language: str(event.language),
          persons: persons(event.persons),
        });
      });
    }
  });
  return talks;
}

function v2Talks(schedule: Json, source: string): Talk[] {
  const people = new Map<string, Json>();
  if (Array.isArray(schedule.persons)) for (const person of schedule.persons) if (isObject(person) && str(person.guid)) people.set(str(person.guid)!, person);
  const tracks = new Map<string, string>();
  const conference = schedule.conference as Json;
  if (Array.isArray(conference.tracks)) for (const track of conference.tracks) if (isObject(track) && str(track.slug)) tracks.set(str(track.slug)!, str(track.name) ?? str(track.slug)!);
  return (schedule.events as unknown[]).map((event, e) => {
    const path = `schedule.events[${e}]`;
    if (!isObject(event)) throw new ImportError(`${source}: ${path}: expected an object`);
    const start = str(event.start);
    if (!start) throw new ImportError(`${source}: ${path}.start: expected a date-time with an offset`);
    const end = str(event.end);
    const duration = end === undefined ? durationMinutes(event.duration) : undefined;
    if (end === undefined && duration === undefined) throw new ImportError(`${source}: ${path}.end: expected a date-time (or a "duration")`);
    const track = isObject(event.track) ? (str(event.track.name) ?? tracks.get(str(event.track.slug) ?? '') ?? str(event.track.slug)) : str(event.track);
    const participants = Array.isArray(event.participants) ? event.participants : Array.isArray(event.persons) ? event.persons : [];
    return {
      path,
      key: str(event.guid) ?? str(event.code) ?? (event.id as string | number | undefined),
      title: event.title,
      subtitle: event.subtitle,
      abstract: event.abstract,
      description: event.description,
      start,
      end,
      durationMinutes: duration,
      room: isObject(event.room) ? str(event.room.name) : str(event.room),
      track,
      language: str(event.language),
      persons: persons(participants.map((p) => (isObject(p) && str(p.guid) && people.has(str(p.guid)!) ? { ...people.get(str(p.guid)!), ...p } : p))),
    };
  });
}

/** frab `{id, public_name}`, pretalx `{code, name, avatar, biography, url}`, v2 `{guid, name, avatar: {url}}`. */
function persons(list: unknown): Person[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((person): Person[] => {
    if (typeof person === 'string') return [{ name: person }];
    if (!isObject(person)) return [];
    const name = str(person.public_name) ?? str(person.name) ?? str(person.full_public_name);
    if (!name) return [];
    const avatar = isObject(person.avatar) ? str(person.avatar.url) : str(person.avatar);
    return [{ key: str(person.guid) ?? str(person.code) ?? (person.id as string | number | undefined), name, photo: avatar, url: str(person.url) }];
  });
}
