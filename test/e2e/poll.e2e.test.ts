// End to end: the BUILT single-file bundle in Debian's Chromium, against the REAL reference server
// (a child process with a temporary SQLite file), embedded on a page of another origin.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../bench/support/chromium.js';
import { serveStatic, type StaticServer } from '../../bench/support/static-server.js';
import { iso, serveBuilt, waitFor, type BuiltServer } from './support.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const POLL = 'budget';
const RANKING = 'questions';

let dir: string;
let server: BuiltServer;
let serverOrigin: string;
let site: StaticServer;
let browser: Browser;
let feedJson = '';

before(async () => {
  for (const built of ['dist/civic-widgets.js', 'bin/civic-widgets.js']) {
    assert.ok(existsSync(join(root, built)), `${built} is missing: run npm run build first`);
  }
  dir = await mkdtemp(join(tmpdir(), 'civic-poll-e2e-'));
  await mkdir(join(dir, 'feeds'));
  const now = Date.now();
  feedJson = JSON.stringify({
      version: 1,
      languages: ['en'],
      event: { id: 'town-hall', title: 'Town hall', timeZone: 'Europe/Madrid' },
      sessions: [{ id: 'assembly', title: 'Assembly', start: iso(now - 3_600_000), end: iso(now + 3_600_000), poll: POLL }],
      polls: [
        {
          id: POLL,
          title: 'Participatory budget',
          mode: 'single',
          results: 'always',
          opensAt: iso(now - 3_600_000),
          closesAt: iso(now + 3_600_000),
          groups: [
            { id: 'streets', title: 'Streets', options: [{ id: 'trees', text: 'More trees' }, { id: 'bikes', text: 'Bike lanes' }] },
            { id: 'services', title: 'Services', options: [{ id: 'library', text: 'Library hours' }] },
          ],
        },
        {
          id: RANKING,
          title: 'Which questions first?',
          mode: 'ranking',
          maxChoices: 3,
          results: 'always',
          groups: [
            {
              id: 'q',
              title: 'Guiding questions',
              options: [
                { id: 'trust', text: 'Trust' },
                { id: 'digital', text: 'Digital participation' },
                { id: 'youth', text: 'Youth' },
                { id: 'finance', text: 'Local finance' },
              ],
            },
          ],
        },
      ],
    });
  await writeFile(join(dir, 'feeds', 'town-hall.json'), feedJson);
  server = await serveBuilt(['--feeds', join(dir, 'feeds'), '--db', join(dir, 'votes.db')], {}, '/feeds/town-hall.json');
  serverOrigin = server.origin;
  // The association's page lives on another origin (localhost vs 127.0.0.1): CORS is exercised for real.
  site = await serveStatic(
    root,
    {
      '/index.html': `<!doctype html><html lang="en"><meta charset="utf-8"><title>Town hall</title>
        <script type="module" src="${serverOrigin}/civic-widgets.js"></script>
        <civic-poll src="${serverOrigin}/feeds/town-hall.json"></civic-poll>`,
      '/ranking.html': `<!doctype html><html lang="en"><meta charset="utf-8"><title>Guiding questions</title>
        <script type="module" src="${serverOrigin}/civic-widgets.js"></script>
        <civic-poll src="${serverOrigin}/feeds/town-hall.json" poll="${RANKING}"></civic-poll>`,
      // The same feed as a static file on the association's own host, with no poll server beside it.
      '/static/town-hall.json': feedJson,
      '/static.html': `<!doctype html><html lang="en"><meta charset="utf-8"><title>Static</title>
        <script type="module" src="${serverOrigin}/civic-widgets.js"></script>
        <civic-poll src="/static/town-hall.json"></civic-poll><civic-poll src="/static/town-hall.json" results-only></civic-poll>`,
    },
    {},
    'localhost',
  );
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  server?.child.kill();
  await rm(dir, { recursive: true, force: true });
});

async function openVisitor(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.origin}/index.html`);
  await page.getByRole('button', { name: 'Vote', exact: true }).waitFor();
  return { context, page };
}

/** The count the visitor's page shows for an answer, from the results table. */
async function shownCount(page: Page, answer: string): Promise<number | undefined> {
  const cell = page.locator('civic-poll table tbody tr', { hasText: answer }).locator('td').first();
  if (!(await cell.count())) return undefined;
  return Number(await cell.textContent());
}

async function serverTotals(): Promise<{ totals: Record<string, number>; voters: number }> {
  return (await fetch(`${serverOrigin}/api/polls/${POLL}`)).json() as Promise<{ totals: Record<string, number>; voters: number }>;
}

test('two visitors see each other’s votes live; an offline vote lands exactly once', async (t) => {
  const alice = await openVisitor();
  const bob = await openVisitor();

  await alice.page.getByRole('radio', { name: 'More trees' }).check();
  const clicked = Date.now();
  await alice.page.getByRole('button', { name: 'Vote', exact: true }).click();
  await waitFor('Alice’s vote on Bob’s page', async () => (await shownCount(bob.page, 'More trees')) === 1);
  t.diagnostic(`Alice's vote reached Bob's page in ${Date.now() - clicked} ms (click to results table, polled every 100 ms)`);

  await bob.page.getByRole('radio', { name: 'Bike lanes' }).check();
  await bob.page.getByRole('button', { name: 'Vote', exact: true }).click();
  await waitFor('Bob’s vote on Alice’s page', async () => (await shownCount(alice.page, 'Bike lanes')) === 1);

  // Alice loses the network and changes her mind.
  await alice.context.setOffline(true);
  await alice.page.getByRole('button', { name: 'Change my vote' }).click();
  await alice.page.getByRole('radio', { name: 'Library hours' }).check();
  await alice.page.getByRole('button', { name: 'Vote', exact: true }).click();
  await waitFor('the pending note', async () => (await alice.page.locator('civic-poll [role="status"]').textContent())?.includes('saved on this device'));
  const kept = await alice.page.evaluate(() => localStorage.getItem('civic-widgets:pending-votes'));
  assert.match(kept ?? '', /library/);
  assert.deepEqual((await serverTotals()).totals.library ?? 0, 0, 'not counted while offline');

  const online = Date.now();
  await alice.context.setOffline(false);
  await waitFor('the kept vote to land', async () => (await serverTotals()).totals.library === 1);
  t.diagnostic(`the kept vote landed ${Date.now() - online} ms after the network came back`);
  await waitFor('Bob to see it', async () => (await shownCount(bob.page, 'Library hours')) === 1);
  const { totals, voters } = await serverTotals();
  assert.equal(voters, 2, 'the offline vote replaced Alice’s first vote: still two voters');
  assert.deepEqual({ trees: totals.trees ?? 0, bikes: totals.bikes ?? 0, library: totals.library ?? 0 }, { trees: 0, bikes: 1, library: 1 });
  assert.equal(await alice.page.evaluate(() => localStorage.getItem('civic-widgets:pending-votes')), null);

  await alice.context.close();
  await bob.context.close();
});

/** The result order a page shows for the ranking poll, from its results table: "Trust 5", … */
async function shownOrder(page: Page): Promise<string[]> {
  return page.locator('civic-poll table tbody tr').evaluateAll((rows) =>
    rows.map((row) => `${row.querySelector('th')!.textContent!.trim()} ${row.querySelectorAll('td')[1]!.textContent!.trim()}`),
  );
}

async function rank(page: Page, order: string[]): Promise<void> {
  for (const [i, answer] of order.entries()) await page.getByRole('combobox', { name: `Rank of ${answer}` }).selectOption(String(i + 1));
  await page.getByRole('button', { name: 'Vote', exact: true }).click();
  await page.getByText('Thank you, your vote is counted.').waitFor();
}

test('ranking: two visitors rank, and both see the same order by Borda points, live', async () => {
  const open = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.origin}/ranking.html`);
    await page.getByRole('combobox', { name: 'Rank of Trust' }).waitFor();
    return { context, page };
  };
  const alice = await open();
  const bob = await open();
  await rank(alice.page, ['Youth', 'Trust', 'Local finance']);
  // Bob moves with the buttons: Trust up (enters first place), then Digital participation up twice.
  await bob.page.getByRole('button', { name: 'Move Trust up' }).click();
  await bob.page.getByRole('button', { name: 'Move Digital participation up' }).click();
  await bob.page.getByRole('button', { name: 'Move Digital participation up' }).click();
  await bob.page.getByRole('button', { name: 'Vote', exact: true }).click();
  await bob.page.getByText('Thank you, your vote is counted.').waitFor();
  // Trust 2+2 = 4, Youth 3, Digital participation 3, Local finance 1: Trust first, then the tie in feed order.
  const expected = ['Trust 4', 'Digital participation 3', 'Youth 3', 'Local finance 1'];
  const server = (await (await fetch(`${serverOrigin}/api/polls/${RANKING}`)).json()) as { scores: Record<string, number> };
  assert.deepEqual(server.scores, { trust: 4, youth: 3, digital: 3, finance: 1 });
  await waitFor('the same order on both pages', async () => {
    const [a, b] = [await shownOrder(alice.page), await shownOrder(bob.page)];
    return JSON.stringify(a) === JSON.stringify(expected) && JSON.stringify(b) === JSON.stringify(expected);
  });
  await alice.context.close();
  await bob.context.close();
});

test('a feed on a static host: voting is said to be unavailable, and the console names the endpoint once', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const logged: string[] = [];
  page.on('console', (message) => message.type() === 'error' && message.text().startsWith('civic-poll') && logged.push(message.text()));
  await page.goto(`${site.origin}/static.html`);
  await page.getByText('Voting is not available on this page.').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Vote', exact: true }).count(), 0, 'no form');
  await page.waitForTimeout(500);
  assert.equal(logged.length, 1, logged.join('\n'));
  assert.match(logged[0]!, new RegExp(`no poll API at ${site.origin}/api/polls/${POLL} \\(HTTP 404\\)`));
  assert.equal(await page.evaluate(() => localStorage.getItem('civic-widgets:pending-votes')), null);
  await context.close();
});
