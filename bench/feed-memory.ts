import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './support/chromium.js';
import { serveStatic } from './support/static-server.js';
import { round } from './support/stats.js';

// The page's heap after a widget's `src` changed 40 times, beside the heap with one feed shown (same run):
// a feed nobody shows any more must not stay parsed in memory (issue 18: 1.6 → 12.3 MB before).

const root = resolve(fileURLToPath(import.meta.url), '../..');
const CHANGES = 40;

/** About 300 KB: a programme of 600 sessions. */
function feed(n: number): string {
  const sessions = Array.from({ length: 600 }, (_, i) => ({
    id: `s${i}`,
    title: { en: `Session ${i} of feed ${n}: local democracy after the pandemic`, fr: `Séance ${i} du flux ${n}` },
    description: 'Election processes, council meetings, deliberation and co-creation with citizens.',
    start: new Date(Date.UTC(2026, 5, 1) + i * 3_600_000).toISOString(),
    end: new Date(Date.UTC(2026, 5, 1) + i * 3_600_000 + 1_800_000).toISOString(),
  }));
  return JSON.stringify({ version: 1, event: { id: `f${n}`, title: `Feed ${n}`, timeZone: 'Europe/Madrid' }, sessions });
}

const PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
<script type="module" src="/dist/civic-widgets.js"></script><body><civic-countdown id="w"></civic-countdown></body></html>`;

async function show(n: number): Promise<void> {
  const el = document.getElementById('w') as HTMLElement & { src: string };
  const loaded = new Promise((done) => {
    const check = () => ((el.shadowRoot?.textContent ?? '').includes(`Feed ${n}`) || (el.shadowRoot?.textContent ?? '').includes(`feed ${n}`) ? done(null) : setTimeout(check, 5));
    check();
  });
  el.src = `/feed-${n}.json`;
  await loaded;
  localStorage.clear(); // the offline copies are the host page's storage, not the heap
}

export async function run(): Promise<Record<string, number | string>> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const routes: Record<string, string> = { '/feed-memory.html': PAGE };
  for (let n = 0; n <= CHANGES; n++) routes[`/feed-${n}.json`] = feed(n);
  const server = await serveStatic(root, routes);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript('globalThis.__name = (f) => f');
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
    };
    await page.goto(`${server.origin}/feed-memory.html`);
    await page.waitForFunction(() => customElements.get('civic-countdown'));
    await page.evaluate(show, 0);
    const one = await heap();
    for (let n = 1; n <= CHANGES; n++) await page.evaluate(show, n);
    const after = await heap();
    const figures = {
      'heap MB, one 300 KB feed shown': round(one, 2),
      [`heap MB after ${CHANGES} changes of src`]: round(after, 2),
      'ratio (1 = nothing kept)': round(after / one, 2),
    };
    console.table(figures);
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
