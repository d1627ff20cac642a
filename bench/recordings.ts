import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/chromium.js';
import { serveStatic } from './support/static-server.js';
import { median, round } from './support/stats.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const bundle = resolve(root, 'dist/civic-widgets.js');
const RUNS = 7;
const COUNT = 1000;

/** 1,000 recordings across the three providers, four languages and ten tags, some with thumbnails. */
export function generateFeed(count = COUNT): string {
  const providers = ['youtube', 'vimeo', 'file'] as const;
  const recordings = Array.from({ length: count }, (_, i) => {
    const provider = providers[i % 3]!;
    return {
      id: `r${i}`,
      title: { en: `Recording ${i}: local democracy after the pandemic`, fr: `Enregistrement ${i} : démocratie locale` },
      session: `s${i % 20}`,
      recordedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
      duration: `PT${1 + (i % 3)}H${i % 60}M`,
      provider,
      videoId: provider === 'file' ? undefined : String(100_000 + i),
      url: provider === 'file' ? `/media/${i}.mp4` : `https://example.org/watch/${i}`,
      thumbnail: i % 2 ? `/thumbs/${i}.svg` : undefined,
      language: ['en', 'fr', 'es', 'ar'][i % 4],
      captions: [{ language: 'en', url: `/captions/${i}.en.vtt` }],
      tags: [`topic ${i % 10}`, i % 7 ? 'plenary' : 'workshop'],
    };
  });
  const sessions = Array.from({ length: 20 }, (_, i) => ({
    id: `s${i}`,
    title: `Session ${i}`,
    start: new Date(Date.UTC(2026, 0, 1 + i, 14)).toISOString(),
    end: new Date(Date.UTC(2026, 0, 1 + i, 16)).toISOString(),
    speakers: [`p${i % 5}`],
  }));
  const speakers = Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, name: `Speaker ${i}` }));
  return JSON.stringify({ version: 1, languages: ['en', 'fr'], event: { id: 'bench', title: 'Bench', timeZone: 'Europe/Madrid' }, sessions, speakers, recordings });
}

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
<script type="module" src="/dist/civic-widgets.js"></script><body><main id="stage"></main></body></html>`;

/** Runs in the page: the widget's render beside innerHTML of the same visible cards, interleaved. */
async function measure({ runs, feedUrl }: { runs: number; feedUrl: string }) {
  const stage = document.getElementById('stage')!;
  await customElements.whenDefined('civic-recordings');
  type Widget = HTMLElement & { src: string; updateComplete: Promise<boolean> };
  const ctor = customElements.get('civic-recordings') as unknown as { elementStyles: { styleSheet: CSSStyleSheet }[] };
  const sheets = ctor.elementStyles.map((s) => s.styleSheet);
  const feed = await (await fetch(feedUrl)).json();
  const settle = () => stage.getBoundingClientRect() && document.body.offsetHeight; // layout included in both

  const widget = async (): Promise<{ el: Widget; ms: number }> => {
    const el = document.createElement('civic-recordings') as Widget;
    el.src = feedUrl;
    const start = performance.now();
    stage.append(el);
    await new Promise<void>((done) => {
      const check = async () => {
        await el.updateComplete;
        if (el.shadowRoot?.querySelector('[part=item]')) done();
        else setTimeout(check, 0);
      };
      void check();
    });
    settle();
    return { el, ms: performance.now() - start };
  };

  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
  const baseline = () => {
    const start = performance.now();
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = sheets;
    const visible = [...feed.recordings].sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt)).slice(0, 24);
    shadow.innerHTML = `<div part="base"><p class="count">Recordings: ${feed.recordings.length}</p><ul class="list">${visible
      .map(
        (r) => `<li part="item" class="item"><h3 part="title">${esc(r.title.en)}</h3><div class="player">${
          r.thumbnail ? `<img src="${esc(r.thumbnail)}" alt="" loading="lazy">` : `<span class="placeholder" aria-hidden="true">${esc(r.title.en)}</span>`
        }<button part="play" class="poster" aria-label="Play: ${esc(r.title.en)}"><span class="play">Play</span></button></div><p class="meta"><time>${date.format(
          Date.parse(r.recordedAt),
        )}</time><span>${esc(r.duration)}</span><span>${esc(r.language)}</span></p><ul class="tags">${r.tags.map((t: string) => `<li>${esc(t)}</li>`).join('')}</ul></li>`,
      )
      .join('')}</ul></div>`;
    stage.append(host);
    settle();
    return { el: host, ms: performance.now() - start };
  };

  // The first widget fetches and validates the feed; later ones find it in the page-wide store.
  const cold = await widget();
  cold.el.remove();
  const widgetMs: number[] = [];
  const baselineMs: number[] = [];
  const searchMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const w = await widget();
    widgetMs.push(w.ms);
    const input = w.el.shadowRoot!.querySelector('input')!;
    const start = performance.now();
    input.value = 'democracy 7';
    input.dispatchEvent(new Event('input'));
    await w.el.updateComplete;
    settle();
    searchMs.push(performance.now() - start);
    w.el.remove();
    const b = baseline();
    baselineMs.push(b.ms);
    b.el.remove();
  }
  return { cold: cold.ms, widgetMs, baselineMs, searchMs };
}

export async function run(): Promise<Record<string, number | string>> {
  if (!existsSync(bundle) || !readFileSync(bundle, 'utf8').includes('civic-recordings')) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  const server = await serveStatic(root, { '/bench-recordings.json': generateFeed(), '/bench-recordings.html': PAGE });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx compiles with esbuild's keepNames, which wraps functions in __name(); the page needs it too.
    await page.addInitScript('globalThis.__name = (f) => f');
    await page.goto(`${server.origin}/bench-recordings.html`);
    const result = await page.evaluate(measure, { runs: RUNS, feedUrl: '/bench-recordings.json' });
    const widget = median(result.widgetMs);
    const baseline = median(result.baselineMs);
    const figures = {
      'first render incl. fetch + validation ms': round(result.cold),
      'widget render ms (24 of 1,000 cards)': round(widget),
      'innerHTML baseline ms (same 24 cards)': round(baseline),
      'widget / innerHTML': round(widget / baseline, 2),
      'search keystroke ms (1,000 filtered)': round(median(result.searchMs)),
    };
    console.log(`civic-recordings with ${COUNT} recordings, median of ${RUNS} runs (Chromium, same page)`);
    for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(42)} ${value}`);
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
