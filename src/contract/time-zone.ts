const known = new Map<string, boolean>();

/**
 * Whether this runtime knows the IANA zone `zone`. Answered once per name: a feed names the same few
 * zones many times, and constructing a formatter to ask is the costly part.
 */
export function isKnownTimeZone(zone: string): boolean {
  let answer = known.get(zone);
  if (answer === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      answer = true;
    } catch {
      answer = false;
    }
    known.set(zone, answer);
  }
  return answer;
}
