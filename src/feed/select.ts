import type { Feed, Poll, Session } from '../contract/types.js';

export type SessionPhase = 'upcoming' | 'live' | 'ended';

export function sessionPhase(session: Session, now: number): SessionPhase {
  if (now < Date.parse(session.start)) return 'upcoming';
  return now < Date.parse(session.end) ? 'live' : 'ended';
}

/**
 * The session a widget shows: the one named by `id`, else the one live now, else the next to start,
 * else the last to have ended. Cancelled sessions are only shown when named.
 */
export function pickSession(feed: Feed, now: number, id?: string | null): Session | undefined {
  if (id) return feed.sessions.find((s) => s.id === id);
  const candidates = feed.sessions.filter((s) => s.status !== 'cancelled');
  const byStart = [...candidates].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return (
    byStart.find((s) => sessionPhase(s, now) === 'live') ??
    byStart.find((s) => sessionPhase(s, now) === 'upcoming') ??
    byStart.at(-1)
  );
}

/** The poll named by `id`, else the poll of the session `pickSession` chooses, else the first poll. */
export function pickPoll(feed: Feed, now: number, id?: string | null): Poll | undefined {
  const polls = feed.polls ?? [];
  if (id) return polls.find((p) => p.id === id);
  const session = pickSession(feed, now);
  const ofSession = session && polls.find((p) => p.id === session.poll || p.session === session.id);
  return ofSession ?? polls[0];
}
