import { queryMatcher } from '../i18n/search.js';
import { encodeComponent } from '../i18n/well-formed.js';

/** What the visitor narrowed the programme to. Every field is optional: absent means "all". */
export interface AgendaFilters {
  /** A day key, "2026-10-11", in the display zone. */
  day?: string;
  track?: string;
  /** A language tag from the sessions' `languages`. */
  lang?: string;
  /** Free text, matched against titles, descriptions, items and speakers. */
  q?: string;
}

const KEYS = ['day', 'track', 'lang', 'q'] as const;

/**
 * The hash holds `&`-separated parameters so that several agendas (and the page) can share it; an
 * agenda owns the one named after its namespace: `#agenda=day:2026-10-11;track:peer;lang:fr;q:water`.
 * Values are percent-encoded, so `;` and `:` in a search are safe.
 */
export function parseFilters(hash: string, namespace: string): AgendaFilters {
  const prefix = `${encodeComponent(namespace)}=`;
  const param = hash.replace(/^#/, '').split('&').find((part) => part.startsWith(prefix));
  const filters: AgendaFilters = {};
  if (!param) return filters;
  for (const pair of param.slice(prefix.length).split(';')) {
    const colon = pair.indexOf(':');
    const key = pair.slice(0, colon) as (typeof KEYS)[number];
    if (colon < 1 || !KEYS.includes(key)) continue;
    try {
      const value = decodeURIComponent(pair.slice(colon + 1));
      if (value) filters[key] = value;
    } catch {
      // a hand-edited hash with a broken escape: ignore that value, keep the others
    }
  }
  return filters;
}

/** `hash` with this agenda's parameter replaced by `filters` (removed when they are empty); other parameters kept. */
export function writeFilters(hash: string, namespace: string, filters: AgendaFilters): string {
  const name = encodeComponent(namespace);
  const others = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part && !part.startsWith(`${name}=`));
  const value = KEYS.filter((key) => filters[key]).map((key) => `${key}:${encodeComponent(filters[key]!)}`).join(';');
  if (value) others.push(`${name}=${value}`);
  return others.length ? `#${others.join('&')}` : '';
}

/** The filters as one string, equal for equal filters: a memo key. */
export function filtersKey(filters: AgendaFilters): string {
  return JSON.stringify(KEYS.map((key) => filters[key] ?? ''));
}

/** What a programme offers to filter by: its days, tracks and languages. */
export interface FilterChoices {
  days: readonly { key: string }[];
  tracks: readonly { id: string }[];
  languages: readonly { tag: string }[];
}

/**
 * The filters of `key` (from `filtersKey`) that name something this programme has: a shared link
 * or another agenda's parameter must not hide every session behind a track this feed lacks.
 */
export function validFilters(choices: FilterChoices, key: string): AgendaFilters {
  const [day, track, lang, q] = JSON.parse(key) as string[];
  const filters: AgendaFilters = {};
  if (day && choices.days.some((d) => d.key === day)) filters.day = day;
  if (track && choices.tracks.some((t) => t.id === track)) filters.track = track;
  if (lang && choices.languages.some((l) => l.tag === lang)) filters.lang = lang;
  if (q) filters.q = q;
  return filters;
}

export function hasFilters(filters: AgendaFilters): boolean {
  return KEYS.some((key) => filters[key]);
}

export interface Filterable {
  day: string;
  track?: string;
  languages?: readonly string[];
  /** `searchable()` text of everything a visitor may search for. */
  text: string;
}

/** A test for the sessions that pass `filters`; the query is parsed once, not once per session. */
export function filtersMatcher(filters: AgendaFilters): (session: Filterable) => boolean {
  const matchesQuery = queryMatcher(filters.q);
  return (session) =>
    (!filters.day || session.day === filters.day) &&
    (!filters.track || session.track === filters.track) &&
    (!filters.lang || Boolean(session.languages?.includes(filters.lang))) &&
    // `text` is built on first read (it formats the session): only when there is a query.
    (!filters.q || matchesQuery(session.text));
}
