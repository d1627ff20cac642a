import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../bench/support/chromium.js';
import { serveStatic, type StaticServer } from '../../bench/support/static-server.js';

// Builds the static Storybook, serves it over http (it does not load from file://) and opens every
// story in Chromium: no console error, no page error, and every element it shows actually renders.

interface IndexEntry {
  type: 'story' | 'docs';
  id: string;
  title: string;
  name: string;
  tags?: string[];
}

/** Stories that show a failing feed on purpose may log the store's report and the failed request. */
const EXPECTED_IN_ERROR_STORIES = /\[civic-widgets\] feed|Failed to load resource: the server responded with a status of [45]\d\d/;

let out: string;
let server: StaticServer;
let browser: Browser;
// One context for all stories: msw's service worker registers once instead of once per story.
let context: BrowserContext;

before(async () => {
  out = mkdtempSync(join(tmpdir(), 'civic-storybook-'));
  execFileSync(join('node_modules', '.bin', 'storybook'), ['build', '-o', out, '--quiet'], { stdio: 'pipe', timeout: 180_000 });
  // The browser asks for a favicon by itself; Storybook has none.
  server = await serveStatic(out, { '/favicon.ico': '' });
  browser = await launchChromium();
  context = await browser.newContext();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

/** What the page shows for a story once it settled: composed text, and every element that did not render. */
interface Rendered {
  text: string;
  problems: string[];
}

/** Elements named `civic-x` whose `src/x/define.ts` exists must be defined in the stories' bundle. */
function shouldBeDefined(tag: string): boolean {
  return tag === 'civic-event' || existsSync(join('src', tag.replace(/^civic-/, ''), 'define.ts'));
}

test('every Storybook story renders without console errors', async (t) => {
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
  assert.ok(stories.length > 0, 'index.json lists no stories');
  const mustDefine = [...new Set(stories.map((s) => s.title.split('/').pop()!).filter((n) => n.startsWith('civic-')))].filter(shouldBeDefined);

  for (const story of stories) {
    await t.test(story.id, async () => {
      const page = await context.newPage();
      // tsx (esbuild keepNames) wraps the named functions of page.evaluate callbacks in __name().
      await page.addInitScript('globalThis.__name = (f) => f');
      const errors: string[] = [];
      const allowed = story.tags?.includes('console-error-expected') ? EXPECTED_IN_ERROR_STORIES : undefined;
      page.on('console', (message) => {
        if (message.type() === 'error' && !allowed?.test(message.text())) errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      try {
        await page.goto(`${server.origin}/iframe.html?id=${story.id}&viewMode=story`);
        await page.waitForFunction(
          () => document.body.classList.contains('sb-show-main') || document.body.classList.contains('sb-show-errordisplay'),
          undefined,
          { timeout: 15_000 },
        );
        assert.ok(!(await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))), 'Storybook shows its error display');
        const component = story.title.split('/').pop()!;
        const expected = component.startsWith('civic-') ? [component] : [];
        const knownTags = mustDefine;
        // Poll until the story settled (late definitions, feeds, first render) or time runs out.
        let rendered: Rendered = { text: '', problems: ['not checked'] };
        const deadline = Date.now() + 5_000;
        while (Date.now() < deadline) {
          rendered = await page.evaluate(
            ([expectedTags, definedTags]) => {
              const root = document.querySelector('#storybook-root')!;
              const problems: string[] = [];
              const textOf = (node: Node): string => {
                if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
                if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
                const el = node as Element;
                const own = el.shadowRoot ? Array.from(el.shadowRoot.childNodes).map(textOf).join('') : '';
                return own + Array.from(node.childNodes).map(textOf).join('');
              };
              const custom = Array.from(root.querySelectorAll('*')).filter((el) => el.localName.includes('-'));
              for (const tag of expectedTags) {
                // A story may show a subclass under another name (`late-civic-event`).
                if (!custom.some((el) => el.localName === tag || el.localName.endsWith(`-${tag}`))) problems.push(`<${tag}> is not in the story`);
              }
              for (const el of custom) {
                const defined = customElements.get(el.localName) !== undefined;
                if (!defined) {
                  if (definedTags.includes(el.localName) || !el.localName.startsWith('civic-')) problems.push(`<${el.localName}> is not defined`);
                  continue;
                }
                if (!el.shadowRoot || el.shadowRoot.childElementCount === 0) problems.push(`<${el.localName}> rendered an empty shadow root`);
              }
              if (custom.length === 0) problems.push('no custom element in the story');
              return { text: textOf(root).trim(), problems };
            },
            [expected, knownTags] as const,
          );
          if (rendered.problems.length === 0 && rendered.text) break;
          await page.waitForTimeout(100);
        }
        // Errors may come after the first render (a feed that fails after loading): let requests end.
        await page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => undefined);
        assert.deepEqual(rendered.problems, []);
        assert.ok(rendered.text.length > 0, 'the story rendered no text');
        assert.deepEqual(errors, []);
      } finally {
        await page.close();
      }
    });
  }
});

test('the toolbar sets lang and dir on the wrapper and theme and time-zone on the widgets', async () => {
  const page = await browser.newPage();
  try {
    // URL globals only take plain words (no "/"), so the IANA zones are checked through "event".
    const globals = 'locale:ar;theme:dark;timeZone:event';
    await page.goto(`${server.origin}/iframe.html?id=elements-civic-event--no-source&viewMode=story&globals=${globals}`);
    await page.waitForFunction(() => document.body.classList.contains('sb-show-main'), undefined, { timeout: 15_000 });
    const seen = await page.evaluate(() => {
      const wrapper = document.querySelector('#storybook-root .civic-story')!;
      const widget = document.querySelector('#storybook-root civic-agenda')!;
      return {
        lang: wrapper.getAttribute('lang'),
        dir: wrapper.getAttribute('dir'),
        theme: widget.getAttribute('theme'),
        zone: widget.getAttribute('time-zone'),
      };
    });
    assert.deepEqual(seen, { lang: 'ar', dir: 'rtl', theme: 'dark', zone: 'event' });
  } finally {
    await page.close();
  }
});

test('controls come from custom-elements.json, public API only', async (t) => {
  if (!existsSync('custom-elements.json')) return t.skip('no custom-elements.json: run npm run manifest first');
  const page = await context.newPage();
  try {
    await page.goto(`${server.origin}/iframe.html?id=elements-civic-event--no-source&viewMode=story`);
    await page.waitForFunction(() => document.body.classList.contains('sb-show-main'), undefined, { timeout: 15_000 });
    const argTypes = await page.evaluate(() => {
      const preview = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { story?: { argTypes?: Record<string, unknown> } } } }).__STORYBOOK_PREVIEW__;
      return Object.keys(preview?.currentRender?.story?.argTypes ?? {});
    });
    assert.ok(argTypes.includes('src') && argTypes.includes('refresh'), `argTypes: ${argTypes.join(', ')}`);
    assert.ok(argTypes.includes('civic-feed-load'), 'the events from @fires are missing');
    for (const hidden of ['feed', 'provider', 'announced']) assert.ok(!argTypes.includes(hidden), `private field ${hidden} has a control`);
  } finally {
    await page.close();
  }
});

test('every story has controls, and every element a Docs page that lists its attributes', async (t) => {
  if (!existsSync('custom-elements.json')) return t.skip('no custom-elements.json: run npm run manifest first');
  const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  const entries = Object.values(index.entries);
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
    modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
  };
  const attributesOf = new Map(
    manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, (d.attributes ?? []).map((a) => a.name)]),
  );

  for (const story of entries.filter((e) => e.type === 'story')) {
    await t.test(`controls: ${story.id}`, async () => {
      const page = await context.newPage();
      try {
        await page.goto(`${server.origin}/iframe.html?id=${story.id}&viewMode=story`);
        await page.waitForFunction(() => document.body.classList.contains('sb-show-main'), undefined, { timeout: 15_000 });
        const seen = await page.evaluate(() => {
          type Story = { initialArgs?: Record<string, unknown>; argTypes?: Record<string, unknown>; parameters?: { controls?: { disable?: boolean } } };
          const story = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { story?: Story } } }).__STORYBOOK_PREVIEW__?.currentRender?.story;
          return { args: Object.keys(story?.initialArgs ?? {}), argTypes: Object.keys(story?.argTypes ?? {}).length, disabled: !!story?.parameters?.controls?.disable };
        });
        if (seen.disabled) return;
        // A story without args shows "Setup controls" instead of controls.
        assert.ok(seen.args.length > 0, 'the story has no args: its controls would not change it');
        assert.ok(seen.argTypes > 0, 'the story has no argTypes');
      } finally {
        await page.close();
      }
    });
  }

  const components = [...new Set(entries.filter((e) => e.type === 'story' && e.title.startsWith('Elements/')).map((e) => e.title))];
  for (const title of components) {
    await t.test(`docs: ${title}`, async () => {
      const docs = entries.find((e) => e.type === 'docs' && e.title === title);
      assert.ok(docs, `${title} has no Docs page`);
      const tag = title.split('/').pop()!;
      const page = await context.newPage();
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (/Addon controls|received "void"/.test(message.text())) warnings.push(message.text());
      });
      try {
        // The manager, as a designer opens it: the Docs page with its controls table.
        await page.goto(`${server.origin}/?path=/docs/${docs.id}`);
        const frame = page.frameLocator('#storybook-preview-iframe');
        await frame.locator('.docblock-argstable').first().waitFor({ timeout: 20_000 });
        const table = (await frame.locator('.docblock-argstable').first().textContent()) ?? '';
        for (const attribute of attributesOf.get(tag) ?? []) assert.ok(table.includes(attribute), `the Docs table of ${tag} does not list ${attribute}`);
        assert.deepEqual(warnings, []);
      } finally {
        await page.close();
      }
    });
  }
});
