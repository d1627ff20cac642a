import { listFormat, unitFormat } from '../i18n/intl.js';

/** A remaining duration split into whole days, hours, minutes and seconds. */
export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export type CountdownUnit = keyof CountdownParts;
export const UNITS: readonly CountdownUnit[] = ['days', 'hours', 'minutes', 'seconds'];

/**
 * Splits `ms` into d/h/m/s, rounding up to the second: "0 s" is only ever shown at the start itself,
 * never during the last second before it. Elapsed time, not wall-clock time: a DST change between
 * now and the start makes one day 23 or 25 hours long and the countdown stays exact.
 */
export function countdownParts(ms: number): CountdownParts {
  let s = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(s / 86_400);
  s -= days * 86_400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  return { days, hours, minutes, seconds: s - minutes * 60 };
}

/**
 * The words a screen reader hears: "2 days, 3 hours and 5 minutes". Zero units are left out, and
 * seconds are only named in the last minute, since the sentence is read once, not every second.
 */
export function spokenDuration(parts: CountdownParts, lang: string): string {
  const named = UNITS.filter((unit) => parts[unit] > 0 && (unit !== 'seconds' || parts.days + parts.hours + parts.minutes === 0));
  const words = named.map((unit) => unitFormat(lang, unit, 'long').format(parts[unit]));
  try {
    return listFormat(lang).format(words);
  } catch {
    return words.join(', ');
  }
}
