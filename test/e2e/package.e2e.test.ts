import assert from 'node:assert/strict';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, spawnServer } from '../server/support.js';

// The package as npm would publish it (`npm pack`), unpacked into an empty folder: what an organizer
// gets from `npx civic-widgets serve`. Run after `npm run build`.

interface PackageJson {
  dependencies: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
}

const skip = existsSync(join(ROOT, 'dist/server')) ? false : 'needs npm run build';

/** Every bare module name a built file imports (`lit`, `@lit/context`, `fastify`, …). */
function importedPackages(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const [, specifier] of code.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"]([^'"./][^'"]*)['"]/g)) {
      const parts = specifier!.split('/');
      names.add(specifier!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
    }
  }
  return names;
}

describe('the published package', { skip }, () => {
  let dir = '';
  let app = '';
  let manifest: PackageJson;
  let server: ChildProcess | undefined;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'civic-package-'));
    // The build is already there (npm test builds first): pack it as is.
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }),
    ) as { filename: string }[];
    execFileSync('tar', ['-xzf', join(dir, packed!.filename), '-C', dir]);
    app = join(dir, 'package');
    manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as PackageJson;
  });

  after(() => {
    server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('contains every file its exports and bin name', () => {
    const targets = [
      ...Object.values(manifest.bin),
      ...Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
    ];
    assert.ok(targets.length > 20);
    const missing = targets.filter((target) => !existsSync(join(app, target)));
    assert.deepEqual(missing, []);
  });

  it('lists every package its built code imports as a dependency, not a devDependency', () => {
    const builtins = new Set(builtinModules);
    const needed = [...importedPackages(join(app, 'dist/server')), ...importedPackages(join(app, 'dist/npm'))].filter(
      (name) => !name.startsWith('node:') && !builtins.has(name),
    );
    assert.ok(needed.includes('fastify') && needed.includes('lit'), `found ${needed.join(', ')}`);
    assert.deepEqual(
      needed.filter((name) => !(name in manifest.dependencies)),
      [],
    );
  });

  it('serves the demo, the bundle and the feeds from the unpacked package, run from another folder', async () => {
    // Its dependencies, as `npm install` would put them beside it.
    symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
    const cwd = mkdtempSync(join(dir, 'organizer-'));
    const started = await spawnServer(
      ['serve', '--feeds', join(app, 'demo/feeds'), '--demo', '--port', '0', '--db', 'votes.db'],
      { DATABASE_URL: '', CIVIC_ADMIN_TOKEN: '' },
      { cli: [join(app, manifest.bin['civic-widgets']!)], cwd },
    );
    server = started.child;
    const page = await fetch(`${started.origin}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script type="module" src="\/civic-widgets\.js">/);
    const bundle = await fetch(`${started.origin}/civic-widgets.js`);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.equal(await bundle.text(), readFileSync(join(app, 'dist/civic-widgets.js'), 'utf8'));
    const feed = (await (await fetch(`${started.origin}/feeds/local-democracy.json`)).json()) as { sessions: unknown[] };
    assert.ok(feed.sessions.length > 0);
    assert.ok(existsSync(join(cwd, 'votes.db')), 'the votes file is made where the organizer runs the command');
  });
});
