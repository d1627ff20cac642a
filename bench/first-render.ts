import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { scriptBuild } from '../vite.config.js';
import { bundleIsStale } from './support/bundle.js';
import { launchChromium } from './support/chromium.js';
import { embedPage, startEmbedServers, type EmbedServers } from './support/embed-servers.js';
import { median, round } from './support/stats.js';

// Time to first content on a slow phone: the built scripts against two floors built from their own
// small sources (bench/floors/), served the same way, in the same run. Headless Chromium, 150 ms RTT,
// 1.6 Mbit/s down, CPU slowed 4×, a fresh browser context per run, pages interleaved run by run,
// medians. On a shared machine absolute times drift: the ratio to `lit-fetch-intl` is what counts.
//
//   node --import tsx bench/first-render.ts [--runs 7] [--only name,name] [--dist dir] [--no-hint] [--before dir]

const root = resolve(fileURLToPath(import.meta.url), '../..');
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
/** Another build to measure (a copy of yesterday's `dist/`, say); default: this checkout's, rebuilt when stale. */
const DIST = process.argv.includes('--dist') ? resolve(process.argv[process.argv.indexOf('--dist') + 1]!) : undefined;
/** A build to measure in the same run as "before" rows (a copy of an older `dist/`), served at /before/. */
const BEFORE = process.argv.includes('--before') ? resolve(process.argv[process.argv.indexOf('--before') + 1]!) : undefined;
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : undefined;
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const CPU_SLOWDOWN = 4;
const FEED_DELAY_REPEAT_MS = 2000;
const VISITOR_ZONE = 'America/New_York';

/** A week-long event in Madrid that starts in two days: sessions, speakers, a poll, recordings. */
export function firstRenderFeed(now = Date.now()): string {
  const day0 = new Date(now + 2 * 86_400_000);
  day0.setUTCHours(8, 0, 0, 0);
  const at = (day: number, hour: number) => new Date(+day0 + day * 86_400_000 + hour * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const t = (en: string, fr: string, es: string, ar: string) => ({ en, fr, es, ar });
  const sessions = Array.from({ length: 12 }, (_, i) => ({
    id: `s${i}`,
    title: t(`Session ${i + 1}: cities learning from each other`, `Session ${i + 1} : les villes apprennent`, `Sesión ${i + 1}: ciudades que aprenden`, `الجلسة ${i + 1}: مدن تتعلم`),
    description: t('Peer learning on local public policies.', 'Apprentissage entre pairs.', 'Aprendizaje entre pares.', 'التعلم بين الأقران.'),
    start: at(i >> 1, (i % 2) * 3),
    end: at(i >> 1, (i % 2) * 3 + 2),
    timeZone: 'Europe/Madrid',
    track: `t${i % 3}`,
    languages: ['en', 'fr'],
    speakers: [`p${i % 8}`, `p${(i + 3) % 8}`],
    items: [0, 1, 2].map((j) => ({ start: at(i >> 1, (i % 2) * 3 + j * 0.5), end: at(i >> 1, (i % 2) * 3 + (j + 1) * 0.5), title: t(`Item ${j + 1}`, `Point ${j + 1}`, `Punto ${j + 1}`, `البند ${j + 1}`) })),
  }));
  const speakers = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, name: `Speaker ${i}`, organization: `City ${i}`, city: 'Barcelona', country: 'Spain' }));
  const tracks = [0, 1, 2].map((i) => ({ id: `t${i}`, title: t(`Track ${i}`, `Parcours ${i}`, `Línea ${i}`, `المسار ${i}`) }));
  const polls = [
    {
      id: 'priorities',
      title: t('Priorities', 'Priorités', 'Prioridades', 'الأولويات'),
      session: 's0',
      mode: 'multiple',
      maxChoices: 2,
      results: 'after-vote',
      groups: [{ id: 'g', title: t('Themes', 'Thèmes', 'Temas', 'المواضيع'), options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: t(`Option ${id}`, `Option ${id}`, `Opción ${id}`, `الخيار ${id}`) })) }],
    },
  ];
  const recordings = Array.from({ length: 6 }, (_, i) => ({
    id: `r${i}`,
    title: t(`Recording ${i + 1}`, `Enregistrement ${i + 1}`, `Grabación ${i + 1}`, `التسجيل ${i + 1}`),
    recordedAt: new Date(now - (i + 1) * 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    duration: 'PT1H30M',
    provider: 'file',
    url: `https://media.example.org/r${i}.mp4`,
    tags: ['peer-learning', 'local-democracy'],
  }));
  return JSON.stringify({
    version: 1,
    languages: ['en', 'fr', 'es', 'ar'],
    event: { id: 'bench', title: t('Bench congress', 'Congrès', 'Congreso', 'المؤتمر'), timeZone: 'Europe/Madrid' },
    sessions,
    speakers,
    tracks,
    polls,
    recordings,
  });
}

/** A page of the table: its language, what goes in `<head>` and in `<body>`, given the CDN's origin. */
export interface Variant {
  name: string;
  lang: string;
  head: (cdn: string) => string;
  body: (cdn: string) => string;
  /** Measured on the second visit of one context: scripts in the HTTP cache, the feed server slow. */
  repeat?: boolean;
}

const script = (src: string) => `<script type="module" src="${src}"></script>`;
const preload = (cdn: string) => `<link rel="preload" as="fetch" crossorigin href="${cdn}/feed.json">`;

const floor = (tag: string, lang = 'en', repeat = false): Variant => ({
  name: `${tag}${lang === 'en' ? '' : ` (${lang})`}${repeat ? ', repeat visit' : ''}`,
  lang,
  repeat,
  head: (cdn) => script(`${cdn}/floors/${tag}.js`),
  body: (cdn) => `<${tag} data-measure src="${cdn}/feed.json"></${tag}>`,
});

interface Options {
  lang?: string;
  file?: string;
  hint?: boolean;
  label?: string;
  repeat?: boolean;
  /** The folder on the CDN: `dist`, or `before` for the build given by --before. */
  dir?: string;
}

const countdown = (options: Options = {}): Variant => {
  const { lang = 'en', file = 'civic-widgets.js', hint = false, repeat = false, dir = 'dist' } = options;
  return {
    name: options.label ?? `<civic-countdown src> ${file}${hint ? ' + preload' : ''}${lang === 'en' ? '' : ` (${lang})`}${repeat ? ', repeat visit' : ''}`,
    lang,
    repeat,
    head: (cdn) => (hint ? preload(cdn) : '') + script(`${cdn}/${dir}/${file}`),
    body: (cdn) => `<civic-countdown data-measure src="${cdn}/feed.json"></civic-countdown>`,
  };
};

const allFour = (options: Options = {}): Variant => {
  const { lang = 'en', file = 'civic-widgets.js', hint = false, repeat = false, dir = 'dist' } = options;
  return {
    name: options.label ?? `<civic-event> all four ${file}${hint ? ' + preload' : ''}${lang === 'en' ? '' : ` (${lang})`}${repeat ? ', repeat visit' : ''}`,
    lang,
    repeat,
    head: (cdn) => (hint ? preload(cdn) : '') + script(`${cdn}/${dir}/${file}`),
    body: (cdn) => `<civic-event src="${cdn}/feed.json">
<civic-countdown data-measure></civic-countdown><civic-agenda data-measure></civic-agenda>
<civic-poll data-measure></civic-poll><civic-recordings data-measure></civic-recordings></civic-event>`,
  };
};

/** The rows of README's table, and the variants that compare the techniques (`--only` picks some). */
export function variants(dist: string): Variant[] {
  const has = (file: string) => existsSync(join(dist, file));
  // The snippet emits the hint since the store takes the preloaded response; `--no-hint` for older builds.
  const hint = !process.argv.includes('--no-hint');
  const lang = (code: string) => (has(`civic-widgets.${code}.js`) ? `civic-widgets.${code}.js` : 'civic-widgets.js');
  const list: Variant[] = [
    floor('lit-fetch'),
    floor('lit-fetch-intl'),
    countdown({ label: '<civic-countdown src> alone', file: has('civic-countdown.en.js') ? 'civic-countdown.en.js' : lang('en'), hint }),
    allFour({ label: '<civic-event> with all four widgets', file: lang('en'), hint }),
    floor('lit-fetch-intl', 'en', true),
    allFour({ label: '<civic-event> all four, repeat visit', file: lang('en'), hint, repeat: true }),
    // What each technique pays, alone: the hint with the all-language script, then without it.
    countdown({ hint }),
    allFour({ hint }),
    countdown({ label: '<civic-countdown src> civic-widgets.js (no hint)' }),
    allFour({ label: '<civic-event> all four civic-widgets.js (no hint)' }),
    allFour({ label: '<civic-event> all four, repeat visit, no hint', file: lang('en'), repeat: true }),
  ];
  if (BEFORE) {
    list.push(countdown({ label: 'before: <civic-countdown src> alone', dir: 'before' }));
    list.push(allFour({ label: 'before: <civic-event> with all four widgets', dir: 'before' }));
    list.push(allFour({ label: 'before: <civic-event> all four, repeat visit', dir: 'before', repeat: true }));
  }
  for (const code of ['fr', 'ar']) {
    list.push(floor('lit-fetch-intl', code));
    list.push(allFour({ label: `<civic-event> all four civic-widgets.js (${code})`, lang: code, hint }));
    if (has(`civic-widgets.${code}.js`)) list.push(allFour({ label: `<civic-event> all four civic-widgets.${code}.js (${code})`, lang: code, file: `civic-widgets.${code}.js`, hint }));
  }
  return list;
}

/** Set in the page before any script: the time at which every `[data-measure]` element shows a title. */
const PROBE = `<script>(() => {
  const shown = (el) => { const t = el.shadowRoot && el.shadowRoot.querySelector('[part="title"]'); return !!(t && t.textContent.trim()); };
  const check = () => {
    const els = document.querySelectorAll('[data-measure]');
    if (els.length && [...els].every(shown)) window.__firstRender = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();</script>`;

async function measure(browser: Browser, servers: EmbedServers, variant: Variant, index: number): Promise<{ ms: number; feedRequests: number }> {
  const path = `/v${index}.html`;
  servers.pages.set(path, embedPage(variant.lang, PROBE + variant.head(servers.cdn), variant.body(servers.cdn)));
  const context = await browser.newContext({ locale: variant.lang, timezoneId: VISITOR_ZONE });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`${variant.name}: ${error.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const visit = async () => {
      servers.feedRequests.length = 0;
      await page.goto(servers.site + path, { waitUntil: 'commit' });
      await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender, undefined, { timeout: 60_000, polling: 50 });
      return page.evaluate(() => (window as unknown as { __firstRender: number }).__firstRender);
    };
    if (variant.repeat) {
      await visit();
      await page.waitForTimeout(300); // the stored copy is written once the feed is validated
      servers.feed.delayMs = FEED_DELAY_REPEAT_MS;
      try {
        const ms = await visit();
        return { ms, feedRequests: servers.feedRequests.length };
      } finally {
        servers.feed.delayMs = 0;
      }
    }
    const ms = await visit();
    await page.waitForTimeout(100); // a late duplicate request would show here
    return { ms, feedRequests: servers.feedRequests.length };
  } finally {
    await context.close();
  }
}

async function buildFloors(out: string): Promise<void> {
  // The library's own minifying settings, without its template-literal minifier's reach (src/ only).
  for (const name of ['lit-fetch', 'lit-fetch-intl']) {
    await build({ ...scriptBuild(join(root, 'bench/floors', `${name}.ts`), `${name}.js`, [], false, out), root, logLevel: 'silent' });
  }
}

const gzipKb = async (file: string) => round(gzipSync(await readFile(file), { level: 9 }).length / 1024, 1);

export async function run(): Promise<Record<string, number | string>> {
  if (!DIST && bundleIsStale(root)) execSync('npx vite build', { cwd: root, stdio: 'inherit' });
  const floors = await mkdtemp(join(tmpdir(), 'civic-floors-'));
  await buildFloors(floors);
  const dist = DIST ?? join(root, 'dist');
  const servers = await startEmbedServers({ '/dist/': dist, '/floors/': floors, ...(BEFORE ? { '/before/': BEFORE } : {}) });
  servers.feed.body = firstRenderFeed();
  const browser = await launchChromium();
  const list = variants(dist).filter((v) => !ONLY || ONLY.some((name) => v.name.includes(name)));
  const times = list.map(() => [] as number[]);
  const requests = list.map(() => 0);
  try {
    for (let run = 0; run < RUNS + 1; run++) {
      // Interleaved: each run measures every page once, so that a neighbour's load hits all alike.
      for (const [i, variant] of list.entries()) {
        const { ms, feedRequests } = await measure(browser, servers, variant, i);
        if (run > 0) times[i]!.push(ms); // the first round warms the servers and the OS caches
        requests[i] = Math.max(requests[i]!, feedRequests);
      }
      process.stdout.write(`.`);
    }
  } finally {
    await browser.close();
    await servers.close();
  }
  const figures: Record<string, number | string> = {};
  console.log(`\nfirst render, ${RUNS} interleaved runs, medians; 150 ms RTT, 1.6 Mbit/s, CPU ×${CPU_SLOWDOWN}, visitor in ${VISITOR_ZONE}`);
  console.log('page'.padEnd(64), 'ms'.padStart(7), 'vs lit-fetch-intl'.padStart(18), 'feed requests'.padStart(14));
  console.log('(ms: median of the runs; ratio: median of each run\'s ratio to the floor of the same language and visit)');
  for (const [i, variant] of list.entries()) {
    const m = median(times[i]!);
    const floorIndex = list.findIndex((v) => v.name === floor('lit-fetch-intl', variant.lang, variant.repeat).name);
    const floorTimes = times[floorIndex >= 0 ? floorIndex : list.findIndex((v) => v.name === 'lit-fetch-intl')] ?? times[i]!;
    // The median of each run's own ratio: a neighbour's load that slows one round slows both sides of it.
    const ratio = median(times[i]!.map((ms, run) => ms / floorTimes[run]!));
    console.log(variant.name.padEnd(64), String(Math.round(m)).padStart(7), ratio.toFixed(2).padStart(18), String(requests[i]).padStart(14));
    figures[`${variant.name} ms`] = Math.round(m);
    figures[`${variant.name} ratio`] = round(ratio, 2);
  }
  const scripts = ['civic-widgets.js', ...readdirSync(dist).filter((f) => /^civic-.*\.js$/.test(f) && f !== 'civic-widgets.js').sort()];
  console.log('\nscripts (gzip KB):', (await Promise.all(scripts.map(async (f) => `${f} ${await gzipKb(join(dist, f))}`))).join(', '));
  for (const name of ['lit-fetch', 'lit-fetch-intl']) figures[`floor ${name}.js gzip KB`] = await gzipKb(join(floors, `${name}.js`));
  console.log(`floors (gzip KB): lit-fetch ${figures['floor lit-fetch.js gzip KB']}, lit-fetch-intl ${figures['floor lit-fetch-intl.js gzip KB']}`);
  await rm(floors, { recursive: true, force: true });
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
