import { DATE_TIME } from '../src/contract/patterns.js';

const DATE_KEYS = new Set(['start', 'end', 'opensAt', 'closesAt', 'recordedAt']);
const dateTime = new RegExp(DATE_TIME);
const QUARTER_HOUR = 15 * 60_000;
const DAY = 24 * 3600_000;

/** The same instant moved by `deltaMs`, written with the original's UTC offset. */
export function shiftDateTime(value: string, deltaMs: number): string {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  const offsetMs = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0;
  const shifted = new Date(Date.parse(value) + deltaMs + offsetMs).toISOString().replace(/\.\d{3}Z$/, '');
  return shifted + (offset ? offset[0] : 'Z');
}

/** A deep copy of a raw feed with every date-time field moved by `deltaMs`. */
export function shiftFeedDates<T>(json: T, deltaMs: number): T {
  const walk = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node)) return node.map((child) => walk(child));
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, child]) => [k, walk(child, k)]));
    }
    if (typeof node === 'string' && key && DATE_KEYS.has(key) && dateTime.test(node)) return shiftDateTime(node, deltaMs);
    return node;
  };
  return walk(json) as T;
}

/**
 * For demos and stories: moves a raw feed's dates so that the session named by its `demoAnchor`
 * (`{ "session": "id", "startsInMinutes": -30 }`) starts that many minutes from `now`, rounded to a
 * quarter hour so that times still look like a programme's. With `"keepTimeOfDay": true` the move is
 * rounded to whole days instead: a programme days away keeps its written hours (09:30 in Seoul), so
 * its sessions stay on their days. Feeds without an anchor are unchanged.
 */
export function anchorFeedDates<T>(json: T, now: number): T {
  const feed = json as {
    demoAnchor?: { session?: string; startsInMinutes?: number; keepTimeOfDay?: boolean };
    sessions?: { id?: string; start?: string }[];
  };
  const anchor = feed.demoAnchor;
  const session = feed.sessions?.find((s) => s.id === anchor?.session);
  if (!anchor || !session?.start) return json;
  const target = now + (anchor.startsInMinutes ?? 0) * 60_000;
  const step = anchor.keepTimeOfDay ? DAY : QUARTER_HOUR;
  const delta = Math.round((target - Date.parse(session.start)) / step) * step;
  return shiftFeedDates(json, delta);
}
