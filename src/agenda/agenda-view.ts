import { localize } from '../contract/text.js';
import type { Feed, Session, Speaker } from '../contract/types.js';
import { languageName, listFormat } from '../i18n/intl.js';
import { searchable } from '../i18n/search.js';
import { textLanguage } from '../i18n/text-language.js';
import { dayKey, formatDate, formatShortDate, formatTime, zoneCity, zoneName, zoneOffsetMinutes } from '../time/format.js';
import { offsetChange } from './dst-note.js';
import type { Filterable } from './filters.js';
import { groupByDay } from './group-by-day.js';

export interface SpeakerView {
  name: string;
  /** "Facilitator, UCLG Learning, Barcelona, Spain" */
  details: string;
  photo?: string;
  url?: string;
}

export interface ItemView {
  /** RFC 3339, for `<time datetime>`. */
  startAttr: string;
  endAttr: string;
  startText: string;
  endText: string;
  /** "Opening · Name, Name" */
  line: string;
  lang?: string;
}

export interface SessionView extends Filterable {
  session: Session;
  title: string;
  /** The language of `title` (and `description`) when the feed had none in the visitor's. */
  titleLang?: string;
  description: string;
  descriptionLang?: string;
  start: Date;
  /** In the display zone: "8:00 PM", "9:30 PM EDT" (with the date when the session ends on another day). */
  startText: string;
  endText: string;
  /** The same span in the session's own zone when its clock differs ("9:00 AM–10:30 AM GMT+9 (Seoul)"), else empty. */
  eventTime: string;
  /** Track, place and languages on one line: "Peer learning · Room 102 · Languages: English and French". */
  meta: string;
  speakers: SpeakerView[];
  items: ItemView[];
  pollTitle?: string;
}

export interface DayView {
  key: string;
  label: string;
  sessions: SessionView[];
}

export interface AgendaView {
  days: DayView[];
  total: number;
  /** Cities of the display zone and the event's zone, when their clocks differ. */
  zones?: [shown: string, event: string];
  /** Zones whose clocks change while the event runs. */
  clockChanges: { city: string; date: string }[];
  tracks: { id: string; title: string }[];
  languages: { tag: string; name: string }[];
  missingSpeakers: string[];
}

/**
 * Everything the agenda shows, formatted once for a feed, a language and a display zone: the
 * costly part (grouping, Intl formatting, search text) is done here, not in `render()`.
 */
export function buildAgendaView(feed: Feed, lang: string, zone: string, languagesPrefix: string): AgendaView {
  const list = listFormat(lang);
  const languages = feed.languages ?? [];
  const text = (value: Parameters<typeof localize>[0]) => localize(value, lang, languages);
  const speakersById = new Map((feed.speakers ?? []).map((s) => [s.id, s]));
  const tracksById = new Map((feed.tracks ?? []).map((t) => [t.id, text(t.title)]));
  const missing = new Set<string>();
  const people = (ids: readonly string[] = []): Speaker[] =>
    ids.flatMap((id) => {
      const speaker = speakersById.get(id);
      if (!speaker) missing.add(id);
      return speaker ? [speaker] : [];
    });
  const usedTracks = new Set<string>();
  const usedLanguages = new Set<string>();

  const first = feed.sessions.reduce<Date | undefined>((min, s) => (!min || Date.parse(s.start) < +min ? new Date(s.start) : min), undefined);
  const last = feed.sessions.reduce<Date | undefined>((max, s) => (!max || Date.parse(s.end) > +max ? new Date(s.end) : max), undefined);
  const eventZone = feed.event.timeZone;
  const clockChanges: AgendaView['clockChanges'] = [];
  // A zone that keeps one offset for the whole event (most do) needs one Intl call, not one per session.
  const steady = new Map<string, number | null>();
  const steadyOffset = (z: string): number | null => {
    if (!steady.has(z)) steady.set(z, first && last && !offsetChange(z, first, last) ? zoneOffsetMinutes(first, z) : null);
    return steady.get(z)!;
  };
  const offset = (date: Date, z: string): number => steadyOffset(z) ?? zoneOffsetMinutes(date, z);
  // Items repeat the same few instants (one item's end is the next one's start): format each once,
  // and a steady zone's name ("GMT+9") once for the whole event.
  const times = new Map<string, string>();
  const time = (iso: string, z = zone) => {
    let value = times.get(iso + z);
    if (value === undefined) times.set(iso + z, (value = formatTime(new Date(iso), lang, z)));
    return value;
  };
  const names = new Map<string, string>();
  const timeWithZone = (iso: string, z = zone) => {
    if (steadyOffset(z) === null) return `${time(iso, z)} ${zoneName(new Date(iso), lang, z)}`;
    let name = names.get(z);
    if (name === undefined) names.set(z, (name = zoneName(first!, lang, z)));
    return `${time(iso, z)} ${name}`;
  };
  if (first && last) {
    for (const z of new Set([zone, eventZone])) {
      const at = offsetChange(z, first, last);
      if (at) clockChanges.push({ city: zoneCity(z), date: formatShortDate(at, lang, z) });
    }
  }

  const days = groupByDay(feed.sessions, zone).map(({ key, items }) => ({
    key,
    label: formatDate(new Date(items[0]!.start), lang, zone),
    sessions: items.map((session): SessionView => {
      let search: string | undefined;
      const start = new Date(session.start);
      const end = new Date(session.end);
      const ownZone = session.timeZone ?? feed.event.timeZone;
      const steadyHere = steadyOffset(zone);
      // With one offset all along, the local day is arithmetic; Intl only where clocks change.
      const endDay = steadyHere === null ? dayKey(end, zone) : new Date(+end + steadyHere * 60_000).toISOString().slice(0, 10);
      const crossesMidnight = endDay !== key;
      const speakers = people(session.speakers).map((s) => ({
        name: s.name,
        details: [text(s.role), text(s.organization), s.city, s.country].filter(Boolean).join(', '),
        photo: s.photo,
        url: s.url,
      }));
      const items = (session.items ?? []).map((item): ItemView => {
        const names = people(item.speakers)
          .map((s) => s.name)
          .join(', ');
        return {
          startAttr: item.start,
          endAttr: item.end,
          startText: time(item.start),
          endText: timeWithZone(item.end),
          line: names ? `${text(item.title)} · ${names}` : text(item.title),
          lang: textLanguage(item.title, lang, languages),
        };
      });
      const differs = offset(start, ownZone) !== offset(start, zone);
      const trackTitle = session.track ? (tracksById.get(session.track) ?? session.track) : undefined;
      if (session.track) usedTracks.add(session.track);
      session.languages?.forEach((tag) => usedLanguages.add(tag));
      const poll = session.poll ? feed.polls?.find((p) => p.id === session.poll) : undefined;
      const view: SessionView = {
        session,
        day: key,
        track: session.track,
        languages: session.languages,
        title: text(session.title),
        titleLang: textLanguage(session.title, lang, languages),
        description: text(session.description),
        descriptionLang: textLanguage(session.description, lang, languages),
        start,
        startText: time(session.start),
        endText: (crossesMidnight ? formatShortDate(end, lang, zone) + ' ' : '') + timeWithZone(session.end),
        eventTime: differs ? `${time(session.start, ownZone)}–${timeWithZone(session.end, ownZone)} (${zoneCity(ownZone)})` : '',
        meta: [
          trackTitle,
          text(session.location),
          session.languages?.length && `${languagesPrefix}${list.format(session.languages.map((tag) => languageName(tag, lang)))}`,
        ]
          .filter(Boolean)
          .join(' · '),
        speakers,
        items,
        pollTitle: session.poll ? text(poll?.title) || session.poll : undefined,
        // Built on the first search only: most visitors never search.
        get text() {
          return (search ??= searchable([this.title, this.description, this.meta, ...speakers.map((s) => `${s.name} ${s.details}`), ...items.map((i) => i.line)].join(' ')));
        },
      };
      return view;
    }),
  }));

  return {
    days,
    total: feed.sessions.length,
    zones: first && offset(first, zone) !== offset(first, eventZone) ? [zoneCity(zone), zoneCity(eventZone)] : undefined,
    clockChanges,
    tracks: [...usedTracks].map((id) => ({ id, title: tracksById.get(id) ?? id })),
    languages: [...usedLanguages].map((tag) => ({ tag, name: languageName(tag, lang) })),
    missingSpeakers: [...missing],
  };
}
