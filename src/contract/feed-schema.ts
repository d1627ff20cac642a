import { array, type Check, either, literal, map, matching, nonEmpty, object, oneOf, optional, record, refine, string, wholeNumber } from './check.js';
import { isKnownTimeZone } from './time-zone.js';
import { DATE_TIME, DURATION, ID, LANGUAGE, TIME_ZONE } from './patterns.js';
import { safeUrl, urlBase } from './urls.js';

// The feed contract, version 1 (README "The feed"; schema/feed.schema.json says the same). Each message completes "<path>: …".

const id = matching(ID, 'expected an id (letters, digits, "_", "-", ".")');
const ids = array(id, 'expected an array of ids');
const dateTime = matching(DATE_TIME, 'expected an RFC 3339 date-time with an offset');
const language = matching(LANGUAGE, 'expected a language tag such as "en" or "fr-CA"');
const languages = array(language, 'expected an array of language tags');
const timeZone = refine(matching(TIME_ZONE, 'expected an IANA time zone such as "Europe/Madrid"'), isKnownTimeZone, 'expected a time zone this browser knows');
// Resolved against the feed's own URL; an unsafe scheme (javascript:, data:, …) becomes undefined and is dropped.
const url = map(nonEmpty, (raw) => safeUrl(raw, urlBase.current));
/** A plain string, or a map of language tags to strings (at least one: `{}` has nothing to show). */
const text = either(
  nonEmpty,
  refine(record(language, string(), ''), (map) => Object.keys(map).length > 0, ''),
  'expected a string or a map of language tags to strings',
);

const speaker = object({
  id,
  name: nonEmpty,
  role: optional(text),
  organization: optional(text),
  city: optional(string()),
  country: optional(string()),
  photo: optional(url),
  url: optional(url),
});

const item = object({
  start: dateTime,
  end: dateTime,
  title: text,
  kind: optional(string()),
  speakers: optional(ids),
  description: optional(text),
});

const session = object({
  id,
  title: text,
  description: optional(text),
  start: dateTime,
  end: dateTime,
  timeZone: optional(timeZone),
  status: optional(oneOf(['scheduled', 'cancelled', 'postponed'])),
  joinUrl: optional(url),
  location: optional(text),
  /** Who runs this session, when a feed merges several organizers' programmes. */
  organizer: optional(text),
  track: optional(id),
  languages: optional(languages),
  speakers: optional(ids),
  poll: optional(id),
  items: optional(array(item, 'expected an array of items')),
});

const option = object({ id, text });
const group = object({ id, title: text, options: array(option, 'expected an array of options', 1, 'expected at least one option') });
const groupList = array(group, 'expected an array of groups', 1, 'expected at least one group');

/**
 * A ballot names options by id alone, so an id must be unique in its poll, across its groups (else
 * one click checks two boxes that share one tally). JSON Schema cannot express this (the schema test
 * exempts it by name).
 */
const groups: Check<ReturnType<typeof groupList>> = (value, path, issues) => {
  const checked = groupList(value, path, issues);
  const first = new Map<string, string>();
  checked?.forEach((g, gi) =>
    g?.options?.forEach((o, oi) => {
      const at = `${path}[${gi}].options[${oi}].id`;
      const earlier = o?.id === undefined ? undefined : first.get(o.id);
      if (earlier) issues.push({ path: at, message: `duplicate option id "${o.id}" (already at ${earlier})` });
      else if (o?.id !== undefined) first.set(o.id, at);
    }),
  );
  return checked;
};

const poll = object({
  id,
  title: text,
  prompt: optional(text),
  session: optional(id),
  mode: oneOf(['single', 'multiple', 'ranking']),
  maxChoices: optional(wholeNumber),
  results: optional(oneOf(['always', 'after-vote', 'after-close'])),
  opensAt: optional(dateTime),
  closesAt: optional(dateTime),
  endpoint: optional(url),
  groups,
});

const questions = object({
  id,
  title: text,
  session: optional(id),
  moderation: oneOf(['none', 'pre']),
  opensAt: optional(dateTime),
  closesAt: optional(dateTime),
  endpoint: optional(url),
});

const recording = object({
  id,
  title: text,
  session: optional(id),
  recordedAt: optional(dateTime),
  duration: optional(matching(DURATION, 'expected an ISO 8601 duration such as "PT1H30M"')),
  provider: oneOf(['youtube', 'vimeo', 'file']),
  videoId: optional(nonEmpty),
  url,
  thumbnail: optional(url),
  language: optional(language),
  captions: optional(array(object({ language, url }), 'expected an array of captions')),
  tags: optional(array(string(), 'expected an array of strings')),
});

export const FeedSchema = object(
  {
    version: literal(1 as const, 'expected 1 (the only feed version this library reads)'),
    languages: optional(languages),
    event: object({
      id,
      title: text,
      description: optional(text),
      organizer: optional(text),
      url: optional(url),
      timeZone,
    }),
    sessions: array(session, 'expected an array of sessions'),
    speakers: optional(array(speaker, 'expected an array of speakers')),
    tracks: optional(array(object({ id, title: text, color: optional(string()) }), 'expected an array of tracks')),
    polls: optional(array(poll, 'expected an array of polls')),
    recordings: optional(array(recording, 'expected an array of recordings')),
    questions: optional(array(questions, 'expected an array of question boards')),
  },
  'expected a JSON object',
);
