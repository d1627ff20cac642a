import { dayKey } from '../time/format.js';

export interface DayGroup<T> {
  /** "2026-10-11": the calendar day in the display zone. */
  key: string;
  items: T[];
}

/**
 * Sessions grouped by the calendar day of their start in `timeZone` (the zone the visitor reads),
 * so that a session at 09:00 in Seoul sits on the previous evening for a visitor in New York.
 * Days and the sessions inside them are in start order.
 */
export function groupByDay<T extends { start: string }>(
  sessions: readonly T[],
  timeZone: string,
  /** The day of an instant, when the caller has a cheaper way than Intl (a zone with one offset all along). */
  dayOf: (start: Date) => string = (start) => dayKey(start, timeZone),
): DayGroup<T>[] {
  const sorted = sessions.map((session) => ({ session, start: Date.parse(session.start) })).sort((a, b) => a.start - b.start);
  const days: DayGroup<T>[] = [];
  for (const { session, start } of sorted) {
    const key = dayOf(new Date(start));
    const last = days.at(-1);
    if (last?.key === key) last.items.push(session);
    else days.push({ key, items: [session] });
  }
  return days;
}
