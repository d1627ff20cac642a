// Seeded generator of hostile feeds for the fuzz test: a valid feed around `now`, then a few mutations
// an attacker or a broken exporter would make. The same seed gives the same feeds on every machine.

/** mulberry32: small, fast, and good enough to pick mutations. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Rng = () => number;
const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)]!;

/** Any of these running means a payload executed: the test defines `window.__fuzzPwned`. */
export const SCRIPT_PAYLOADS = [
  '<img src=x onerror="__fuzzPwned(1)">',
  '<script>__fuzzPwned(2)</script>',
  '"><svg onload=__fuzzPwned(3)>',
  '<b data-fuzz-injected>bold</b>',
  '<iframe srcdoc="<script>parent.__fuzzPwned(4)</script>"></iframe>',
  '{{constructor.constructor("__fuzzPwned(5)")()}}',
  '${__fuzzPwned(6)}',
  '<a href="javascript:__fuzzPwned(7)" data-fuzz-injected>x</a>',
];
export const URL_PAYLOADS = [
  'javascript:__fuzzPwned(8)',
  'JaVaScRiPt:__fuzzPwned(9)',
  ' javascript:__fuzzPwned(10)',
  'java\tscript:__fuzzPwned(11)',
  'data:text/html,<script>__fuzzPwned(12)</script>',
  'vbscript:msgbox(1)',
  '//127.0.0.1:9/x',
  'http://127.0.0.1:9/%ZZ',
  'https://[::1',
  '\ud83d',
];
export const IMPOSSIBLE_DATES = ['2026-02-31T00:00:00Z', '2025-02-29T10:00:00Z', '2026-06-31T23:59:59-12:00', '2026-13-01T00:00:00Z', '2026-06-18T24:00:00Z', '2026-06-18T15:00:00+25:00', 'tomorrow', ''];
const ODD_STRINGS = ['\ud83d', 'abc\ud83d', '\udc00x', '\u202e\u200fمرحبا\u202c', '\u0000', '\u2028\u2029', 'x'.repeat(100_000), ' ', '\ufeff', 'é'.normalize('NFD'), '🇫🇷👩‍👩‍👧'];
const TEXT_KEYS = new Set(['title', 'description', 'organizer', 'location', 'name', 'role', 'organization', 'city', 'country', 'prompt', 'text', 'kind']);
const URL_KEYS = new Set(['url', 'joinUrl', 'photo', 'thumbnail', 'endpoint']);
const DATE_KEYS = new Set(['start', 'end', 'opensAt', 'closesAt', 'recordedAt']);
const REFERENCE_KEYS = new Set(['session', 'poll', 'track', 'speakers']);

/** A valid feed with sessions past, live and to come around `now`, a poll and recordings of each provider. */
export function baseFeed(rng: Rng, now: number, origin: string): Record<string, Json> {
  const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
  const hour = 3_600_000;
  // Past, live and coming sessions in every combination, so that each widget shows each of its states.
  const offsets = [-48, -3, -0.5, 2, 26, 24 * 40].filter(() => rng() < 0.5);
  if (!offsets.length) offsets.push(2);
  const sessions = offsets.map((h, i) => ({
    id: `s${i}`,
    title: i % 2 ? `Session ${i}` : { en: `Session ${i}`, fr: `Séance ${i}`, ar: `جلسة ${i}` },
    description: 'About it.',
    start: iso(now + h * hour),
    end: iso(now + (h + 1.5) * hour),
    timeZone: pick(rng, ['Europe/Madrid', 'Asia/Seoul', 'America/Los_Angeles', 'UTC']),
    joinUrl: 'https://meet.example.org/x',
    location: 'Online',
    track: 't1',
    languages: ['en', 'fr'],
    speakers: ['p1'],
    poll: 'q1',
    items: [{ start: iso(now + h * hour), end: iso(now + (h + 0.5) * hour), title: 'Opening', kind: 'opening', speakers: ['p1'] }],
  }));
  return {
    version: 1,
    languages: ['en', 'fr', 'ar'],
    event: { id: 'ev', title: { en: 'Event', fr: 'Événement' }, description: 'An event.', organizer: 'Org', url: 'https://example.org/', timeZone: 'Europe/Madrid' },
    sessions,
    speakers: [{ id: 'p1', name: 'Ada', role: 'Speaker', organization: 'Org', city: 'Madrid', country: 'Spain', photo: '/__nothing/p1.svg', url: 'https://example.org/ada' }],
    tracks: [{ id: 't1', title: 'Track', color: '#0b57a4' }],
    polls: [
      {
        id: 'q1',
        title: 'Question',
        prompt: 'Choose',
        session: 's0',
        mode: pick(rng, ['single', 'multiple']),
        maxChoices: 2,
        results: pick(rng, ['always', 'after-vote', 'after-close']),
        opensAt: iso(now - 24 * hour),
        closesAt: iso(now + 24 * hour),
        endpoint: `${origin}/__fuzz-poll/q1`,
        groups: [{ id: 'g1', title: 'Group', options: [{ id: 'o1', text: 'Yes' }, { id: 'o2', text: 'No' }] }],
      },
    ],
    recordings: (['youtube', 'vimeo', 'file'] as const).map((provider, i) => ({
      id: `r${i}`,
      title: `Recording ${i}`,
      session: `s${i % sessions.length}`,
      recordedAt: iso(now - 72 * hour),
      duration: 'PT1H2M',
      provider,
      videoId: provider === 'file' ? undefined! : `vid${i}`,
      url: provider === 'file' ? '/__nothing/video.mp4' : `https://video.example.org/${i}`,
      thumbnail: '/__nothing/thumb.svg',
      language: 'en',
      captions: [{ language: 'en', url: '/__nothing/captions.vtt' }],
      tags: ['peer learning', 'e-learning'],
    })),
  };
}

interface Slot {
  parent: Json[] | { [key: string]: Json };
  key: string | number;
  /** The nearest object key above the slot (`title` for `title.en`, `speakers` for `speakers[0]`). */
  field: string;
}

function slots(value: Json, field = '', out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) value.forEach((v, i) => (out.push({ parent: value, key: i, field }), slots(v, field, out)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push({ parent: value, key: k, field: k });
      slots(v, k, out);
    }
  return out;
}

const set = (slot: Slot, value: Json) => ((slot.parent as Record<string | number, Json>)[slot.key] = value);
const typeSwaps: Json[] = [null, true, 0, -1, 1e308, '', 'x', [], {}, [null], { en: 1 } as Json];

/** The mutations, by name (the table counts feeds by the mutations they got). */
const MUTATIONS: Record<string, (rng: Rng, feed: Record<string, Json>) => void> = {
  'type swap': (rng, feed) => set(pick(rng, slots(feed)), structuredClone(pick(rng, typeSwaps))),
  'missing field': (rng, feed) => {
    const slot = pick(rng, slots(feed).filter((s) => !Array.isArray(s.parent)));
    delete (slot.parent as Record<string, Json>)[slot.key];
  },
  'extra fields': (rng, feed) => {
    const objects = slots(feed).map((s) => (s.parent as Record<string, Json>)[s.key]).filter((v) => v && typeof v === 'object' && !Array.isArray(v));
    const target = pick(rng, [feed, ...objects]) as Record<string, Json>;
    target[pick(rng, ['x-extra', 'toString', 'valueOf', 'hasOwnProperty', 'then'])] = structuredClone(pick(rng, typeSwaps));
  },
  'proto keys': (rng, feed) => {
    const objects = slots(feed).map((s) => (s.parent as Record<string, Json>)[s.key]).filter((v) => v && typeof v === 'object' && !Array.isArray(v));
    const target = pick(rng, [feed, ...objects]) as Record<string, Json>;
    // An own "__proto__" key, as JSON.parse makes it: assigning it would set the prototype instead.
    Object.defineProperty(target, '__proto__', { value: { fuzzPolluted: true }, enumerable: true, configurable: true, writable: true });
    target['constructor'] = { prototype: { fuzzPolluted: true } };
  },
  'odd strings': (rng, feed) => {
    const strings = slots(feed).filter((s) => typeof (s.parent as Record<string | number, Json>)[s.key] === 'string');
    for (let i = 0; i < 3; i++) set(pick(rng, strings), pick(rng, ODD_STRINGS) + (rng() < 0.5 ? 'tail' : ''));
  },
  'script in every text': (rng, feed) => {
    for (const slot of slots(feed)) {
      const value = (slot.parent as Record<string | number, Json>)[slot.key];
      if (typeof value === 'string' && TEXT_KEYS.has(slot.field)) set(slot, pick(rng, SCRIPT_PAYLOADS) + value);
    }
  },
  'unsafe URLs in every URL field': (rng, feed) => {
    for (const slot of slots(feed)) if (URL_KEYS.has(slot.field) && typeof slot.key === 'string') set(slot, pick(rng, URL_PAYLOADS));
  },
  'impossible dates': (rng, feed) => {
    const dates = slots(feed).filter((s) => DATE_KEYS.has(s.field) && typeof s.key === 'string');
    set(pick(rng, dates), pick(rng, IMPOSSIBLE_DATES));
  },
  'dangling references': (rng, feed) => {
    for (const slot of slots(feed)) {
      if (!REFERENCE_KEYS.has(slot.field) || rng() < 0.5) continue;
      const value = (slot.parent as Record<string | number, Json>)[slot.key];
      if (typeof value === 'string') set(slot, `ghost-${Math.floor(rng() * 9)}`);
    }
  },
  'duplicate ids': (_rng, feed) => {
    const sessions = feed['sessions'] as Json[];
    if (Array.isArray(sessions) && sessions[0]) sessions.push(structuredClone(sessions[0]));
    const recordings = feed['recordings'] as Json[];
    if (Array.isArray(recordings) && recordings[0]) recordings.push(structuredClone(recordings[0]));
  },
  'lone surrogates in ids and video ids': (rng, feed) => {
    for (const slot of slots(feed)) {
      if ((slot.field === 'videoId' || slot.field === 'title') && typeof slot.key === 'string' && rng() < 0.5) {
        const value = (slot.parent as Record<string, Json>)[slot.key];
        if (typeof value === 'string') set(slot, `${value}\ud83d`);
      }
    }
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

export interface HostileFeed {
  /** The JSON text a server would send. */
  body: string;
  mutations: string[];
}

/** Feed number `index` of the run seeded with `seed`. */
export function hostileFeed(seed: number, index: number, now: number, origin: string): HostileFeed {
  const rng = random(seed * 1_000_003 + index);
  const feed = baseFeed(rng, now, origin);
  const count = 1 + Math.floor(rng() * 3);
  const mutations: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = pick(rng, MUTATION_NAMES);
    MUTATIONS[name]!(rng, feed);
    mutations.push(name);
  }
  return { body: JSON.stringify(feed), mutations };
}

/** One feed of `sessions` sessions (a network-wide programme), under the 2 MB limit. */
export function hugeFeed(sessions: number, now: number): string {
  const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
  return JSON.stringify({
    version: 1,
    event: { id: 'big', title: 'Network programme', timeZone: 'UTC' },
    sessions: Array.from({ length: sessions }, (_, i) => ({ id: `s${i}`, title: `S${i}`, start: iso(now + (i - 50) * 3_600_000), end: iso(now + (i - 49) * 3_600_000) })),
  });
}
