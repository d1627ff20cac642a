import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { loadFeeds } from '../../server/feed-catalog.js';
import { feedDir, pollFeed, postVote, ROOT, spawnServer, SseReader, testDatabase, voterId, waitUntil } from './support.js';

const run = promisify(execFile);
const cli = (args: string[], env: Record<string, string | undefined> = {}) =>
  run(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli.ts'), ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });

describe('feeds at start', () => {
  it('refuses a bad feed, naming the file and the path', async () => {
    const feed = pollFeed() as { sessions: { start: string }[] };
    feed.sessions[0]!.start = '2026-06-18 15:00';
    const dir = feedDir({ good: pollFeed({}, 'x-'), broken: feed });
    await assert.rejects(loadFeeds(dir), (error: Error) => {
      assert.match(error.message, /broken\.json: sessions\[0\]\.start: /);
      return true;
    });
    await assert.rejects(loadFeeds(feedDir({ bad: '{ not json' })), /bad\.json:1:3: not valid JSON/);
    rmSync(dir, { recursive: true });
  });

  it('refuses the same poll id in two feeds', async () => {
    const dir = feedDir({ one: pollFeed(), two: pollFeed() });
    await assert.rejects(loadFeeds(dir), /two\.json: poll id "single" is already used by .*one\.json/);
    rmSync(dir, { recursive: true });
  });

  it('moves a demo feed’s dates so that its anchor session is live', async () => {
    const feed = { ...pollFeed({ opensAt: '2026-06-18T14:00:00+02:00' }), demoAnchor: { session: 's1', startsInMinutes: -30 } };
    const now = Date.parse('2030-01-01T12:00:00Z');
    const catalog = await loadFeeds(feedDir({ demo: feed }), { anchorDates: now });
    const served = JSON.parse(catalog.feeds.get('demo')!.body) as { sessions: { start: string }[] };
    assert.equal(Date.parse(served.sessions[0]!.start), now - 30 * 60_000);
    assert.equal(Date.parse(catalog.polls.get('timed')!.poll.opensAt!), now - 90 * 60_000);
  });

  it('refuses a --site folder that does not exist', async () => {
    const dir = feedDir({ demo: pollFeed() });
    const args = [join(ROOT, 'server/cli.ts'), 'serve', '--feeds', dir, '--port', '0', '--db', join(dir, 'civic.db'), '--site', join(dir, 'pubilc')];
    // A server that starts anyway never exits by itself: the timeout turns that into a failure.
    const started = run(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, DATABASE_URL: '' }, timeout: 10_000 });
    await assert.rejects(started, (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /--site .*pubilc: not a folder/);
      return true;
    });
  });

  it('stops the CLI with exit code 2 and the file name', async () => {
    const dir = feedDir({ broken: { version: 2 } });
    await assert.rejects(cli(['serve', '--feeds', dir, '--port', '0']), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 2);
      assert.match(error.stderr, /broken\.json: version: expected 1/);
      return true;
    });
  });
});

describe('store at start', () => {
  const feeds = () => feedDir({ demo: pollFeed() });
  const refused = (args: string[], env: Record<string, string>) =>
    cli(args, env).then(
      () => assert.fail('the server started'),
      (error: { code: number; stderr: string }) => error,
    );

  it('names the SQLite file it cannot open, without a stack trace', async () => {
    const { code, stderr } = await refused(['serve', '--feeds', feeds(), '--port', '0', '--db', '/nonexistent-dir/civic.db'], {});
    assert.equal(code, 1);
    assert.match(stderr, /^civic-widgets: cannot open the SQLite database \/nonexistent-dir\/civic\.db \(--db\): /);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  });

  it('says that PostgreSQL refused, where, and never shows the password', async () => {
    // Port 1: nothing listens there, so the connection is refused at once.
    const env = { DATABASE_URL: 'postgres://civic:s3cret-pw@127.0.0.1:1/civic' };
    for (const args of [['serve', '--feeds', feeds(), '--port', '0'], ['polls', 'list', '--feeds', feeds()]]) {
      const { code, stderr } = await refused(args, env);
      assert.equal(code, 1);
      assert.match(stderr, /cannot use PostgreSQL at postgres:\/\/civic:\*\*\*@127\.0\.0\.1:1\/civic \(DATABASE_URL\): .*ECONNREFUSED/);
      assert.doesNotMatch(stderr, /s3cret-pw/);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    }
    for (const databaseUrl of ['civic:s3cret-pw@db', 'postgres://civic:s3cret-pw@[db/civic']) {
      const invalid = await refused(['serve', '--feeds', feeds(), '--port', '0'], { DATABASE_URL: databaseUrl });
      assert.match(invalid.stderr, /DATABASE_URL is not a PostgreSQL URL/);
      assert.doesNotMatch(invalid.stderr, /s3cret-pw/);
    }
  });
});

describe('server errors', () => {
  it('logs the cause of a 500, and answers it without the cause', async () => {
    const db = testDatabase('sqlite');
    const { origin, child } = await spawnServer(['serve', '--feeds', feedDir({ demo: pollFeed() }), '--db', db.sqliteFile, '--port', '0'], {
      DATABASE_URL: '',
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    try {
      // A real store failure: the table the vote needs is gone from under the server.
      const other = new Database(db.sqliteFile);
      other.exec('DROP TABLE votes');
      other.close();
      const res = await postVote(origin, 'single', { voter: voterId(), choices: ['a'] });
      assert.equal(res.status, 500);
      const text = await res.text();
      assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, 'internal-error');
      assert.doesNotMatch(text, /votes|sqlite/i, 'the visitor is not told about the database');
      await waitUntil(() => output.includes('no such table: votes'), 3000);
      assert.match(output, /no such table: votes/, 'the operator can find out why');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await db.drop();
    }
  });
});

describe('polls CLI on SQLite', () => {
  it('lists, closes, opens, exports and resets; a running server follows within a second', async () => {
    const db = testDatabase('sqlite');
    const feeds = feedDir({ demo: pollFeed() });
    const common = ['--feeds', feeds, '--db', db.sqliteFile];
    const { origin, child } = await spawnServer(['serve', ...common, '--port', '0'], { DATABASE_URL: '' });
    try {
      const voter = voterId();
      assert.equal((await postVote(origin, 'single', { voter, choices: ['b'] })).status, 200);
      const stream = new SseReader(`${origin}/api/polls/single/stream`);
      await stream.waitFor(1);

      const listed = (await cli(['polls', 'list', ...common])).stdout;
      assert.match(listed, /^single\topen\t1 voters\tdemo\tSingle$/m);

      assert.match((await cli(['polls', 'close', 'single', ...common])).stdout, /single: closed/);
      await stream.until((data) => data.status === 'closed');
      assert.equal((await postVote(origin, 'single', { voter, choices: ['a'] })).status, 409);
      assert.match((await cli(['polls', 'open', 'single', ...common])).stdout, /single: open/);
      await stream.until((data) => data.status === 'open');

      const csv = (await cli(['polls', 'export', 'single', '--csv', ...common])).stdout;
      assert.match(csv, new RegExp(`^${voter},[^,]+,Group,b,Option b\\r$`, 'm'));
      const json = JSON.parse((await cli(['polls', 'export', 'single', ...common])).stdout) as { votes: { voter: string }[] };
      assert.deepEqual(json.votes.map((v) => v.voter), [voter]);

      await cli(['polls', 'reset', 'single', ...common]);
      await stream.until((data) => data.voters === 0);
      const after = (await (await fetch(`${origin}/api/polls/single?voter=${voter}`)).json()) as object;
      assert.equal('myChoices' in after, false);
      stream.close();

      await assert.rejects(cli(['polls', 'close', 'nope', ...common]), /no poll "nope"/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await db.drop();
      rmSync(feeds, { recursive: true });
    }
    assert.equal(child.exitCode, 0, 'SIGTERM is a clean shutdown');
    assert.ok(readFileSync(join(ROOT, 'bin/civic-widgets.js'), 'utf8').startsWith('#!/usr/bin/env node'));
  });
});
