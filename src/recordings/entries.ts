import { localize } from '../contract/text.js';
import type { Feed, Recording, Session } from '../contract/types.js';
import { primaryLanguage } from '../i18n/languages.js';
import { searchable } from '../i18n/search.js';
import { dateTimeFormat, resolveTimeZone } from '../time/format.js';
import { formatDuration } from './duration.js';
import { embedUrl } from './embed-url.js';
import type { Filterable } from './filter.js';

/** A recording with everything the list shows worked out once per feed and language. */
export interface Entry extends Filterable {
  recording: Recording;
  title: string;
  session?: Session;
  sessionTitle: string;
  /** Programme position of the session (by start); recordings without one come last. */
  order: number;
  /** `recordedAt`, else the session's start (ms). */
  when?: number;
  date: string;
  /** Filled by `describe` for the entries on screen only: Intl.DurationFormat costs ~60 µs a call. */
  duration?: string;
  speakers: string[];
  embed?: string;
}

/**
 * The feed's recordings (only `onlySession`'s when given) in the visitor's language and zone,
 * newest first, or in programme order of their sessions when `bySession`.
 */
export function recordingEntries(feed: Feed, lang: string, zoneSetting: string, bySession: boolean, onlySession?: string): Entry[] {
  const sessions = [...feed.sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const programmeOrder = new Map(sessions.map((s, index) => [s.id, index]));
  const speakers = new Map(feed.speakers?.map((s) => [s.id, s.name]));
  const localZone = resolveTimeZone(zoneSetting === 'event' ? 'local' : zoneSetting, feed.event.timeZone);
  const entries = (feed.recordings ?? [])
    .filter((r) => !onlySession || r.session === onlySession)
    .map((recording): Entry => {
      const order = recording.session === undefined ? undefined : programmeOrder.get(recording.session);
      const session = order === undefined ? undefined : sessions[order];
      const title = localize(recording.title, lang, feed.languages);
      const sessionTitle = session ? localize(session.title, lang, feed.languages) : '';
      const speakerNames = (session?.speakers ?? []).map((id) => speakers.get(id) ?? '').filter(Boolean);
      const tags = recording.tags ?? [];
      const at = recording.recordedAt ?? session?.start;
      const when = at ? Date.parse(at) : undefined;
      const zone = zoneSetting === 'event' ? (session?.timeZone ?? feed.event.timeZone) : localZone;
      const languages = [recording.language, ...(recording.captions ?? []).map((c) => c.language)];
      return {
        recording,
        title,
        session,
        sessionTitle,
        order: order ?? sessions.length,
        when,
        date: when === undefined ? '' : dateTimeFormat(lang, { dateStyle: 'medium', timeZone: zone }).format(when),
        speakers: speakerNames,
        tags,
        languages: [...new Set(languages.filter((l) => l !== undefined).map(primaryLanguage))],
        haystack: searchable([title, sessionTitle, ...speakerNames, ...tags].join(' ')),
        embed: embedUrl(recording, lang),
      };
    });
  // Array.prototype.sort is stable: within a session, the feed's order is the programme's.
  return bySession ? entries.sort((a, b) => a.order - b.order) : entries.sort((a, b) => (b.when ?? -Infinity) - (a.when ?? -Infinity));
}

/** The entries as shown: their durations formatted once, when they first come on screen. */
export function describe(entries: Entry[], lang: string): Entry[] {
  for (const e of entries) e.duration ??= formatDuration(e.recording.duration, lang);
  return entries;
}
