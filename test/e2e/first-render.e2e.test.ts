import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { firstRenderFeed } from '../../bench/first-render.js';
import { launchChromium } from '../../bench/support/chromium.js';
import { embedPage, startEmbedServers, type EmbedServers } from '../../bench/support/embed-servers.js';
import { countdownMessages } from '../../src/countdown/messages.js';
import { UI_LANGUAGES } from '../../src/i18n/languages.js';

// The embed snippet as webmasters paste it (README, embed builder): the page on one origin, the
// script and the feed on another, the built scripts, real Chromium. Run after `npm run build`.

const ready = existsSync('dist/civic-widgets.js');
const skip = ready ? false : 'needs dist/ (npm run build)';

let servers: EmbedServers;
let browser: Browser;

const snippet = (cdn: string, script = 'civic-widgets.js') =>
  `<link rel="preload" as="fetch" crossorigin href="${cdn}/feed.json"><script type="module" src="${cdn}/dist/${script}"></script>`;

/** The countdown's title once it shows one (shadow DOM, so polled). */
async function countdownTitle(page: Page): Promise<string> {
  const handle = await page.waitForFunction(
    () => document.querySelector('civic-countdown')?.shadowRoot?.querySelector('[part="title"]')?.textContent?.trim() || undefined,
    undefined,
    { timeout: 10_000, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}

describe('first render of the embed snippet', { skip }, () => {
  before(async () => {
    servers = await startEmbedServers({ '/dist/': 'dist' });
    servers.feed.body = firstRenderFeed();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await servers?.close();
  });

  it('downloads the feed once: the store takes the response the preload hint fetched', async () => {
    servers.pages.set('/preload.html', embedPage('en', snippet(servers.cdn), `<civic-countdown src="${servers.cdn}/feed.json"></civic-countdown>`));
    const context = await browser.newContext();
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on('console', (message) => warnings.push(message.text()));
    servers.feedRequests.length = 0;
    await page.goto(`${servers.site}/preload.html`);
    assert.match(await countdownTitle(page), /^Session 1/);
    await page.waitForTimeout(300); // a second request would start by now
    assert.equal(servers.feedRequests.length, 1, `feed requests: ${servers.feedRequests.length}; console: ${warnings.join(' | ')}`);
    assert.ok(!warnings.some((w) => /preload .* is not used/i.test(w)), warnings.join(' | '));
    await context.close();
  });

  for (const lang of UI_LANGUAGES) {
    for (const script of [`civic-widgets.${lang}.js`, `civic-countdown.${lang}.js`]) {
      it(`${script} speaks ${lang}, and only ${lang}, even on a page in another language`, async () => {
        const code = readFileSync(`dist/${script}`, 'utf8');
        for (const other of UI_LANGUAGES) {
          const has = code.includes(countdownMessages[other].timeLeft);
          assert.equal(has, other === lang, `${script} ${has ? 'has' : 'lacks'} the ${other} catalog`);
        }
        const context = await browser.newContext();
        try {
          for (const pageLang of [lang, lang === 'en' ? 'fr' : 'en']) {
            const page = await context.newPage();
            servers.pages.set(`/${script}-${pageLang}.html`, embedPage(pageLang, snippet(servers.cdn, script), `<civic-countdown src="${servers.cdn}/feed.json"></civic-countdown>`));
            await page.goto(`${servers.site}/${script}-${pageLang}.html`);
            await countdownTitle(page);
            const label = await page.evaluate(() => document.querySelector('civic-countdown')!.shadowRoot!.querySelector('[role="timer"]')!.getAttribute('aria-label'));
            assert.equal(label, countdownMessages[lang].timeLeft, `on a page in ${pageLang}`);
            await page.close();
          }
        } finally {
          await context.close();
        }
      });
    }
  }

  it('renders a repeat visit from the stored copy while the feed server has not answered yet', async () => {
    servers.pages.set('/repeat.html', embedPage('en', snippet(servers.cdn), `<civic-countdown src="${servers.cdn}/feed.json"></civic-countdown>`));
    const context: BrowserContext = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${servers.site}/repeat.html`);
    await countdownTitle(page);
    await page.waitForTimeout(200);
    let release = () => {};
    servers.feed.hold = new Promise<void>((done) => (release = done));
    servers.feedRequests.length = 0;
    try {
      await page.goto(`${servers.site}/repeat.html`, { waitUntil: 'commit' });
      assert.match(await countdownTitle(page), /^Session 1/);
      assert.equal(servers.feedRequests.length, 1, 'the revalidation is on its way, held by the server');
    } finally {
      servers.feed.hold = undefined;
      release();
      await context.close();
    }
  });
});
