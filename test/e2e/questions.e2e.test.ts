// End to end: the BUILT single-file bundle in Debian's Chromium, against the REAL reference server
// (a child process with a temporary SQLite file), on a page of another origin: two visitors on a
// question board with moderation.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../bench/support/chromium.js';
import { serveStatic, type StaticServer } from '../../bench/support/static-server.js';
import { iso, serveBuilt, waitFor, type BuiltServer } from './support.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const TOKEN = 'e2e-admin-token-0123456789';

let dir: string;
let server: BuiltServer;
let serverOrigin: string;
let site: StaticServer;
let browser: Browser;

before(async () => {
  for (const built of ['dist/civic-widgets.js', 'bin/civic-widgets.js']) {
    assert.ok(existsSync(join(root, built)), `${built} is missing: run npm run build first`);
  }
  dir = await mkdtemp(join(tmpdir(), 'civic-questions-e2e-'));
  await mkdir(join(dir, 'feeds'));
  const now = Date.now();
  await writeFile(
    join(dir, 'feeds', 'town-hall.json'),
    JSON.stringify({
      version: 1,
      languages: ['en'],
      event: { id: 'town-hall', title: 'Town hall', timeZone: 'Europe/Madrid' },
      sessions: [{ id: 'assembly', title: 'Assembly', start: iso(now - 3_600_000), end: iso(now + 3_600_000) }],
      questions: [
        { id: 'moderated', title: 'Ask the council', session: 'assembly', moderation: 'pre' },
        { id: 'open', title: 'Open floor', moderation: 'none' },
      ],
    }),
  );
  server = await serveBuilt(['--feeds', join(dir, 'feeds'), '--db', join(dir, 'civic.db')], { CIVIC_ADMIN_TOKEN: TOKEN }, '/feeds/town-hall.json');
  serverOrigin = server.origin;
  // Another origin (localhost vs 127.0.0.1), under a strict CSP: CORS and plain text for real.
  const page = (board: string) => `<!doctype html><html lang="en"><meta charset="utf-8"><title>Town hall</title>
    <script type="module" src="${serverOrigin}/civic-widgets.js"></script>
    <civic-questions board="${board}" src="${serverOrigin}/feeds/town-hall.json"></civic-questions>`;
  site = await serveStatic(root, { '/moderated.html': page('moderated'), '/open.html': page('open'), '/favicon.ico': '' }, {
    'Content-Security-Policy': `script-src 'self' ${serverOrigin}; connect-src ${serverOrigin}; style-src 'self'; require-trusted-types-for 'script'`,
  }, 'localhost');
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  server?.child.kill();
  await rm(dir, { recursive: true, force: true });
});

async function openVisitor(board: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.origin}/${board}.html`);
  await page.getByRole('button', { name: 'Ask', exact: true }).waitFor();
  return { context, page, errors };
}

const listed = (page: Page) => page.locator('civic-questions .list li .text').allTextContents();
const moderate = (id: string, action: string) =>
  fetch(`${serverOrigin}/api/admin/questions/moderated/${id}/${action}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });

test('a question appears live in another browser once approved; markup stays text; an upvote twice counts once', async (t) => {
  const alice = await openVisitor('moderated');
  const bob = await openVisitor('moderated');
  const text = '<img src=x onerror="document.title=\'hacked\'"> Will the budget vote be public?';

  await alice.page.getByRole('textbox', { name: 'Your question' }).fill(text);
  await alice.page.getByRole('textbox', { name: 'Your name (optional)' }).fill('Alice');
  await alice.page.getByRole('button', { name: 'Ask', exact: true }).click();
  await waitFor('Alice to see her question as pending', async () => (await alice.page.locator('civic-questions .mine li').textContent())?.includes('Waiting for a moderator'));
  assert.deepEqual(await listed(bob.page), [], 'Bob does not see a question nobody approved');

  const pending = (await (await fetch(`${serverOrigin}/api/admin/questions/moderated?status=pending`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
    questions: { id: string; text: string }[];
  };
  assert.equal(pending.questions.length, 1);
  assert.equal(pending.questions[0]!.text, text);
  const approved = Date.now();
  await moderate(pending.questions[0]!.id, 'publish');
  await waitFor('the question on Bob’s page', async () => (await listed(bob.page)).includes(text));
  t.diagnostic(`approval to Bob's page: ${Date.now() - approved} ms (polled every 100 ms)`);
  await waitFor('Alice’s pending note to go', async () => (await alice.page.locator('civic-questions .mine').count()) === 0);
  assert.deepEqual(await listed(alice.page), [text]);
  for (const { page } of [alice, bob]) {
    assert.equal(await page.locator('civic-questions').evaluate((el) => el.shadowRoot!.querySelectorAll('.list img').length), 0, 'no <img> element');
    assert.notEqual(await page.title(), 'hacked');
  }

  // Bob upvotes, twice by double click and once more after a reload: counted once.
  const upvote = bob.page.locator('civic-questions .list li button.upvote');
  await upvote.click();
  await waitFor('Bob’s upvote pressed', async () => (await upvote.getAttribute('aria-pressed')) === 'true');
  const board = async () => (await (await fetch(`${serverOrigin}/api/questions/moderated`)).json()) as { questions: { votes: number }[] };
  await waitFor('the upvote stored', async () => (await board()).questions[0]!.votes === 1);
  const voter = await bob.page.evaluate(() => localStorage.getItem('civic-widgets:voter'));
  const again = await fetch(`${serverOrigin}/api/questions/moderated/${pending.questions[0]!.id}/votes/${voter}`, { method: 'PUT' });
  assert.equal(again.status, 200);
  await bob.page.reload();
  await bob.page.getByRole('button', { name: 'Ask', exact: true }).waitFor();
  const afterReload = bob.page.locator('civic-questions .list li button.upvote');
  await waitFor('the upvote remembered after a reload', async () => (await afterReload.getAttribute('aria-pressed')) === 'true');
  assert.equal((await board()).questions[0]!.votes, 1, 'one voter, one upvote');
  await waitFor('Alice to see the upvote live', async () => (await alice.page.locator('civic-questions .list li button.upvote').textContent())?.includes('1 vote'));

  assert.deepEqual([...alice.errors, ...bob.errors], [], 'no console error under a strict CSP');
  await alice.context.close();
  await bob.context.close();
});

test('a question asked offline is kept, and lands once when the network returns', async () => {
  const carol = await openVisitor('open');
  const dave = await openVisitor('open');
  await carol.context.setOffline(true);
  await carol.page.getByRole('textbox', { name: 'Your question' }).fill('Asked on a train?');
  await carol.page.getByRole('button', { name: 'Ask', exact: true }).click();
  await waitFor('the kept note', async () => (await carol.page.locator('civic-questions .message').textContent())?.includes('kept'));
  assert.match((await carol.page.evaluate(() => localStorage.getItem('civic-widgets:pending-questions'))) ?? '', /Asked on a train/);
  await carol.context.setOffline(false);
  await waitFor('Dave to see it live', async () => (await listed(dave.page)).includes('Asked on a train?'));
  const board = (await (await fetch(`${serverOrigin}/api/questions/open`)).json()) as { questions: { text: string }[] };
  assert.equal(board.questions.filter((q) => q.text === 'Asked on a train?').length, 1);
  await waitFor('nothing left to send', async () => (await carol.page.evaluate(() => localStorage.getItem('civic-widgets:pending-questions'))) === null);
  await carol.context.close();
  await dave.context.close();
});
