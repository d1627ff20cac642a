// Composes the parts a recipe names into one raw feed: imported schedules, calendars and channels,
// and hand-written parts (polls, overrides). The result is validated by the pipeline.
import type { RawFeed, RawRecording, RawSession } from './types.js';

export interface Part {
  /** The source's feed, or a hand-written partial feed (`type: "feed"`). */
  feed: Partial<RawFeed> & Record<string, unknown>;
  organizer?: unknown;
  /** Hand-written parts override imported sessions with the same id, field by field. */
  handWritten: boolean;
  /** Prefix for ids that clash with an earlier part's (`src2-…`). */
  key: string;
}

type Session = RawSession & Record<string, unknown>;
type Speaker = { id: string; name: string } & Record<string, unknown>;

export function composeFeed(parts: Part[], recipe: { name: string; event: Record<string, unknown>; languages?: string[] }): RawFeed {
  const sessions = new Map<string, Session>();
  const speakers = new Map<string, Speaker>();
  const tracks = new Map<string, Record<string, unknown>>();
  const polls: unknown[] = [];
  const recordings: RawRecording[] = [];
  const languages = new Set(recipe.languages ?? []);
  let event: Record<string, unknown> = {};

  for (const part of parts) {
    const feed = part.feed;
    if (feed.event && typeof feed.event === 'object') event = { ...feed.event, ...event };
    for (const tag of Array.isArray(feed.languages) ? feed.languages : []) languages.add(tag);
    // Speakers whose id clashes with a different person of an earlier part get the part's prefix.
    const speakerIds = new Map<string, string>();
    for (const speaker of (feed.speakers ?? []) as Speaker[]) {
      const other = speakers.get(speaker.id);
      const id = other && other.name !== speaker.name ? `${part.key}-${speaker.id}` : speaker.id;
      speakerIds.set(speaker.id, id);
      if (!speakers.has(id)) speakers.set(id, { ...speaker, id });
    }
    for (const track of (feed.tracks ?? []) as Record<string, unknown>[]) if (!tracks.has(String(track.id))) tracks.set(String(track.id), track);
    const zone = (feed.event as { timeZone?: string } | undefined)?.timeZone;
    for (const raw of (feed.sessions ?? []) as Session[]) {
      const existing = sessions.get(raw.id);
      if (existing && part.handWritten) {
        sessions.set(raw.id, { ...existing, ...raw });
        continue;
      }
      const session: Session = { ...raw, id: existing ? `${part.key}-${raw.id}` : raw.id };
      if (session.speakers) session.speakers = session.speakers.map((id) => speakerIds.get(id) ?? id);
      if (part.organizer !== undefined && session.organizer === undefined) session.organizer = part.organizer as string;
      if (zone && !session.timeZone) session.timeZone = zone;
      sessions.set(session.id, session);
    }
    polls.push(...((feed.polls ?? []) as unknown[]));
    recordings.push(...((feed.recordings ?? []) as RawRecording[]));
  }

  event = { id: recipe.name, ...event, ...recipe.event };
  const all = [...sessions.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  // A session in the event's own zone needs no zone of its own.
  for (const session of all) if (session.timeZone === event.timeZone) delete session.timeZone;
  linkRecordings(recordings, all);
  return {
    version: 1,
    ...(languages.size ? { languages: [...languages] } : {}),
    event: event as RawFeed['event'],
    sessions: all,
    ...(speakers.size ? { speakers: [...speakers.values()] as RawFeed['speakers'] } : {}),
    ...(tracks.size ? { tracks: [...tracks.values()] as RawFeed['tracks'] } : {}),
    ...(polls.length ? { polls } : {}),
    ...(recordings.length ? { recordings } : {}),
  };
}

const normal = (title: unknown): string =>
  (typeof title === 'string' ? title : Object.values((title ?? {}) as Record<string, string>)[0] ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A recording without a session is linked to the session whose title is the same (ignoring case,
 * accents and punctuation), when exactly one session has that title and exactly one recording does.
 */
export function linkRecordings(recordings: RawRecording[], sessions: RawSession[]): void {
  const byTitle = new Map<string, RawSession[]>();
  for (const session of sessions) byTitle.set(normal(session.title), [...(byTitle.get(normal(session.title)) ?? []), session]);
  const recordingTitles = new Map<string, number>();
  for (const recording of recordings) recordingTitles.set(normal(recording.title), (recordingTitles.get(normal(recording.title)) ?? 0) + 1);
  for (const recording of recordings) {
    if (recording.session) continue;
    const title = normal(recording.title);
    const matches = byTitle.get(title);
    if (title && matches?.length === 1 && recordingTitles.get(title) === 1) recording.session = matches[0]!.id;
  }
}
