// The pictures in docs/console.md: the console and the presenter view on the demo feeds with some
// votes and questions (pending, published, answered, pinned, rejected), at 1280×720 and on a phone. `--all` also writes dark, Arabic and 4K variants to /tmp for review.
// Run after `npm run build`: node --import tsx scripts/console-screenshots.ts [--all]
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../bench/support/chromium.js';
import { root, startProcess, tempDb } from '../bench/support/server-process.js';

const TOKEN = randomBytes(16).toString('hex');
const POLL = 'local-democracy-questions';
const all = process.argv.includes('--all');

const server = await startProcess('server/cli.ts', ['serve', '--feeds', join(root, 'demo/feeds'), '--demo', '--port', '0', '--db', tempDb(), '--vote-url', 'https://democracy.example/live'], {
  CIVIC_ADMIN_TOKEN: TOKEN,
});
const admin = { authorization: `Bearer ${TOKEN}` };
await fetch(`${server.origin}/api/admin/polls/${POLL}/open`, { method: 'POST', headers: admin });
const picks = [['c1', 'r2', 'a1'], ['c2', 'r2'], ['c1', 'm1', 'a2'], ['r1'], ['c1', 'r2', 'm2'], ['a1', 'm1']];
for (let i = 0; i < 37; i++) {
  await fetch(`${server.origin}/api/polls/${POLL}/votes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ voter: `voter-shot-${String(i).padStart(6, '0')}`, choices: picks[i % picks.length] }),
  });
}

const BOARD = 'local-democracy-qa';
const asked = [
  ['How can municipalities keep citizens engaged online after the pandemic?', 'Amina, Rabat'],
  ['What role should local government associations play in defending local democracy?', ''],
  ['¿Cómo incluir a quienes no tienen acceso a internet?', 'Lucía'],
  ['Which tools worked best for participatory budgeting during lockdowns?', 'Jonas'],
  ['كيف يمكن للبلديات حماية الثقة بين المواطنين والمؤسسات المحلية؟', ''],
  ['Buy followers now!!! <a href=x>cheap</a>', ''],
];
const ids: string[] = [];
for (const [i, [text, name]] of asked.entries()) {
  const res = await fetch(`${server.origin}/api/questions/${BOARD}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ voter: `voter-ask-${String(i).padStart(6, '0')}`, text, ...(name ? { name } : {}) }),
  });
  ids.push(((await res.json()) as { id: string }).id);
}
const moderate = (id: string, action: string) => fetch(`${server.origin}/api/admin/questions/${BOARD}/${id}/${action}`, { method: 'POST', headers: admin });
for (const id of ids.slice(0, 3)) await moderate(id, 'publish');
await moderate(ids[0]!, 'pin');
await moderate(ids[2]!, 'answer');
await moderate(ids[5]!, 'reject');
for (let i = 0; i < 12; i++) {
  await fetch(`${server.origin}/api/questions/${BOARD}/${ids[i % 3 === 0 ? 1 : 0]}/votes/voter-up-${String(i).padStart(6, '0')}`, { method: 'PUT' });
}

const browser: Browser = await launchChromium();
const session = await (async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/admin/`);
  await page.locator('civic-admin-console input#token').fill(TOKEN);
  await page.locator('civic-admin-console form.sign-in button[type=submit]').click();
  await page.locator('civic-admin-console li.card h3').first().waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
})();
async function shoot(name: string, path: string, width: number, height: number, options: { lang?: string; dark?: boolean; reveal?: boolean; scale?: number; dir?: string } = {}) {
  // One session for every picture: sign-in is limited to 10 attempts a minute.
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: options.scale ?? 1, colorScheme: options.dark ? 'dark' : 'light', storageState: session });
  const page = await context.newPage();
  await page.goto(`${server.origin}/admin/?lang=${options.lang ?? 'en'}`);
  await page.locator('civic-admin-console li.card h3').first().waitFor();
  if (path === '/admin/#questions-title') {
    await page.locator('civic-admin-console li.board').waitFor();
    await page.locator('civic-admin-console li.board').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    const file = join(options.dir ?? join(root, 'docs'), `${name}.png`);
    await page.locator('civic-admin-console section[aria-labelledby=questions-title]').screenshot({ path: file });
    console.log(file);
    await context.close();
    return;
  }
  if (path !== '/admin/') {
    await page.goto(`${server.origin}${path}?lang=${options.lang ?? 'en'}`);
    await page.locator('civic-presenter h1').waitFor();
    if (options.reveal) {
      await page.keyboard.press('r');
      await page.locator('civic-presenter .value').first().waitFor();
    }
  } else {
    await page.locator('civic-admin-console .value').first().waitFor();
  }
  await page.waitForTimeout(500);
  const file = join(options.dir ?? join(root, 'docs'), `${name}.png`);
  await page.screenshot({ path: file, fullPage: path === '/admin/' && width < 800 ? false : path === '/admin/' });
  console.log(file);
  await context.close();
}

// A failed picture must not leave the server running.
try {
  await shoot('console-desktop', '/admin/', 1280, 720);
  await shoot('console-phone', '/admin/', 375, 812, { scale: 2 });
  await shoot('console-questions', '/admin/#questions-title', 1280, 900);
  await shoot('presenter-720p', `/present/${POLL}`, 1280, 720, { reveal: true });
  await shoot('presenter-phone', `/present/${POLL}`, 375, 812, { scale: 2 });
  if (all) {
    const dir = '/tmp/console-shots';
    await import('node:fs').then((fs) => fs.mkdirSync(dir, { recursive: true }));
    await shoot('console-dark-ar', '/admin/', 1280, 720, { lang: 'ar', dark: true, dir });
    await shoot('console-phone-ar', '/admin/', 375, 812, { lang: 'ar', dir });
    await shoot('console-questions-dark-ar', '/admin/#questions-title', 1280, 900, { lang: 'ar', dark: true, dir });
    await shoot('console-questions-phone', '/admin/#questions-title', 375, 812, { scale: 2, dir });
    await shoot('console-questions-fr', '/admin/#questions-title', 1280, 900, { lang: 'fr', dir });
    await shoot('presenter-hidden', `/present/${POLL}`, 1280, 720, { dir });
    await shoot('presenter-dark-ar', `/present/${POLL}`, 1280, 720, { lang: 'ar', dark: true, reveal: true, dir });
    await shoot('presenter-4k', `/present/${POLL}`, 3840, 2160, { reveal: true, dir });
    await shoot('presenter-phone-dark', `/present/${POLL}`, 375, 812, { dark: true, reveal: true, dir });
  }
} finally {
  await browser.close();
  await server.stop();
}
