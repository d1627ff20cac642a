// The command line as an organizer meets it: the real CLI in a child process, in a folder of its own.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { feedDir, pollFeed, ROOT, spawnServer } from './support.js';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `civic-widgets …` in `cwd` (a fresh folder by default) and resolves with its exit code and output. */
function cli(args: string[], cwd = mkdtempSync(join(tmpdir(), 'civic-cwd-'))): Promise<Outcome & { cwd: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), join(ROOT, 'server/cli.ts'), ...args],
      { cwd, env: { ...process.env, DATABASE_URL: '', NODE_OPTIONS: '' }, timeout: 20_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr, cwd }),
    );
  });
}

const noStackTrace = (text: string) => assert.doesNotMatch(text, /\n\s+at /, 'no stack trace');
const packageVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('command line: mistakes', () => {
  it('--version prints the package version', async () => {
    const { code, stdout, stderr } = await cli(['--version']);
    assert.equal(code, 0);
    assert.equal(stdout.trim(), packageVersion);
    assert.equal(stderr, '');
  });

  it('no arguments: the usage, exit code 2', async () => {
    const { code, stderr } = await cli([]);
    assert.equal(code, 2);
    assert.match(stderr, /^civic-widgets: which command\?\n/);
    assert.match(stderr, /civic-widgets serve --feeds <dir>/);
    assert.match(stderr, /civic-widgets validate </);
  });

  it('an unknown command or action: one line, the usage, exit 2, and no civic.db created', async () => {
    const feeds = feedDir({ demo: pollFeed() });
    for (const args of [['polls', 'lst', '--feeds', feeds], ['frob'], ['polls', 'list', '--feed', feeds], ['polls', 'close', '--feeds', feeds]]) {
      const { code, stderr, cwd } = await cli(args);
      assert.equal(code, 2, args.join(' '));
      const [first, ...others] = stderr.split('\n');
      assert.match(first!, /^civic-widgets: /, args.join(' '));
      assert.match(others.join('\n'), /civic-widgets polls |civic-widgets serve /, `${args.join(' ')}: the usage follows`);
      noStackTrace(stderr);
      assert.deepEqual(readdirSync(cwd), [], `${args.join(' ')}: nothing written in the current folder`);
    }
    assert.match((await cli(['polls', 'lst', '--feeds', feeds])).stderr, /unknown action "lst" \(expected list, open, close, reset, export\)/);
    assert.match((await cli(['frob'])).stderr, /unknown command "frob"/);
    assert.match((await cli(['polls', 'list', '--feed', feeds])).stderr, /unknown option --feed/);
    // An unknown poll is found before the store is opened too.
    const unknownPoll = await cli(['polls', 'reset', 'nope', '--feeds', feeds]);
    assert.equal(unknownPoll.code, 2);
    assert.match(unknownPoll.stderr, /no poll "nope"/);
    assert.deepEqual(readdirSync(unknownPoll.cwd), []);
  });
});

describe('command line: validate', () => {
  it('names the file, line and column of a JSON syntax error (exit 1)', async () => {
    const dir = feedDir({ broken: '{\n  "version": 1,\n  "event": { "id": "x" }\n  "sessions": []\n}' });
    const { code, stdout } = await cli(['validate', join(dir, 'broken.json')]);
    assert.equal(code, 1);
    assert.match(stdout, /^error {3}.*broken\.json:4:3: not valid JSON \(Expected ',' or '}' after property value\)$/m);
  });

  it('lists errors and warnings by path; warnings alone exit 0', async () => {
    const warned = pollFeed() as { sessions: Record<string, unknown>[]; polls: Record<string, unknown>[] };
    warned.sessions[0]!.speakers = ['nobody'];
    warned.sessions[0]!.end = '2026-06-18T14:00:00+02:00';
    warned.polls[1]!.session = 'gone';
    const broken = pollFeed({}, 'x-') as { sessions: { start: string }[] };
    broken.sessions[0]!.start = '2026-06-18 15:00';
    const dir = feedDir({ warned, broken });

    const both = await cli(['validate', dir]);
    assert.equal(both.code, 1);
    assert.match(both.stdout, /^error {3}.*broken\.json: sessions\[0\]\.start: expected an RFC 3339 date-time/m);
    assert.match(both.stdout, /^warning .*warned\.json: sessions\[0\]\.speakers\[0\]: no speaker "nobody" in speakers$/m);
    assert.match(both.stdout, /^warning .*warned\.json: sessions\[0\]\.end: ends before it starts/m);
    assert.match(both.stdout, /^warning .*warned\.json: polls\[1\]\.session: no session "gone" in sessions$/m);
    assert.match(both.stdout, /^2 feeds: 1 error, 3 warnings$/m);

    const warningsOnly = await cli(['validate', join(dir, 'warned.json')]);
    assert.equal(warningsOnly.code, 0);
    assert.match(warningsOnly.stdout, /^1 feed: 0 errors, 3 warnings$/m);
  });

  it('refuses the same poll id in two feeds of a folder, as serve does', async () => {
    const { code, stdout } = await cli(['validate', feedDir({ one: pollFeed(), two: pollFeed() })]);
    assert.equal(code, 1);
    assert.match(stdout, /two\.json: polls\[0\]\.id: poll id "single" is already used by .*one\.json/);
  });

  it('a path that does not exist is a usage error', async () => {
    const { code, stderr } = await cli(['validate', '/nonexistent/feeds']);
    assert.equal(code, 2);
    assert.match(stderr, /^civic-widgets: validate: \/nonexistent\/feeds: no such file or folder$/m);
  });
});

describe('command line: init', () => {
  it('writes a starter feed folder that passes validate, and never overwrites one', async () => {
    const made = await cli(['init', 'my-feeds']);
    assert.equal(made.code, 0, made.stderr);
    const dir = join(made.cwd, 'my-feeds');
    assert.deepEqual(readdirSync(dir).sort(), ['README.md', 'event.json']);
    const feed = JSON.parse(readFileSync(join(dir, 'event.json'), 'utf8')) as Record<string, unknown[]>;
    for (const part of ['sessions', 'speakers', 'tracks', 'polls', 'recordings']) assert.ok(feed[part]!.length > 0, `an example of ${part}`);
    assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /## The parts/);

    const checked = await cli(['validate', 'my-feeds'], made.cwd);
    assert.equal(checked.code, 0, checked.stdout);
    assert.match(checked.stdout, /^1 feed: 0 errors, 0 warnings$/m);

    writeFileSync(join(dir, 'event.json'), '{"mine": true}');
    const again = await cli(['init', 'my-feeds'], made.cwd);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /my-feeds is not empty/);
    assert.equal(readFileSync(join(dir, 'event.json'), 'utf8'), '{"mine": true}', 'left alone');
  });

  it('the starter feed serves', async () => {
    const made = await cli(['init']);
    const { origin, child } = await spawnServer(['serve', '--feeds', join(made.cwd, 'feeds'), '--port', '0', '--db', join(made.cwd, 'civic.db')], {
      DATABASE_URL: '',
    });
    try {
      assert.equal((await fetch(`${origin}/api/polls/priorities`)).status, 200);
      assert.equal((await fetch(`${origin}/feeds/event.json`)).status, 200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });
});

describe('command line: serve', () => {
  it('warns at start about dangling references, naming the file and the path', async () => {
    const feed = pollFeed() as { sessions: Record<string, unknown>[] };
    feed.sessions[0]!.speakers = ['ghost'];
    feed.sessions[0]!.track = 'nowhere';
    const dir = feedDir({ demo: feed });
    const { origin, child, output } = await spawnServer(['serve', '--feeds', dir, '--port', '0', '--db', join(dir, 'civic.db')], { DATABASE_URL: '' });
    try {
      assert.equal((await fetch(`${origin}/feeds/demo.json`)).status, 200, 'served anyway');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    assert.ok(existsSync(join(dir, 'civic.db')));
    assert.match(output(), /warning: .*demo\.json: sessions\[0\]\.speakers\[0\]: no speaker "ghost" in speakers/);
    assert.match(output(), /warning: .*demo\.json: sessions\[0\]\.track: no track "nowhere" in tracks/);
  });
});
