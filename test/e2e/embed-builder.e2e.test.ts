import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../bench/support/chromium.js';
import { serveStatic, type StaticServer } from '../../bench/support/static-server.js';
import { serveBuilt, type BuiltServer } from './support.js';

// The embed builder (demo/embed.html) as a webmaster uses it: served by the reference server with
// the demo feeds plus one small feed, real Chromium, keyboard typing. Run after `npm run build`.

const CLI = 'bin/civic-widgets.js';
const skip = existsSync(CLI) && existsSync('dist/civic-widgets.js') ? false : 'needs npm run build';

/** One session, one poll, one recording: the builder's counts must say "1 session, 1 poll". */
const ONE = {
  version: 1,
  languages: ['en'],
  event: { id: 'one', title: 'One of each', timeZone: 'Europe/Madrid' },
  sessions: [{ id: 'only', title: 'The only session', start: '2030-06-18T15:00:00+02:00', end: '2030-06-18T17:00:00+02:00' }],
  speakers: [],
  polls: [{ id: 'q', title: 'The only poll', mode: 'single', groups: [{ id: 'g', title: 'G', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] }] }],
  recordings: [{ id: 'r', title: 'The only recording', session: 'only', recordedAt: '2030-06-18T15:00:00+02:00', duration: 'PT2H', provider: 'file', url: 'https://media.example.org/r.mp4' }],
};

let server: BuiltServer | undefined;
let origin = '';
let dir = '';
let browser: Browser;
let noCors: StaticServer;
let noPollApi: StaticServer;


async function open(context?: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await (context ?? browser).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/embed.html`);
  await page.waitForFunction(() => /Feed loaded/.test(document.getElementById('checks')!.textContent ?? ''));
  return { page, errors };
}

const snippet = (page: Page) => page.textContent('#snippet').then((text) => text ?? '');
const checks = (page: Page) => page.textContent('#checks').then((text) => text ?? '');

describe('the embed builder', { skip }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'civic-builder-e2e-'));
    const feeds = join(dir, 'feeds');
    cpSync('demo/feeds', feeds, { recursive: true });
    writeFileSync(join(feeds, 'one.json'), JSON.stringify(ONE));
    server = await serveBuilt(['--feeds', feeds, '--demo', '--db', join(dir, 'b.db')], {}, '/feeds/one.json');
    origin = server.origin;
    // A feed host that sends no CORS header, and a static host with CORS but no poll API.
    noCors = await serveStatic(dir, { '/feed.json': JSON.stringify(ONE) }, {}, 'localhost');
    noPollApi = await serveStatic(dir, { '/feed.json': JSON.stringify(ONE) }, { 'Access-Control-Allow-Origin': '*' }, 'localhost');
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await noCors?.close();
    await noPollApi?.close();
    server?.child.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('follows the feed as it is typed, with plural words from Intl ("1 session, 1 poll")', async () => {
    const { page, errors } = await open();
    try {
      await page.click('#feed', { clickCount: 3 });
      await page.keyboard.type('/feeds/one.json'); // no blur, no Enter
      assert.ok(await page.evaluate(() => document.activeElement?.id === 'feed'));
      // The demo's default feed has 1 session and 1 poll too, but no recording.
      await page.waitForFunction(() => /1 recording\./.test(document.getElementById('checks')!.textContent ?? ''));
      assert.match(await checks(page), /Feed loaded: 1 session, 1 poll, 1 recording\./);
      assert.match(await snippet(page), new RegExp(`src="${origin}/feeds/one\\.json"`));
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('refuses a time zone the browser does not know, and leaves it out of the snippet', async () => {
    const { page } = await open();
    try {
      await page.fill('#zone', 'Mars/Olympus');
      assert.equal(await page.getAttribute('#zone', 'aria-invalid'), 'true');
      assert.match((await page.textContent('#zone-error')) ?? '', /"Mars\/Olympus" is not a time zone/);
      assert.doesNotMatch(await snippet(page), /time-zone/);
      await page.fill('#zone', 'Asia/Seoul');
      assert.equal(await page.getAttribute('#zone', 'aria-invalid'), 'false');
      assert.ok(await page.isHidden('#zone-error'));
      assert.match(await snippet(page), /time-zone="Asia\/Seoul"/);
    } finally {
      await page.close();
    }
  });

  it('builds a <civic-event> with several widgets, their own attributes, the preload hint and the script of the language', async () => {
    const { page } = await open();
    try {
      await page.fill('#feed', '/feeds/one.json');
      await page.waitForFunction(() => /1 recording\./.test(document.getElementById('checks')!.textContent ?? ''));
      for (const tag of ['civic-agenda', 'civic-poll', 'civic-recordings']) await page.check(`input[value="${tag}"]`);
      await page.selectOption('#layout', 'compact');
      await page.check('#results-only');
      await page.selectOption('#group', 'session');
      await page.fill('#poll-href', '/vote#{poll}');
      await page.selectOption('#lang', 'fr');
      const feed = `${origin}/feeds/one.json`;
      assert.equal(
        await snippet(page),
        [
          `<link rel="preload" as="fetch" crossorigin href="${feed}">`,
          `<script type="module" src="${origin}/civic-widgets.fr.js"></script>`,
          `<civic-event src="${feed}" lang="fr">`,
          '  <civic-countdown layout="compact"></civic-countdown>',
          '  <civic-agenda poll-href="/vote#{poll}"></civic-agenda>',
          '  <civic-poll results-only></civic-poll>',
          '  <civic-recordings group="session"></civic-recordings>',
          '</civic-event>',
        ].join('\n'),
      );
      // The snippet's script exists on the server that the builder names.
      assert.equal((await fetch(`${origin}/civic-widgets.fr.js`)).status, 200);
      // Live preview, light and dark: the same four widgets in each, rendered.
      for (const [pane, theme] of [['#preview-light', 'light'], ['#preview-dark', 'dark']] as const) {
        const themes = await page.$$eval(`${pane} civic-event > [theme]`, (els) => els.map((el) => `${el.localName}:${el.getAttribute('theme')}`));
        assert.deepEqual(themes, ['civic-countdown', 'civic-agenda', 'civic-poll', 'civic-recordings'].map((tag) => `${tag}:${theme}`));
      }
      await page.waitForFunction(() => document.querySelector('#preview-dark civic-countdown')?.shadowRoot?.querySelector('[part="title"]'));
      // The countdown alone in one language: its own smaller script.
      for (const tag of ['civic-agenda', 'civic-poll', 'civic-recordings']) await page.uncheck(`input[value="${tag}"]`);
      assert.match(await snippet(page), /src="[^"]*\/civic-countdown\.fr\.js"/);
      await page.selectOption('#lang', '');
      assert.match(await snippet(page), /src="[^"]*\/civic-widgets\.js"/);
    } finally {
      await page.close();
    }
  });

  it('tells a feed without CORS and a poll without an API apart from a working one', async () => {
    const { page } = await open();
    try {
      await page.check('input[value="civic-poll"]');
      await page.waitForFunction(() => /poll API answers/.test(document.getElementById('checks')!.textContent ?? ''));
      assert.match(await checks(page), /The feed answers other sites \(CORS allowed\)/);

      await page.fill('#feed', `${noCors.origin}/feed.json`);
      await page.waitForFunction(() => /does not allow/.test(document.getElementById('checks')!.textContent ?? ''));
      assert.match(await checks(page), /The feed's server does not allow other sites to read it \(CORS\): it must send "Access-Control-Allow-Origin: \*"/);

      await page.fill('#feed', `${noPollApi.origin}/feed.json`);
      await page.waitForFunction(() => /Voting will not work/.test(document.getElementById('checks')!.textContent ?? ''));
      assert.match(await checks(page), new RegExp(`Voting will not work: ${noPollApi.origin}/api/polls/q answered 404`));

      await page.fill('#feed', 'http://127.0.0.1:9/feed.json');
      await page.waitForFunction(() => /cannot be reached/.test(document.getElementById('checks')!.textContent ?? ''));
    } finally {
      await page.close();
    }
  });

  it('says "Snippet copied" only when the clipboard took the snippet as the fields say it now', async () => {
    // A browser that refuses the clipboard (an http page, a permission policy) rejects writeText.
    const denied = await browser.newContext();
    await denied.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    const { page } = await open(denied);
    try {
      await page.click('#copy');
      await page.waitForFunction(() => document.getElementById('copy-status')!.textContent !== '');
      assert.doesNotMatch((await page.textContent('#copy-status')) ?? '', /Snippet copied/);
      assert.match((await page.textContent('#copy-status')) ?? '', /Could not copy: press Ctrl\+C/);
      assert.equal(await page.evaluate(() => getSelection()?.toString()), await snippet(page), 'the snippet is selected for a manual copy');
    } finally {
      await denied.close();
    }
    const allowed = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const second = await open(allowed);
    try {
      await second.page.click('#feed', { clickCount: 3 });
      await second.page.keyboard.type('/feeds/stocktaking.json');
      await second.page.click('#copy');

      await second.page.waitForFunction(() => document.getElementById('copy-status')!.textContent === 'Snippet copied.');
      const copied = await second.page.evaluate(() => navigator.clipboard.readText());
      assert.equal(copied, await snippet(second.page));
      assert.match(copied, /stocktaking\.json/);
    } finally {
      await allowed.close();
    }
  });
});
