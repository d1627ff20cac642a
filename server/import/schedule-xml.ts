// frab / pentabarf / wafer `schedule.xml`: the same schedule as schedule.json, as XML.
import { XMLParser } from 'fast-xml-parser';
import { buildScheduleFeed, durationMinutes, type Talk } from './schedule.js';
import { ImportError, type ImportOptions, type ImportResult } from './types.js';

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]) as Node[];
const text = (value: unknown): string | undefined => {
  const raw = value && typeof value === 'object' ? (value as Node)['#text'] : value;
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() || undefined : undefined;
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['day', 'room', 'event', 'person', 'link', 'track'].includes(name),
});

export function parseXml(input: string, source: string): Node {
  try {
    return parser.parse(input, true) as Node;
  } catch (error) {
    // fast-xml-parser's validator ends its message with ":line:column".
    const match = /^([\s\S]*?):(\d+):(\d+)$/.exec((error as Error).message);
    const where = match ? ` (line ${match[2]}, column ${match[3]})` : '';
    throw new ImportError(`${source}: not well-formed XML${where}: ${match?.[1] ?? (error as Error).message}`);
  }
}

export function importScheduleXml(input: string, options: ImportOptions): ImportResult {
  const source = options.source;
  const schedule = parseXml(input, source).schedule as Node | undefined;
  if (!schedule || typeof schedule !== 'object') throw new ImportError(`${source}: schedule: expected a <schedule> root element (frab schedule.xml)`);
  const conference = (schedule.conference ?? {}) as Node;
  const zone = text(conference.time_zone_name);
  const talks: Talk[] = [];
  list(schedule.day).forEach((day, d) => {
    const dayDate = text(day['@date']);
    list(day.room).forEach((room) => {
      const roomName = text(room['@name']) ?? '';
      list(room.event).forEach((event, e) => {
        const path = `schedule.day[${d}].room[${roomName}].event[${e}]`;
        const localStart = text(event.start);
        let date = text(event.date);
        // Older pentabarf exports give no <date>: the day's date and the local start, in the conference zone.
        if (!date && dayDate && localStart) date = `${dayDate}T${localStart.padStart(5, '0')}:00`;
        if (!date) throw new ImportError(`${source}: ${path}.date: expected a date-time`);
        const duration = durationMinutes(text(event.duration));
        if (duration === undefined) throw new ImportError(`${source}: ${path}.duration: expected "HH:MM", got ${JSON.stringify(text(event.duration) ?? null)}`);
        const persons = list((event.persons as Node | undefined)?.person).map((person) => ({
          key: text(person['@guid']) ?? text(person['@id']),
          name: text(person) ?? '',
        }));
        talks.push({
          path,
          key: text(event['@guid']) ?? text(event['@id']),
          title: text(event.title),
          subtitle: text(event.subtitle),
          abstract: text(event.abstract),
          description: text(event.description),
          start: date,
          localStart,
          durationMinutes: duration,
          room: text(event.room) ?? roomName,
          track: text(list(event.track)[0]),
          language: text(event.language),
          persons,
        });
      });
    });
  });
  return buildScheduleFeed(
    { acronym: text(conference.acronym), title: text(conference.title), timeZone: zone, url: text(conference.base_url) },
    talks,
    options,
  );
}
