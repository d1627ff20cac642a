import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../bench/support/chromium.js';
import { serveStatic, type StaticServer } from '../../bench/support/static-server.js';
import { serveBuilt, type BuiltServer } from './support.js';

// The demo site as visitors get it: the reference server (`serve --feeds demo/feeds --demo`), the
// built single-file bundle, real Chromium. Run after `npm run build`.

const CLI = 'bin/civic-widgets.js';
const BUNDLE = 'dist/civic-widgets.js';
const FEEDS = ['/feeds/local-democracy.json', '/feeds/stocktaking.json', '/feeds/learning-forum.json'];
const PAGES = ['/', '/fr.html', '/es.html', '/ar.html'];
const AXE = 'node_modules/axe-core/axe.min.js';
const CSP = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const ready = existsSync(CLI) && existsSync(BUNDLE);
const skip = ready ? false : `needs ${CLI} (the server branch) and ${BUNDLE} (npm run build)`;

let server: BuiltServer | undefined;
let origin = '';
let dbDir = '';
let browser: Browser;
let second: StaticServer | undefined;

/** Tags of the widgets on the page that are defined, and those whose element never rendered content. */
interface WidgetReport {
  defined: string[];
  /** Paths of the feeds that defined elements (including <civic-event>) name. */
  feeds: string[];
  undefinedTags: string[];
  empty: string[];
}

async function widgetReport(page: Page): Promise<WidgetReport> {
  return page.evaluate(() => {
    const widgets = Array.from(document.querySelectorAll('*')).filter((el) => el.localName.startsWith('civic-') && el.localName !== 'civic-event');
    const defined = widgets.filter((el) => customElements.get(el.localName));
    const describe = (el: Element) => `${el.localName}${el.getAttribute('src') ? `[src=${el.getAttribute('src')}]` : ''}`;
    const named = Array.from(document.querySelectorAll('[src]')).filter((el) => el.localName.startsWith('civic-') && customElements.get(el.localName));
    return {
      defined: defined.map(describe),
      feeds: [...new Set(named.map((el) => new URL(el.getAttribute('src')!, location.href).pathname))].sort(),
      undefinedTags: [...new Set(widgets.filter((el) => !customElements.get(el.localName)).map((el) => el.localName))],
      // Content, not a loading line: the feed reached the widget and it drew something of its own.
      empty: defined
        .filter((el) => {
          const root = el.shadowRoot;
          const text = root?.textContent?.trim() ?? '';
          return !root || text === '' || root.querySelector('[aria-busy="true"]') !== null;
        })
        .map(describe),
    };
  });
}

/** Opens `url`, counting feed requests and collecting console errors, page errors and CSP violations. */
async function visit(
  url: string,
  viewport?: { width: number; height: number },
): Promise<{ page: Page; feedRequests: Map<string, number>; errors: string[] }> {
  const page = await browser.newPage(viewport && { viewport });
  const feedRequests = new Map<string, number>();
  const errors: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/feeds/')) feedRequests.set(path, (feedRequests.get(path) ?? 0) + 1);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  // tsx (esbuild keepNames) wraps the named functions of page.evaluate callbacks in __name().
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(url);
  return { page, feedRequests, errors };
}

/** Waits until every defined widget drew content (or the time is up), then reports. */
async function settled(page: Page): Promise<WidgetReport> {
  const deadline = Date.now() + 8_000;
  let report = await widgetReport(page);
  while ((report.empty.length > 0 || report.defined.length === 0) && Date.now() < deadline) {
    await page.waitForTimeout(150);
    report = await widgetReport(page);
  }
  return report;
}

describe('demo site end to end', { skip }, () => {
  before(async () => {
    dbDir = mkdtempSync(join(tmpdir(), 'civic-demo-e2e-'));
    server = await serveBuilt(['--feeds', 'demo/feeds', '--demo', '--db', join(dbDir, 'demo.db')], {}, '/feeds/local-democracy.json');
    origin = server.origin;
    server.child.on('exit', (code) => {
      if (code) console.error(`the server exited with ${code}:\n${server?.log()}`);
    });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await second?.close();
    server?.child.kill();
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  for (const path of PAGES) {
    it(`${path}: one request per feed URL, every widget renders, no console error`, async (t) => {
      const { page, feedRequests, errors } = await visit(`${origin}${path}`);
      try {
        const report = await settled(page);
        if (report.undefinedTags.length) t.diagnostic(`not in the bundle yet: ${report.undefinedTags.join(', ')}`);
        assert.ok(report.defined.length > 0 || report.undefinedTags.length > 0, 'no civic widget on the page');
        assert.deepEqual(report.empty, [], 'widgets that rendered no content');
        await page.waitForLoadState('networkidle');
        // Each widget that names a feed, directly or through <civic-event>, shares that URL's one request.
        if (report.undefinedTags.length === 0) assert.deepEqual(report.feeds, [...FEEDS].sort());
        assert.deepEqual([...feedRequests.keys()].sort(), report.feeds);
        for (const feed of report.feeds) assert.equal(feedRequests.get(feed), 1, `${feed} was requested ${feedRequests.get(feed) ?? 0} times`);
        assert.deepEqual(errors, []);
        if (path === '/ar.html') assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      } finally {
        await page.close();
      }
    });
  }

  for (const path of ['/', '/ar.html', '/embed.html']) {
    it(`${path}: axe finds no WCAG 2.x A/AA violation, page and widgets together`, async () => {
      const { page } = await visit(`${origin}${path}`);
      try {
        await settled(page);
        await page.waitForLoadState('networkidle');
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
        });
        assert.deepEqual(violations, []);
      } finally {
        await page.close();
      }
    });
  }

  for (const path of ['/', '/ar.html']) {
    it(`${path}: at 320 CSS px wide (WCAG 1.4.10 reflow) nothing in a widget sticks out of it`, async () => {
      const { page } = await visit(`${origin}${path}`, { width: 320, height: 640 });
      try {
        await settled(page);
        const outside = await page.evaluate(() => {
          const found: string[] = [];
          for (const widget of Array.from(document.querySelectorAll('civic-countdown, civic-agenda, civic-poll, civic-questions, civic-recordings'))) {
            const box = widget.getBoundingClientRect();
            for (const node of Array.from(widget.shadowRoot?.querySelectorAll('*') ?? [])) {
              const rect = node.getBoundingClientRect();
              // Visually hidden text (1 px, clipped) is for screen readers, not part of the layout.
              if (rect.width <= 1 || rect.height <= 1) continue;
              if (rect.left < box.left - 1 || rect.right > box.right + 1) {
                found.push(`${widget.localName} ${node.localName}.${node.getAttribute('class') ?? ''}: ${Math.round(rect.left)}–${Math.round(rect.right)} in ${Math.round(box.left)}–${Math.round(box.right)}`);
              }
            }
          }
          return found;
        });
        assert.deepEqual(outside, []);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'no horizontal scrolling');
      } finally {
        await page.close();
      }
    });
  }

  it('works under a strict CSP with Trusted Types, on a second origin, with feeds from the first', async (t) => {
    // localhost vs 127.0.0.1: two origins. The page and the bundle are self-hosted on the second,
    // the feeds (and poll API) stay on the reference server, as an association would embed them.
    const bundle = await (await fetch(`${origin}/civic-widgets.js`)).text();
    const pageHtml = readFileSync('demo/index.html', 'utf8').replaceAll('src="/feeds/', `src="${origin}/feeds/`);
    assert.notEqual(pageHtml, readFileSync('demo/index.html', 'utf8'), 'the demo page names no /feeds/ URL');
    second = await serveStatic('demo', { '/index.html': pageHtml, '/civic-widgets.js': bundle }, { 'Content-Security-Policy': CSP }, 'localhost');
    assert.notEqual(new URL(second.origin).origin, new URL(origin).origin);

    const { page, feedRequests, errors } = await visit(`${second.origin}/index.html`);
    try {
      const report = await settled(page);
      if (report.undefinedTags.length) t.diagnostic(`not in the bundle yet: ${report.undefinedTags.join(', ')}`);
      assert.deepEqual(report.empty, [], 'widgets that rendered no content');
      assert.ok(await page.evaluate(() => customElements.get('civic-event') !== undefined), 'the bundle did not run under the CSP');
      await page.waitForLoadState('networkidle');
      assert.deepEqual([...feedRequests.keys()].sort(), report.feeds);
      for (const feed of report.feeds) assert.equal(feedRequests.get(feed), 1, `${feed} was requested ${feedRequests.get(feed) ?? 0} times`);

      // A vote (to the first origin's poll API) draws the result bars for the first time: their
      // widths must not need an inline style attribute, which style-src 'self' blocks.
      const poll = page.locator('civic-poll');
      await poll.locator('input[type=checkbox]').first().check();
      await poll.locator('button[part=button]', { hasText: 'Vote' }).click();
      await poll.locator('.results .fill').first().waitFor();
      const width = await poll.locator('.results .fill').first().evaluate((fill) => fill.getBoundingClientRect().width);
      assert.ok(width > 0, `the voted option's bar is ${width} px wide`);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('the embed builder works under the same CSP: preview and snippet follow the form', async () => {
    second ??= await serveStatic('demo', { '/civic-widgets.js': await (await fetch(`${origin}/civic-widgets.js`)).text() }, { 'Content-Security-Policy': CSP }, 'localhost');
    // Here the builder's feeds are the second origin's static copies (same origin, not anchored).
    const { page, errors } = await visit(`${second.origin}/embed.html`);
    try {
      await page.fill('#feed', '/feeds/learning-forum.json');
      await page.waitForFunction(() => document.querySelectorAll('#session option').length > 1);
      await page.selectOption('#session', 'forum-closing');
      await page.selectOption('#lang', 'fr');
      await page.selectOption('#theme', 'dark');
      const snippet = await page.textContent('#snippet');
      assert.equal(
        snippet,
        `<link rel="preload" as="fetch" crossorigin href="${second.origin}/feeds/learning-forum.json">\n` +
          `<script type="module" src="${second.origin}/civic-countdown.fr.js"></script>\n` +
          `<civic-countdown src="${second.origin}/feeds/learning-forum.json" lang="fr" session="forum-closing" theme="dark"></civic-countdown>`,
      );
      const preview = await page.evaluate(() => {
        const el = document.querySelector('#preview-light > *')!;
        return { tag: el.localName, session: el.getAttribute('session'), lang: el.getAttribute('lang'), theme: el.getAttribute('theme') };
      });
      // The preview shows the light and the dark look side by side, whatever the snippet's theme.
      assert.deepEqual(preview, { tag: 'civic-countdown', session: 'forum-closing', lang: 'fr', theme: 'light' });
      // The agenda shows the whole programme: no session to pick, none in the snippet.
      await page.uncheck('input[value="civic-countdown"]');
      await page.check('input[value="civic-agenda"]');
      assert.ok(await page.isHidden('#session'));
      assert.doesNotMatch((await page.textContent('#snippet')) ?? '', /session=/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
