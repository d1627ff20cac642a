// End to end: the BUILT console (dist/admin/console.js) and the visitors' bundle in Debian's Chromium,
// against the REAL reference server (a child process with a temporary SQLite file, or PostgreSQL
// when DATABASE_URL_TEST is set), with a visitor's page on another origin.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import jsQRModule from 'jsqr';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../bench/support/chromium.js';
import { serveStatic, type StaticServer } from '../../bench/support/static-server.js';
import { serveBuilt, waitFor, type BuiltServer } from './support.js';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const TOKEN = `e2e-console-${randomBytes(8).toString('hex')}`;
const VOTE_URL = 'https://town.example/vote/{poll}';
// jsqr is CommonJS with `exports.default`: Node's default import is the exports object.
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const axeSource = readFile(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

const feed = {
  version: 1,
  languages: ['en', 'ar'],
  event: { id: 'town-hall', title: { en: 'Town hall', ar: 'مجلس البلدة' }, timeZone: 'Europe/Madrid' },
  sessions: [{ id: 'assembly', title: 'Assembly', start: '2026-06-18T15:00:00+02:00', end: '2026-06-18T17:00:00+02:00', poll: 'budget' }],
  questions: [{ id: 'ask', title: { en: 'Ask the panel', ar: 'اسأل اللجنة' }, session: 'assembly', moderation: 'pre' }],
  polls: [
    {
      id: 'order',
      title: 'Which questions first?',
      mode: 'ranking',
      maxChoices: 2,
      results: 'always',
      groups: [{ id: 'q', title: 'Guiding questions', options: [{ id: 'trust', text: 'Trust' }, { id: 'digital', text: 'Digital participation' }, { id: 'youth', text: 'Youth' }] }],
    },
    {
      id: 'budget',
      title: { en: 'Participatory budget', ar: 'الميزانية التشاركية' },
      prompt: { en: 'Where should the money go first?', ar: 'أين يجب أن يذهب المال أولًا؟' },
      mode: 'single',
      results: 'always',
      groups: [{ id: 'streets', title: { en: 'Streets', ar: 'الشوارع' }, options: [{ id: 'trees', text: { en: 'More trees', ar: 'مزيد من الأشجار' } }, { id: 'bikes', text: { en: 'Bike lanes', ar: 'ممرات الدراجات' } }] }],
    },
    {
      id: 'priorities',
      title: 'Priorities',
      mode: 'single',
      results: 'after-close',
      groups: [{ id: 'g', title: 'Next year', options: [{ id: 'housing', text: 'Housing' }, { id: 'transport', text: 'Transport' }] }],
    },
  ],
};

/** The built server on the test's feed folder: a database file of its own, SQLite unless `databaseUrl`. */
function startServer(dir: string, env: Record<string, string>, databaseUrl = ''): Promise<BuiltServer> {
  const db = join(dir, `votes-${randomBytes(4).toString('hex')}.db`);
  return serveBuilt(['--feeds', join(dir, 'feeds'), '--db', db, '--vote-url', VOTE_URL], { DATABASE_URL: databaseUrl, ...env }, '/feeds/town-hall.json');
}

const stores: { name: string; url: () => Promise<{ url: string; drop: () => Promise<void> }> }[] = [
  { name: 'SQLite', url: async () => ({ url: '', drop: async () => {} }) },
];
if (process.env.DATABASE_URL_TEST) {
  stores.push({
    name: 'PostgreSQL',
    url: async () => {
      const schema = `civic_console_e2e_${randomBytes(6).toString('hex')}`;
      const url = new URL(process.env.DATABASE_URL_TEST!);
      url.searchParams.set('schema', schema);
      return {
        url: url.href,
        drop: async () => {
          const client = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  });
}

let browser: Browser;
let dir: string;

before(async () => {
  for (const built of ['dist/civic-widgets.js', 'dist/admin/console.js', 'bin/civic-widgets.js']) {
    assert.ok(existsSync(join(root, built)), `${built} is missing: run npm run build first`);
  }
  dir = await mkdtemp(join(tmpdir(), 'civic-console-e2e-'));
  await mkdir(join(dir, 'feeds'));
  await writeFile(join(dir, 'feeds', 'town-hall.json'), JSON.stringify(feed));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

async function signIn(context: BrowserContext, origin: string, lang = 'en'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/admin/?lang=${lang}`);
  await page.locator('civic-admin-console input#token').fill(TOKEN);
  await page.locator('civic-admin-console form.sign-in button[type=submit]').click();
  await page.locator('civic-admin-console li.card h3').first().waitFor();
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: await axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** The card of a poll in the console. */
const card = (page: Page, title: string) => page.locator('civic-admin-console li.card', { has: page.locator('h3', { hasText: title }) });

for (const store of stores) {
  describe(`console and presenter on ${store.name}`, () => {
    let server: BuiltServer;
    let site: StaticServer;
    let drop: () => Promise<void>;

    before(async () => {
      const db = await store.url();
      drop = db.drop;
      server = await startServer(dir, { CIVIC_ADMIN_TOKEN: TOKEN }, db.url);
      // The association's page: another origin (localhost, not 127.0.0.1).
      site = await serveStatic(
        root,
        {
          '/index.html': `<!doctype html><html lang="en"><meta charset="utf-8"><title>Town hall</title>
            <script type="module" src="${server.origin}/civic-widgets.js"></script>
            <civic-poll src="${server.origin}/feeds/town-hall.json" poll="budget"></civic-poll>`,
          '/questions.html': `<!doctype html><html lang="en"><meta charset="utf-8"><title>Ask the panel</title>
            <script type="module" src="${server.origin}/civic-widgets.js"></script>
            <civic-questions src="${server.origin}/feeds/town-hall.json" board="ask"></civic-questions>`,
        },
        {},
        'localhost',
      );
    });
    after(async () => {
      await site?.close();
      server?.child.kill();
      await drop?.();
    });

    test('no admin data or action without a session; a forged POST from the same host on another port is refused', async () => {
      for (const [method, path] of [['GET', '/api/admin/polls'], ['POST', '/api/admin/polls/budget/close'], ['GET', '/api/admin/polls/budget/export?format=csv'], ['GET', '/api/admin/questions/ask'], ['POST', '/api/admin/questions/ask/x/publish']]) {
        const res = await fetch(`${server.origin}${path}`, { method });
        assert.equal(res.status, 401, `${method} ${path}`);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthorized');
      }
      const context = await browser.newContext();
      const anonymous = await context.newPage();
      await anonymous.goto(`${server.origin}/admin/`);
      await anonymous.locator('civic-admin-console input#token').waitFor();
      assert.equal(await anonymous.locator('civic-admin-console li.card').count(), 0, 'no poll shown before sign-in');

      const consolePage = await signIn(context, server.origin);
      // Same host, another port: the same site, so SameSite=Strict sends the cookie; the Origin check must refuse.
      const attacker = await serveStatic(root, {
        '/attack.html': `<!doctype html><html lang="en"><title>x</title><body>
          <form id="f" method="POST" action="${server.origin}/api/admin/polls/budget/close" enctype="text/plain"><input name='{"a":"' value='"}'></form>
          <script>
            window.fetchResult = fetch('${server.origin}/api/admin/polls/budget/close', { method: 'POST', credentials: 'include', mode: 'no-cors' }).then(() => 'sent', (e) => String(e));
          </script>`,
      });
      try {
        const evil = await context.newPage();
        await evil.goto(`${attacker.origin}/attack.html`);
        assert.equal(await evil.evaluate(() => (window as unknown as { fetchResult: Promise<string> }).fetchResult), 'sent');
        const [answer] = await Promise.all([evil.waitForResponse((r) => r.url().includes('/close')), evil.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit())]);
        assert.equal(answer.status(), 403, 'the form post was refused');
        assert.match(await answer.text(), /"code":"forbidden"/);
        const status = ((await (await fetch(`${server.origin}/api/polls/budget`)).json()) as { status: string }).status;
        assert.equal(status, 'open', 'the forged requests changed nothing');

        // Sign out: the form is back, and the browser's cookie no longer opens anything.
        await consolePage.getByRole('button', { name: 'Sign out' }).click();
        await consolePage.locator('civic-admin-console input#token').waitFor();
        assert.equal(await consolePage.evaluate(async () => (await fetch('/api/admin/polls')).status), 401);
      } finally {
        await attacker.close();
        await context.close();
      }
    });

    test('open, close and reset from the console reach a visitor’s widget without a reload; CSV matches the votes', async (t) => {
      const visitor = await browser.newContext();
      const visitorPage = await visitor.newPage();
      await visitorPage.goto(`${site.origin}/index.html`);
      const vote = visitorPage.getByRole('button', { name: 'Vote', exact: true });
      await vote.waitFor();

      const adminContext = await browser.newContext({ acceptDownloads: true });
      const consolePage = await signIn(adminContext, server.origin);
      const budget = card(consolePage, 'Participatory budget');

      await budget.getByRole('button', { name: 'Close now' }).click();
      await visitorPage.getByText('This poll is closed.').waitFor();
      assert.equal(await vote.count(), 0, 'no vote button on a closed poll');
      await budget.getByText('Closed', { exact: true }).waitFor();

      await budget.getByRole('button', { name: 'Open now' }).click();
      await vote.waitFor();
      await visitorPage.getByRole('radio', { name: 'More trees' }).check();
      await vote.click();
      for (const [voter, choice] of [['voter-e2e-000001-aaaa', 'bikes'], ['voter-e2e-000002-bbbb', 'bikes']]) {
        const res = await fetch(`${server.origin}/api/polls/budget/votes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ voter, choices: [choice] }) });
        assert.equal(res.status, 200);
      }
      // Live totals in the console (its own stream), with no reload.
      await waitFor('the console’s live totals', async () => (await budget.locator('.row', { hasText: 'Bike lanes' }).locator('.value').textContent()) === '2');
      assert.equal(await budget.locator('.row', { hasText: 'More trees' }).locator('.value').textContent(), '1');

      const [download] = await Promise.all([consolePage.waitForEvent('download'), budget.getByRole('link', { name: 'Export CSV' }).click()]);
      const csv = await readFile((await download.path())!, 'utf8');
      const rows = csv.trim().split('\r\n').slice(1).map((line) => line.split(','));
      assert.equal(rows.length, 3, csv);
      assert.deepEqual(rows.map((row) => row[3]).sort(), ['bikes', 'bikes', 'trees']);
      const exported = (await (await fetch(`${server.origin}/api/admin/polls/budget/export`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { votes: { voter: string }[] };
      assert.deepEqual(rows.map((row) => row[0]).sort(), exported.votes.map((v) => v.voter).sort());

      await budget.getByRole('button', { name: 'Reset' }).click();
      const dialog = consolePage.locator('civic-admin-console dialog');
      assert.equal(await dialog.locator('p').textContent(), 'Reset “Participatory budget”? 3 votes will be deleted for good.');
      await dialog.getByRole('button', { name: 'Delete the votes' }).click();
      await waitFor('the reset on the console', async () => (await budget.locator('.row', { hasText: 'Bike lanes' }).locator('.value').textContent()) === '0');
      const shown = async () => Number(await visitorPage.locator('civic-poll table tbody tr', { hasText: 'Bike lanes' }).locator('td').first().textContent());
      await waitFor('the reset on the visitor’s page', async () => (await visitorPage.locator('civic-poll table').count()) === 0 || (await shown()) === 0);
      const after = (await (await fetch(`${server.origin}/api/polls/budget`)).json()) as { voters: number };
      assert.equal(after.voters, 0);
      t.diagnostic('close, open and reset reached the visitor over the existing SSE stream');
      await visitor.close();
      await adminContext.close();
    });

    test('questions are moderated from the console: pending live, publish, pin, answered and reject reach visitors; keyboard and CSV', async () => {
      const visitor = async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${site.origin}/questions.html`);
        await page.getByRole('button', { name: 'Ask', exact: true }).waitFor();
        return { context, page };
      };
      const ask = async (page: Page, text: string) => {
        await page.getByRole('textbox', { name: 'Your question' }).fill(text);
        await page.getByRole('button', { name: 'Ask', exact: true }).click();
      };
      const alice = await visitor();
      const bob = await visitor();
      const adminContext = await browser.newContext({ acceptDownloads: true });
      const consolePage = await signIn(adminContext, server.origin);
      const board = consolePage.locator('civic-admin-console li.board', { has: consolePage.locator('h3', { hasText: 'Ask the panel' }) });
      await board.getByText('No question is waiting.').waitFor();

      // Asked in Alice's browser: the console lists it as pending without a reload, Bob sees nothing yet.
      const markup = '<b>Is the budget vote public?</b>';
      const pending = board.locator('ul[data-list=pending] > li');
      await ask(alice.page, markup);
      // One after the other: two questions sent at once may be stored in either order.
      await waitFor('the first question in the console’s queue', async () => (await pending.count()) === 1);
      await ask(alice.page, 'Spam spam spam');
      await waitFor('the questions in the console’s queue', async () => (await pending.count()) === 2);
      assert.deepEqual(await pending.locator('.question-text').allTextContents(), [markup, 'Spam spam spam'], 'oldest first, markup shown as text');
      assert.equal(await consolePage.getByRole('button', { name: 'Questions waiting: 2' }).count(), 1);
      const bobsList = () => bob.page.locator('civic-questions .list li .text').allTextContents();
      assert.deepEqual(await bobsList(), []);

      // Publish with the keyboard: focus goes on to the next question's Publish button.
      await pending.first().getByRole('button', { name: 'Publish' }).focus();
      await consolePage.keyboard.press('Enter');
      await waitFor('the question on Bob’s page', async () => (await bobsList()).includes(markup));
      await waitFor('the queue to shrink', async () => (await pending.count()) === 1);
      // The status line is written in the same update after which the focus moves.
      await waitFor('the outcome said', async () => (await consolePage.locator('civic-admin-console p.notice-line').textContent())?.endsWith('Published.'));
      const focused = () => consolePage.evaluate(() => {
        const active = document.querySelector('civic-admin-console')!.shadowRoot!.activeElement as HTMLElement | null;
        return `${active?.textContent?.trim()} | ${active?.closest('li.question')?.querySelector('.question-text')?.textContent}`;
      });
      assert.equal(await focused(), 'Publish | Spam spam spam', 'focus moved to the next question in the queue');
      await consolePage.keyboard.press('Tab');
      await consolePage.keyboard.press('Enter');
      await waitFor('the rejected question out of the queue', async () => (await board.getByText('No question is waiting.').count()) === 1);
      assert.equal(await consolePage.getByRole('button', { name: /Questions waiting/ }).count(), 0);
      await board.getByText('Rejected (1)').waitFor();
      await waitFor('Alice’s pending note to go', async () => (await alice.page.locator('civic-questions .mine').count()) === 0);
      assert.deepEqual(await alice.page.locator('civic-questions .list li .text').allTextContents(), [markup], 'a rejected question is shown to nobody');

      // Pin and mark answered: toggles that keep the focus, and marks on the visitors' pages.
      const published = board.locator('ul[data-list=published] > li', { hasText: markup });
      const pin = published.getByRole('button', { name: 'Pinned' });
      await pin.click();
      await waitFor('the pin pressed', async () => (await pin.getAttribute('aria-pressed')) === 'true');
      await waitFor('the pin said', async () => (await consolePage.locator('civic-admin-console p.notice-line').textContent())?.endsWith('Pinned.'));
      await published.getByRole('button', { name: 'Answered' }).click();
      await waitFor('the outcome said', async () => (await consolePage.locator('civic-admin-console p.notice-line').textContent())?.endsWith('Answered.'));
      const bobsItem = bob.page.locator('civic-questions .list li', { hasText: markup });
      await waitFor('the marks on Bob’s page', async () => (await bobsItem.locator('.mark').allTextContents()).join() === 'Pinned,Answered');
      assert.match(await focused(), /^✓\s*Answered \| /, 'focus stays on the toggle');
      assert.equal(await consolePage.locator('civic-admin-console p.notice-line').textContent(), '“<b>Is the budget vote public?</b>”: Answered.');

      const [download] = await Promise.all([consolePage.waitForEvent('download'), board.getByRole('link', { name: 'Export CSV' }).click()]);
      const csv = (await readFile((await download.path())!, 'utf8')).trim().split('\r\n');
      assert.equal(csv.length, 3, csv.join('\n'));
      assert.match(csv[0]!, /^question_id,created_at,status,votes,answered,pinned,name,text,voter$/);
      assert.deepEqual(csv.slice(1).map((row) => row.split(',')[2]).sort(), ['published', 'rejected']);

      // Withdraw: the published question leaves the visitors' pages too.
      await published.getByRole('button', { name: 'Withdraw' }).click();
      await waitFor('the question gone from Bob’s page', async () => (await bobsList()).length === 0);
      await board.getByText('Rejected (2)').waitFor();
      for (const context of [alice.context, bob.context, adminContext]) await context.close();
    });

    test('the presenter hides results until revealed, then updates live; its QR code decodes to the vote URL', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await signIn(context, server.origin);
      const page = await context.newPage();
      await page.goto(`${server.origin}/present/priorities`);
      await page.getByRole('heading', { name: 'Priorities' }).waitFor();
      await page.getByText('Results are hidden').waitFor();
      const voteFor = (n: number, choice: string) =>
        fetch(`${server.origin}/api/polls/priorities/votes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ voter: `voter-present-${String(n).padStart(6, '0')}`, choices: [choice] }) });
      assert.equal((await voteFor(1, 'housing')).status, 200);
      await page.waitForTimeout(600);
      assert.equal(await page.locator('civic-presenter .value').count(), 0, 'no figure on screen before the reveal');

      await page.keyboard.press('r');
      const housing = page.locator('civic-presenter .row', { hasText: 'Housing' }).locator('.value');
      await waitFor('revealed figures', async () => (await housing.textContent()) === '1');
      assert.equal(await page.getByRole('button', { name: 'Hide results' }).getAttribute('aria-pressed'), 'true');
      assert.equal((await voteFor(2, 'housing')).status, 200);
      await waitFor('a live update', async () => (await housing.textContent()) === '2');

      // Hidden again, then closed with the keyboard: a closed poll shows its results whatever the toggle.
      await page.keyboard.press('r');
      await waitFor('hidden again', async () => (await page.locator('civic-presenter .value').count()) === 0);
      await page.keyboard.press('o');
      await waitFor('closed and shown', async () => (await housing.textContent()) === '2');
      await page.locator('civic-presenter .badge.closed').waitFor();
      assert.equal(((await (await fetch(`${server.origin}/api/polls/priorities`)).json()) as { status: string }).status, 'closed');
      await page.keyboard.press('o');
      await waitFor('open again', async () => (await page.locator('civic-presenter .value').count()) === 0);

      // The help overlay lists the shortcuts; Escape closes it.
      await page.keyboard.press('?');
      await page.getByRole('dialog').getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('Escape');
      await waitFor('the help overlay to close', async () => (await page.getByRole('dialog').count()) === 0);

      // Another poll by keyboard (previous: the polls wrap around): the URL follows, results hidden again.
      await page.keyboard.press('p');
      await page.getByRole('heading', { name: 'Participatory budget' }).waitFor();
      assert.match(page.url(), /\/present\/budget$/);

      assert.equal(await page.locator('civic-presenter .value').count(), 0, 'hidden again on another poll');

      // A ranking poll shows its scores (as the server computes them), not its vote counts.
      await page.keyboard.press('p');
      await page.getByRole('heading', { name: 'Which questions first?' }).waitFor();
      for (const [n, ranking] of [[1, ['digital', 'trust']], [2, ['digital', 'youth']]] as const) {
        const res = await fetch(`${server.origin}/api/polls/order/votes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ voter: `voter-rank-${String(n).padStart(6, '0')}`, choices: ranking }) });
        assert.equal(res.status, 200);
      }
      await page.keyboard.press('r');
      const { scores } = (await (await fetch(`${server.origin}/api/admin/polls/order`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { scores: Record<string, number> };
      assert.ok(scores && scores.digital! > scores.trust!, JSON.stringify(scores));
      const digital = page.locator('civic-presenter .row', { hasText: 'Digital participation' }).locator('.value');
      await waitFor('the ranking’s scores', async () => (await digital.textContent()) === String(scores.digital));
      assert.equal(await page.locator('civic-presenter .row', { hasText: 'Trust' }).locator('.value').textContent(), String(scores.trust));
      await page.keyboard.press('n');
      await page.getByRole('heading', { name: 'Participatory budget' }).waitFor();

      const pixels = await page.evaluate(async () => {
        const img = document.querySelector('civic-presenter')!.shadowRoot!.querySelector('img.qr') as HTMLImageElement;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 400;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0, 400, 400);
        return Array.from(ctx.getImageData(0, 0, 400, 400).data);
      });
      const decoded = jsQR(Uint8ClampedArray.from(pixels), 400, 400);
      assert.equal(decoded?.data, 'https://town.example/vote/budget');
      assert.equal(await page.locator('civic-presenter .short-url').textContent(), 'town.example/vote/budget');
      await context.close();
    });

    test('axe: no violations on the console and the presenter view, in English and Arabic', async () => {
      // Every list of the question board filled: waiting, published (pinned), rejected.
      const asked = [];
      for (const [n, text] of ['Waiting for you?', 'كيف نحمي الثقة؟'].entries()) {
        const res = await fetch(`${server.origin}/api/questions/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ voter: `voter-axe-${String(n).padStart(6, '0')}`, text }) });
        asked.push(((await res.json()) as { id: string }).id);
      }
      for (const action of ['publish', 'pin']) {
        await fetch(`${server.origin}/api/admin/questions/ask/${asked[1]}/${action}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
      }
      for (const lang of ['en', 'ar']) {
        // axe is injected as an inline script, which the pages' own CSP rightly refuses.
        const context = await browser.newContext({ bypassCSP: true });
        const consolePage = await signIn(context, server.origin, lang);
        assert.equal(await consolePage.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
        await consolePage.locator('civic-admin-console ul[data-list=published] button[aria-pressed=true]').waitFor();
        assert.equal(await consolePage.locator('civic-admin-console ul[data-list=pending] > li').count(), 1);
        assert.deepEqual(await axeViolations(consolePage), [], `console (${lang})`);
        const signInPage = await browser.newPage({ bypassCSP: true });
        await signInPage.goto(`${server.origin}/admin/?lang=${lang}`);
        await signInPage.locator('civic-admin-console input#token').waitFor();
        assert.deepEqual(await axeViolations(signInPage), [], `sign-in (${lang})`);
        await signInPage.close();
        for (const reveal of [false, true]) {
          const present = await context.newPage();
          await present.goto(`${server.origin}/present/budget?lang=${lang}`);
          await present.locator('civic-presenter h1').waitFor();
          if (reveal) {
            await present.keyboard.press('r');
            await present.locator('civic-presenter .value').first().waitFor();
          }
          assert.deepEqual(await axeViolations(present), [], `presenter (${lang}, ${reveal ? 'revealed' : 'hidden'})`);
          await present.close();
        }
        await context.close();
      }
    });

    test('a feed added while the console is open: its poll and its board get their cards, texts and all', async () => {
      const context = await browser.newContext();
      const consolePage = await signIn(context, server.origin);
      const file = join(dir, 'feeds', 'added-later.json');
      try {
        await writeFile(
          file,
          JSON.stringify({
            version: 1,
            event: { id: 'added-later', title: 'Added later', timeZone: 'Europe/Madrid' },
            sessions: [],
            questions: [{ id: 'late-board', title: 'Late questions', moderation: 'pre' }],
            polls: [{ id: 'late-poll', title: 'Late poll', mode: 'single', groups: [{ id: 'g', title: 'Late group', options: [{ id: 'x', text: 'Late option' }] }] }],
          }),
        );
        await card(consolePage, 'Late poll').locator('.row', { hasText: 'Late option' }).waitFor();
        await consolePage.locator('civic-admin-console li.board h3', { hasText: 'Late questions' }).waitFor();
        const res = await fetch(`${server.origin}/api/questions/late-board`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ voter: 'voter-late-000001', text: 'Am I in the queue?' }) });
        assert.equal(res.status, 201);
        await consolePage.locator('civic-admin-console li.board', { hasText: 'Late questions' }).locator('ul[data-list=pending] .question-text', { hasText: 'Am I in the queue?' }).waitFor();
      } finally {
        await rm(file, { force: true });
        await context.close();
      }
    });
  });
}

test('serve without a token prints a one-time link: it signs in once, and the URL keeps no secret', async () => {
  const server = await startServer(dir, { CIVIC_ADMIN_TOKEN: '' });
  try {
    const link = await waitFor('the printed link', async () => /(http:\/\/\S+\/admin\/sign-in\?once=\S+)/.exec(server.log())?.[1]);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    assert.equal(page.url(), `${server.origin}/admin/`);
    await page.locator('civic-admin-console li.card h3').first().waitFor();
    const other = await browser.newContext();
    const second = await other.newPage();
    await second.goto(link);
    assert.equal(second.url(), `${server.origin}/admin/`, 'the failure notice is dropped from the address bar');
    await second.getByText('This sign-in link has been used or has expired.', { exact: false }).waitFor();
    assert.equal(await second.locator('civic-admin-console li.card').count(), 0);
    await context.close();
    await other.close();
  } finally {
    server.child.kill();
  }
});
