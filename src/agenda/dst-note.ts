import { zoneOffsetMinutes } from '../time/format.js';

const HOUR = 3_600_000;

/**
 * The instant (to the hour) at which `timeZone` changes its UTC offset between `from` and `to`,
 * or undefined when it keeps one offset all along: a DST change inside the event.
 */
export function offsetChange(timeZone: string, from: Date, to: Date): Date | undefined {
  let low = from.getTime();
  let high = to.getTime();
  const before = zoneOffsetMinutes(from, timeZone);
  if (before === zoneOffsetMinutes(to, timeZone)) return undefined;
  // One change at most in an event's span (they are months apart): bisect down to the hour.
  while (high - low > HOUR) {
    const mid = low + Math.floor((high - low) / 2);
    if (zoneOffsetMinutes(new Date(mid), timeZone) === before) low = mid;
    else high = mid;
  }
  return new Date(high);
}
