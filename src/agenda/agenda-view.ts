import { localize } from '../feed/text.js';
import type { Feed, Session, Speaker } from '../feed/types.js';
import { formatDate, formatShortDate, formatTime, formatTimeWithZone, dayKey, zoneCity, zoneOffsetMinutes } from '../time/format.js';
import { offsetChange } from './dst-note.js';
import { searchable, type Filterable } from './filters.js';
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
  title: string;
  kind: string;
  /** " · Name, Name", or empty. */
  speakers: string;
}

export interface SessionView extends Filterable {
  session: Session;
  title: string;
  description: string;
  start: Date;
  end: Date;
  /** In the display zone: "8:00 PM", "9:30 PM EDT" (with the date when the session ends on another day). */
  startText: string;
  endText: string;
  /** The same span in the session's own zone, when its clock differs: "9:00 AM–10:30 AM GMT+9". */
  eventTime?: string;
  eventCity?: string;
  trackTitle?: string;
  location: string;
  /** Track, place and languages on one line: "Peer learning · Room 102 · Languages: English, French". */
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

const languageNames = new Map<string, Intl.DisplayNames | null>();

function languageName(tag: string, lang: string): string {
  if (!languageNames.has(lang)) {
    try {
      languageNames.set(lang, new Intl.DisplayNames([lang], { type: 'language' }));
    } catch {
      languageNames.set(lang, null);
    }
  }
  try {
    return languageNames.get(lang)?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * Everything the agenda shows, formatted once for a feed, a language and a display zone: the
 * costly part (grouping, Intl formatting, search text) is done here, not in `render()`.
 */
export function buildAgendaView(feed: Feed, lang: string, zone: string, languagesLabel: string): AgendaView {
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
  // Items repeat the same few times (one item's end is the next one's start): format each once.
  const times = new Map<string, string>();
  const time = (iso: string) => times.get(iso) ?? times.set(iso, formatTime(new Date(iso), lang, zone)).get(iso)!;
  const timeWithZone = (iso: string) => times.get(iso + 'z') ?? times.set(iso + 'z', formatTimeWithZone(new Date(iso), lang, zone)).get(iso + 'z')!;
  const usedLanguages = new Set<string>();

  const days = groupByDay(feed.sessions, zone).map(({ key, items }) => ({
    key,
    label: formatDate(new Date(items[0]!.start), lang, zone),
    sessions: items.map((session): SessionView => {
      const start = new Date(session.start);
      const end = new Date(session.end);
      const ownZone = session.timeZone ?? feed.event.timeZone;
      const crossesMidnight = dayKey(end, zone) !== key;
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
          title: text(item.title),
          kind: item.kind ?? '',
          speakers: names && ` · ${names}`,
        };
      });
      const differs = zoneOffsetMinutes(start, ownZone) !== zoneOffsetMinutes(start, zone);
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
        description: text(session.description),
        start,
        end,
        startText: time(session.start),
        endText: (crossesMidnight ? formatShortDate(end, lang, zone) + ' ' : '') + timeWithZone(session.end),
        eventTime: differs ? `${formatTime(start, lang, ownZone)}–${formatTimeWithZone(end, lang, ownZone)}` : undefined,
        eventCity: differs ? zoneCity(ownZone) : undefined,
        trackTitle,
        location: text(session.location),
        meta: [
          trackTitle,
          text(session.location),
          session.languages?.length && `${languagesLabel}: ${session.languages.map((tag) => languageName(tag, lang)).join(', ')}`,
        ]
          .filter(Boolean)
          .join(' · '),
        speakers,
        items,
        pollTitle: session.poll ? text(poll?.title) || session.poll : undefined,
        text: '',
      };
      view.text = searchable(
        [view.title, view.description, view.location, trackTitle, ...speakers.map((s) => `${s.name} ${s.details}`), ...items.map((i) => i.title)].join(' '),
      );
      return view;
    }),
  }));

  const sessions = days.flatMap((d) => d.sessions);
  const first = sessions[0]?.start;
  const last = sessions.reduce<Date | undefined>((max, s) => (!max || s.end > max ? s.end : max), undefined);
  const eventZone = feed.event.timeZone;
  const clockChanges: AgendaView['clockChanges'] = [];
  if (first && last) {
    for (const z of new Set([zone, eventZone])) {
      const at = offsetChange(z, first, last);
      if (at) clockChanges.push({ city: zoneCity(z), date: formatShortDate(at, lang, z) });
    }
  }
  return {
    days,
    total: sessions.length,
    zones: first && zoneOffsetMinutes(first, zone) !== zoneOffsetMinutes(first, eventZone) ? [zoneCity(zone), zoneCity(eventZone)] : undefined,
    clockChanges,
    tracks: [...usedTracks].map((id) => ({ id, title: tracksById.get(id) ?? id })),
    languages: [...usedLanguages].map((tag) => ({ tag, name: languageName(tag, lang) })),
    missingSpeakers: [...missing],
  };
}
