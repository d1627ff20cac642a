// The presenter view on the projector: the time from a vote to its bar and number moving on screen
// (median over 100 votes), beside the same vote reaching a bare EventSource on the same page (the
// floor: server, store and SSE, no rendering). The same for a question asked by a visitor and shown
// in the console's moderation queue. And the console bundle's size beside the visitors'.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './support/chromium.js';
import { benchFeeds, root, startProcess, tempDb } from './support/server-process.js';
import { median, round } from './support/stats.js';

const VOTES = Number(process.env.BENCH_PRESENTER_VOTES ?? 100);
const QUESTIONS = Number(process.env.BENCH_CONSOLE_QUESTIONS ?? 30);
/** More than the streams' coalescing window, so that each vote is flushed at once (leading edge). */
const GAP_MS = 300;

export async function run(): Promise<Record<string, number | string>> {
  const gzip = (file: string) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
  const consoleGzip = gzip('dist/admin/console.js');
  const visitorsGzip = gzip('dist/civic-widgets.js');

  const token = `bench-${Date.now()}`;
  const db = tempDb();
  const feeds = benchFeeds({ questions: [{ id: 'bench-qa', title: 'Bench Q&A', moderation: 'pre' }] });
  const server = await startProcess('server/cli.ts', ['serve', '--feeds', feeds, '--db', db, '--port', '0', '--vote-rate', '1000000000'], {
    CIVIC_ADMIN_TOKEN: token,
  });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await page.goto(`${server.origin}/admin/`);
    await page.locator('civic-admin-console input#token').fill(token);
    await page.locator('civic-admin-console form.sign-in button[type=submit]').click();
    await page.locator('civic-admin-console li.card').first().waitFor();
    await page.goto(`${server.origin}/present/bench`);
    await page.locator('civic-presenter h1').waitFor();
    await page.keyboard.press('r');
    await page.locator('civic-presenter .value').first().waitFor();

    // tsx names the functions below with an `__name` helper that the page does not have.
    await page.evaluate('window.__name = (f) => f');
    const samples = await page.evaluate(
      async ({ votes, gap }) => {
        const shadow = document.querySelector('civic-presenter')!.shadowRoot!;
        const value = (option: number) => shadow.querySelectorAll('.row .value')[option]?.textContent;
        const stream = new EventSource('/api/polls/bench/stream');
        let lastEvent: Record<string, number> = {};
        const eventWaiters: (() => void)[] = [];
        stream.addEventListener('totals', (event) => {
          lastEvent = JSON.parse((event as MessageEvent<string>).data).totals ?? {};
          eventWaiters.splice(0).forEach((wake) => wake());
        });
        await new Promise((r) => stream.addEventListener('open', r, { once: true }));
        const ids = ['a', 'b', 'c'];
        const counts = [0, 0, 0];
        const bar: number[] = [];
        const raw: number[] = [];
        for (let i = 0; i < votes; i++) {
          await new Promise((r) => setTimeout(r, gap));
          const option = i % 3;
          const expected = String(counts[option]! + 1);
          counts[option]!++;
          const sent = performance.now();
          const event = new Promise<number>((resolve) => {
            const check = () => (lastEvent[ids[option]!] === Number(expected) ? resolve(performance.now()) : eventWaiters.push(check));
            eventWaiters.push(check);
          });
          // The bar has moved when the DOM shows the new figure and the next frame has been painted.
          const painted = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (value(option) !== expected) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now()));
            });
            observer.observe(shadow, { subtree: true, childList: true, characterData: true });
          });
          await fetch('/api/polls/bench/votes', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ voter: `voter-bench-${String(i).padStart(6, '0')}`, choices: [ids[option]] }),
          });
          const [at, shown] = await Promise.all([event, painted]);
          raw.push(at - sent);
          bar.push(shown - sent);
        }
        stream.close();
        return { bar, raw };
      },
      { votes: VOTES, gap: GAP_MS },
    );
    await page.goto(`${server.origin}/admin/`);
    await page.locator('civic-admin-console li.board').waitFor();
    await page.evaluate('window.__name = (f) => f');
    const queue = await page.evaluate(
      async ({ questions, gap }) => {
        const shadow = document.querySelector('civic-admin-console')!.shadowRoot!;
        const queued = (text: string) => Array.from(shadow.querySelectorAll('ul[data-list=pending] .question-text')).some((p) => p.textContent === text);
        const stream = new EventSource('/api/admin/stream');
        const pending = new Set<string>();
        const eventWaiters: (() => void)[] = [];
        stream.addEventListener('board', (event) => {
          for (const q of JSON.parse((event as MessageEvent<string>).data).questions) if (q.status === 'pending') pending.add(q.text);
          eventWaiters.splice(0).forEach((wake) => wake());
        });
        await new Promise((r) => stream.addEventListener('open', r, { once: true }));
        const shown: number[] = [];
        const raw: number[] = [];
        for (let i = 0; i < questions; i++) {
          await new Promise((r) => setTimeout(r, gap));
          const text = `Bench question ${i}: how do we keep the session open to everybody?`;
          const sent = performance.now();
          const event = new Promise<number>((resolve) => {
            const check = () => (pending.has(text) ? resolve(performance.now()) : eventWaiters.push(check));
            eventWaiters.push(check);
          });
          const painted = new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (!queued(text)) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now()));
            });
            observer.observe(shadow, { subtree: true, childList: true, characterData: true });
          });
          await fetch('/api/questions/bench-qa', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ voter: `asker-bench-${String(i).padStart(6, '0')}`, text }),
          });
          const [at, seen] = await Promise.all([event, painted]);
          raw.push(at - sent);
          shown.push(seen - sent);
        }
        stream.close();
        return { shown, raw };
      },
      { questions: QUESTIONS, gap: GAP_MS },
    );
    const bar = median(samples.bar);
    const raw = median(samples.raw);
    const figures = {
      'votes measured': VOTES,
      'vote → presenter bar moved, median ms': round(bar),
      'vote → presenter bar moved, p95 ms': round([...samples.bar].sort((a, b) => a - b)[Math.floor(VOTES * 0.95)]!),
      'baseline: vote → bare EventSource, median ms': round(raw),
      'ratio bar / bare stream': round(bar / raw, 2),
      'questions measured': QUESTIONS,
      'question → console queue shown, median ms': round(median(queue.shown)),
      'baseline: question → bare admin EventSource, median ms': round(median(queue.raw)),
      'ratio queue / bare stream': round(median(queue.shown) / median(queue.raw), 2),
      'console bundle gzip KB': round(consoleGzip / 1024, 2),
      'baseline: visitors’ bundle gzip KB': round(visitorsGzip / 1024, 2),
      'ratio console / visitors’ bundle': round(consoleGzip / visitorsGzip, 2),
    };
    console.log(`Presenter view: ${VOTES} votes, one every ${GAP_MS} ms, bar and number on a 1280×720 page; console: ${QUESTIONS} questions into its queue`);
    for (const [key, v] of Object.entries(figures)) console.log(`${key.padEnd(56)} ${v}`);
    return figures;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dirname(db), { recursive: true, force: true });
    rmSync(feeds, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
