// `civic-widgets import` and `civic-widgets feeds status` as an organizer runs them (the real CLI in
// a child process), and the reader's limits on bad input.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { readSource } from '../../server/import/read-source.js';
import { validateFeed } from '../../src/contract/validate.js';
import { feedDir, pollFeed, ROOT } from './support.js';

const exec = promisify(execFile);
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli.ts'), ...args], { env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
const fixture = (name: string) => join(ROOT, 'test/fixtures/import', name);
const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at .*:\d+:\d+/, 'no stack trace');
const tmp = mkdtempSync(join(tmpdir(), 'civic-import-'));

let origin = '';
const server = createServer((req, res) => {
  if (req.url === '/login') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Sign in</body></html>');
  if (req.url === '/slow') return void setTimeout(() => res.end('BEGIN:VCALENDAR'), 5000);
  if (req.url === '/endless') {
    // No Content-Length, more bytes than the cap: the reader must stop, not buffer it all.
    res.writeHead(200);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const write = () => {
      while (sent < 200 && res.write(chunk)) sent++;
      if (sent < 200) res.once('drain', write);
      else res.end();
    };
    return write();
  }
  if (req.url === '/schedule.json') return void res.end(readFileSync(fixture('schedule-v2.json')));
  res.writeHead(404).end();
});
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

describe('civic-widgets import', () => {
  it('prints a valid feed on stdout and each warning on one stderr line', async () => {
    const { code, stdout, stderr } = await cli(['import', fixture('schedule-v1.json')]);
    assert.equal(code, 0, stderr);
    assert.ok(validateFeed(JSON.parse(stdout), 'http://localhost/x.json').ok);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^civic-widgets import: warning: .*schedule-v1\.json: schedule\.conference\.days\[0\]\.rooms\.Sala Plenaria\[0\]\.date: its offset \+02:00 disagrees/);
  });

  it('writes --out, with --event-id, --time-zone and --lang, from a URL', async () => {
    const out = join(tmp, 'feed.json');
    const { code, stderr } = await cli(['import', `${origin}/schedule.json`, '--out', out, '--event-id', 'cities-2026', '--time-zone', 'Europe/Madrid']);
    assert.equal(code, 0, stderr);
    const feed = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(feed.event.id, 'cities-2026');
    assert.equal(feed.sessions.length, 2);
    const ics = await cli(['import', fixture('calendar.ics'), '--lang', 'fr', '--from', '2026-01-01', '--until', '2026-12-31']);
    assert.deepEqual(JSON.parse(ics.stdout).languages, ['fr']);
  });

  it('refuses a 50 MB file without reading it', async () => {
    const big = join(tmp, 'big.ics');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const { code, stderr, stdout } = await cli(['import', big]);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr.trim(), `civic-widgets import: ${big}: 50.0 MB is larger than the 20.0 MB an import accepts`);
  });

  it('gives one clear error for binary garbage, a truncated file, an HTML page, a missing file', async () => {
    const garbage = join(tmp, 'garbage.bin');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const truncated = join(tmp, 'cut.json');
    writeFileSync(truncated, readFileSync(fixture('schedule-v1.json'), 'utf8').slice(0, 700));
    const cases: [string, RegExp][] = [
      [garbage, /garbage\.bin: binary data, not a text file$/],
      [truncated, /cut\.json: not valid JSON \(/],
      [`${origin}/login`, /\/login: answered with an HTML page \(text\/html\), not a schedule, calendar or feed$/],
      [join(tmp, 'nope.ics'), /nope\.ics: cannot be read \(ENOENT\)$/],
      [`${origin}/missing`, /\/missing: the server answered HTTP 404 Not Found$/],
    ];
    for (const [input, message] of cases) {
      const { code, stderr } = await cli(['import', input]);
      assert.equal(code, 1, input);
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr.trim(), message);
      noStack(stderr);
    }
  });

  it('answers a mistake in the command line with its usage (exit 2)', async () => {
    const { code, stderr } = await cli(['import', fixture('calendar.ics'), '--time-zone', 'Mars/Olympus']);
    assert.equal(code, 2);
    assert.match(stderr, /--time-zone Mars\/Olympus: not an IANA time zone/);
    assert.match(stderr, /civic-widgets import <file-or-url>/);
    assert.equal((await cli(['import'])).code, 2);
  });
});

describe('reading sources', () => {
  it('gives up on a URL that does not answer in time', async () => {
    await assert.rejects(readSource(`${origin}/slow`, { timeoutMs: 200 }), /\/slow: no answer within 0\.2 s/);
  });

  it('stops reading an answer at the cap, whatever its length', async () => {
    const before = process.memoryUsage().arrayBuffers;
    await assert.rejects(readSource(`${origin}/endless`, { maxBytes: 1024 * 1024 }), /\/endless: more than the 1\.0 MB an import accepts/);
    assert.ok(process.memoryUsage().arrayBuffers - before < 8 * 1024 * 1024, 'the 12.5 MB answer was not buffered');
  });
});

describe('civic-widgets feeds status', () => {
  it('lists each feed and source, and exits 1 naming what failed', async () => {
    const dir = feedDir({
      good: pollFeed(),
      'net.recipe': { event: { id: 'net', title: 'Net', timeZone: 'UTC' }, sources: [{ type: 'schedule', url: `${origin}/schedule.json` }, { type: 'ics', url: `${origin}/login` }] },
    });
    const { code, stdout } = await cli(['feeds', 'status', '--feeds', dir]);
    assert.equal(code, 1);
    assert.match(stdout, /^\/feeds\/good\.json\tok\t1 sessions, 0 recordings, 5 polls\t\(good\.json\)$/m);
    assert.match(stdout, /^\/feeds\/net\.json\tok\t2 sessions/m);
    assert.match(stdout, /^ {2}ics\t.*\/login\tFAILED\tevery 600 s\n {4}error: .*answered with an HTML page/m);
    assert.match(stdout, /^ {4}warning: .*schedule\.events\[1\]: ends before it starts/m);
    const json = JSON.parse((await cli(['feeds', 'status', '--feeds', dir, '--json'])).stdout);
    assert.equal(json.length, 2);
    assert.deepEqual([json[1].name, json[1].kind, json[1].served, json[1].sessions], ['net', 'recipe', true, 2]);
    assert.equal(json[1].sources[0].refreshSeconds, 600);
    assert.ok(Date.parse(json[1].sources[0].lastSuccess) > 0);
    assert.equal(json[1].sources[1].type, 'ics');
    assert.match(json[1].sources[1].error, /HTML page/);
  });
});
