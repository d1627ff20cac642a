import * as v from 'valibot';
import { safeUrl, urlBase } from './urls.js';
import { DATE_TIME, DURATION, ID, LANGUAGE, TIME_ZONE } from './patterns.js';

// The feed contract, version 1 (see ARCHITECTURE.md). Unknown keys are dropped by v.object, which is
// what makes the contract forward compatible. Each message completes "<path>: expected …".

const str = v.string('expected a string');
const nonEmpty = v.pipe(str, v.minLength(1, 'expected a non-empty string'));
const id = v.pipe(str, v.regex(new RegExp(ID), 'expected an id (letters, digits, "_", "-", ".")'));
const dateTime = v.pipe(str, v.regex(new RegExp(DATE_TIME), 'expected an RFC 3339 date-time with an offset'));
const duration = v.pipe(str, v.regex(new RegExp(DURATION), 'expected an ISO 8601 duration such as "PT1H30M"'));
const language = v.pipe(str, v.regex(new RegExp(LANGUAGE), 'expected a language tag such as "en" or "fr-CA"'));
const timeZone = v.pipe(
  str,
  v.regex(new RegExp(TIME_ZONE), 'expected an IANA time zone such as "Europe/Madrid"'),
  v.check(isKnownZone, 'expected a time zone this browser knows'),
);
// A URL is resolved against the feed's own URL; an unsafe scheme (javascript:, data:, …) becomes undefined.
const url = v.pipe(nonEmpty, v.transform((raw) => safeUrl(raw, urlBase.current)));
const idList = v.array(id, 'expected an array of ids');

/** A plain string, or a map of language tags to strings. */
const text = v.union(
  [nonEmpty, v.record(language, str, 'expected a map of language tags to strings')],
  'expected a string or a map of language tags to strings',
);

const speaker = v.object({
  id,
  name: nonEmpty,
  role: v.optional(text),
  organization: v.optional(text),
  city: v.optional(str),
  country: v.optional(str),
  photo: v.optional(url),
  url: v.optional(url),
});

const item = v.object({
  start: dateTime,
  end: dateTime,
  title: text,
  kind: v.optional(str),
  speakers: v.optional(idList),
  description: v.optional(text),
});

const session = v.object({
  id,
  title: text,
  description: v.optional(text),
  start: dateTime,
  end: dateTime,
  timeZone: v.optional(timeZone),
  status: v.optional(v.picklist(['scheduled', 'cancelled', 'postponed'], 'expected "scheduled", "cancelled" or "postponed"')),
  joinUrl: v.optional(url),
  location: v.optional(text),
  track: v.optional(id),
  languages: v.optional(v.array(language, 'expected an array of language tags')),
  speakers: v.optional(idList),
  poll: v.optional(id),
  items: v.optional(v.array(item, 'expected an array of items')),
});

const track = v.object({ id, title: text, color: v.optional(str) });

const option = v.object({ id, text });
const group = v.object({ id, title: text, options: v.pipe(v.array(option, 'expected an array of options'), v.minLength(1, 'expected at least one option')) });

const poll = v.object({
  id,
  title: text,
  prompt: v.optional(text),
  session: v.optional(id),
  mode: v.picklist(['single', 'multiple'], 'expected "single" or "multiple"'),
  maxChoices: v.optional(v.pipe(v.number('expected a number'), v.integer('expected a whole number'), v.minValue(1, 'expected at least 1'))),
  results: v.optional(v.picklist(['always', 'after-vote', 'after-close'], 'expected "always", "after-vote" or "after-close"')),
  opensAt: v.optional(dateTime),
  closesAt: v.optional(dateTime),
  endpoint: v.optional(url),
  groups: v.pipe(v.array(group, 'expected an array of groups'), v.minLength(1, 'expected at least one group')),
});

const caption = v.object({ language, url });

const recording = v.object({
  id,
  title: text,
  session: v.optional(id),
  recordedAt: v.optional(dateTime),
  duration: v.optional(duration),
  provider: v.picklist(['youtube', 'vimeo', 'file'], 'expected "youtube", "vimeo" or "file"'),
  videoId: v.optional(nonEmpty),
  url,
  thumbnail: v.optional(url),
  language: v.optional(language),
  captions: v.optional(v.array(caption, 'expected an array of captions')),
  tags: v.optional(v.array(str, 'expected an array of strings')),
});

const event = v.object({
  id,
  title: text,
  description: v.optional(text),
  organizer: v.optional(text),
  url: v.optional(url),
  timeZone,
});

export const FeedSchema = v.object(
  {
    version: v.literal(1, 'expected 1 (the only feed version this library reads)'),
    languages: v.optional(v.array(language, 'expected an array of language tags')),
    event,
    sessions: v.array(session, 'expected an array of sessions'),
    speakers: v.optional(v.array(speaker, 'expected an array of speakers')),
    tracks: v.optional(v.array(track, 'expected an array of tracks')),
    polls: v.optional(v.array(poll, 'expected an array of polls')),
    recordings: v.optional(v.array(recording, 'expected an array of recordings')),
  },
  'expected a JSON object',
);

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
