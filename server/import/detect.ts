import type { ImportFormat } from './types.js';

/** The format of an input from its first bytes (never from its name: URLs rarely say). */
export function detectFormat(input: string): ImportFormat | undefined {
  const head = input.slice(0, 8192).replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ics';
  if (head.startsWith('{')) return 'schedule';
  if (head.startsWith('<')) {
    if (/<schedule[\s>]/.test(head)) return 'schedule-xml';
    if (/<feed[\s>]/.test(head) && /youtube\.com|yt:videoId|xmlns:yt=/.test(head)) return 'youtube';
  }
  return undefined;
}
