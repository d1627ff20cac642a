import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pollFeed, startServer, testDatabase, type TestDatabase, type TestServer } from './support.js';

// The folder an operator passes to --site: their own pages, and whatever their CMS export or
// checkout left next to them.
function siteFolder(): { site: string; outside: string } {
  const site = mkdtempSync(join(tmpdir(), 'civic-site-'));
  const outside = mkdtempSync(join(tmpdir(), 'civic-outside-'));
  const put = (dir: string, name: string, body: string) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  };
  put(site, 'index.html', '<h1>home</h1>');
  put(site, 'agenda/index.html', '<h1>agenda</h1>');
  put(site, '.env', 'DATABASE_URL=postgres://civic:secret@db/civic');
  put(site, '.git/config', '[remote "origin"]');
  put(site, '.well-known/security.txt', 'Contact: mailto:security@city.example');
  put(outside, 'secret.txt', 'not for the web');
  symlinkSync(join(outside, 'secret.txt'), join(site, 'leak.txt'));
  symlinkSync(outside, join(site, 'elsewhere'));
  symlinkSync(join(site, 'agenda', 'index.html'), join(site, 'programme.html'));
  // Links that stay inside the folder but land on a dotfile or in a dot-folder.
  symlinkSync(join(site, '.env'), join(site, 'env.txt'));
  symlinkSync(join(site, '.git'), join(site, 'public'));
  symlinkSync('.git/config', join(site, 'config.txt'));
  return { site, outside };
}

describe('static site (--site)', () => {
  let db: TestDatabase;
  let server: TestServer;
  let folders: { site: string; outside: string };
  const get = (path: string) => fetch(`${server.origin}${path}`, { redirect: 'manual' });

  before(async () => {
    db = testDatabase('sqlite');
    folders = siteFolder();
    server = await startServer({ demo: pollFeed() }, db, { siteDir: folders.site });
  });
  after(async () => {
    await server.close();
    await db.drop();
    rmSync(folders.site, { recursive: true, force: true });
    rmSync(folders.outside, { recursive: true, force: true });
  });

  it('serves the pages', async () => {
    assert.equal(await (await get('/')).text(), '<h1>home</h1>');
    assert.equal(await (await get('/agenda/')).text(), '<h1>agenda</h1>');
  });

  it('hides dotfiles and dot-folders, encoded or not, but serves .well-known', async () => {
    for (const path of ['/.env', '/%2eenv', '/%2Eenv', '/agenda/../.env', '/.git/config', '/%2egit/config', '/.git']) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      const body = (await res.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'not-found', path);
    }
    const wellKnown = await get('/.well-known/security.txt');
    assert.equal(wellKnown.status, 200);
    assert.match(await wellKnown.text(), /^Contact:/);
  });

  it('does not follow a symlink out of the folder, but does inside it', async () => {
    for (const path of ['/leak.txt', '/elsewhere/secret.txt']) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(await res.text(), /not for the web/, path);
    }
    assert.equal(await (await get('/programme.html')).text(), '<h1>agenda</h1>');
  });

  it('does not follow a symlink inside the folder to a dotfile or into a dot-folder', async () => {
    for (const path of ['/env.txt', '/public/config', '/config.txt', '/public/']) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      const text = await res.text();
      assert.doesNotMatch(text, /secret|remote "origin"/, path);
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'not-found', path);
    }
  });

  it('refuses traversal out of the folder with a JSON error', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/..%5c..%5cetc%5cpasswd', '//etc/passwd']) {
      const res = await get(path);
      assert.ok(res.status === 403 || res.status === 404, `${path}: ${res.status}`);
      assert.ok(((await res.json()) as { error: { code: string } }).error.code, path);
    }
  });

  it('redirects a folder without its slash to the folder', async () => {
    const res = await get('/agenda?lang=fr');
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('location'), '/agenda/?lang=fr');
  });
});
