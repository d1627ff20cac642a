import type { Feed } from '../../src/contract/types.js';

/** What every importer accepts. Dates are written in the event's zone; ids are stable across runs. */
export interface ImportOptions {
  /** Names the input in errors and warnings (`schedule.json`, a URL). */
  source: string;
  eventId?: string;
  /** IANA zone used when the input gives none (floating iCalendar times) or an unusable one. */
  timeZone?: string;
  /** Language of the texts, when the input does not say. */
  lang?: string;
  /** Recurrence expansion window (iCalendar), in ms since the epoch. */
  windowStart?: number;
  windowEnd?: number;
  /** At most this many instances per recurring event (iCalendar). */
  maxInstances?: number;
  /** "Now", for the default recurrence window. */
  now?: number;
}

/** A raw feed v1 (not yet validated: the pipeline validates it with the widgets' own validator). */
export type RawFeed = {
  version: 1;
  languages?: string[];
  event: { id: string; title: string; timeZone: string; url?: string; organizer?: string; description?: string };
  sessions: RawSession[];
  speakers?: Feed['speakers'];
  tracks?: { id: string; title: string; color?: string }[];
  polls?: unknown[];
  recordings?: RawRecording[];
};
export type RawSession = {
  id: string;
  title: string;
  description?: string;
  start: string;
  end: string;
  timeZone?: string;
  status?: 'scheduled' | 'cancelled' | 'postponed';
  joinUrl?: string;
  location?: string;
  track?: string;
  languages?: string[];
  speakers?: string[];
  organizer?: string;
};
export type RawRecording = NonNullable<Feed['recordings']>[number];

/** `{ feed, warnings }`: the feed is complete; each warning names what was dropped or guessed and where. */
export interface ImportResult {
  feed: RawFeed;
  warnings: string[];
}

export type Importer = (input: string, options: ImportOptions) => ImportResult;

/** The input cannot be used. The message names the source and the path (`schedule.conference.days[2]…`). */
export class ImportError extends Error {
  override name = 'ImportError';
}

export const IMPORT_FORMATS = ['schedule', 'schedule-xml', 'ics', 'youtube'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
