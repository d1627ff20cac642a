import { DURATION } from '../contract/patterns.js';
import { intl, unitFormat } from '../i18n/intl.js';

/** Hours, minutes and seconds of an ISO 8601 duration (`PT1H58M`, `P1DT2H`); days fold into hours. */
export function parseDuration(iso: string | undefined): { hours: number; minutes: number; seconds: number } | undefined {
  // The feed's own pattern: groups 1, 3, 4 and 5 hold "1D", "2H", "58M" and "30S".
  const m = iso ? new RegExp(DURATION).exec(iso) : null;
  if (!m) return undefined;
  const [days, hours, minutes, seconds] = [m[1], m[3], m[4], m[5]].map((part) => parseInt(part ?? '0', 10)) as [number, number, number, number];
  return { hours: days * 24 + hours, minutes, seconds };
}

interface DurationFormatter {
  format(duration: Record<string, number>): string;
}
type DurationFormatConstructor = new (lang: string, options: { style: string }) => DurationFormatter;

/** `Intl.DurationFormat` where the browser has it, else one `Intl.NumberFormat` unit per part. */
function formatter(lang: string): DurationFormatter {
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) return intl(DurationFormat, lang, { style: 'short' });
  return {
    format: (parts) =>
      Object.entries(parts)
        .map(([unit, value]) => unitFormat(lang, unit, 'short').format(value))
        .join(' '),
  };
}

/** "1 hr, 58 min" in the visitor's language; seconds are shown only for recordings under an hour. */
export function formatDuration(iso: string | undefined, lang: string): string {
  const d = parseDuration(iso);
  if (!d) return '';
  const parts: Record<string, number> = {};
  if (d.hours) parts.hours = d.hours;
  if (d.minutes) parts.minutes = d.minutes;
  if (d.seconds && !d.hours) parts.seconds = d.seconds;
  try {
    return formatter(lang).format(parts);
  } catch {
    return iso ?? ''; // a malformed lang attribute must not break the list
  }
}
