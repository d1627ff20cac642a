// Feeds change while the server runs (an edited file, a file the import command writes): the polls
// and question boards they add stream at once, and edited dates reach streams that are already open.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../server/app.js';
import { loadFeeds, type FeedCatalog } from '../../server/feed-catalog.js';
import { openStore } from '../../server/storage/store.js';
import { questionFeed } from './questions-support.js';
import { feedDir, pollFeed, postVote, SseReader, testDatabase, voterId, waitUntil, type TestDatabase } from './support.js';

const NOW = Date.parse('2026-06-18T15:30:00+02:00');

describe('feeds that change while the server runs', () => {
  let db: TestDatabase;
  let dir: string;
  let catalog: FeedCatalog;
  let origin: string;
  let close: () => Promise<void>;

  before(async () => {
    db = testDatabase('sqlite');
    dir = feedDir({ first: { version: 1, event: { id: 'first', title: 'First', timeZone: 'UTC' }, sessions: [] } });
    catalog = await loadFeeds(dir, { watch: true, log: () => {} });
    const store = await openStore({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
    const app = await buildApp({ catalog, store, now: () => NOW, sseHeartbeatMs: 60_000 });
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
    close = async () => {
      await app.close();
      catalog.close();
    };
  });
  after(async () => {
    await close();
    await db.drop();
  });

  it('streams the polls and boards of a feed file added after the start', async () => {
    writeFileSync(join(dir, 'added.json'), JSON.stringify({ ...pollFeed({}, 'added-'), questions: (questionFeed() as { questions: unknown[] }).questions }));
    await waitUntil(() => catalog.polls.has('added-single') && catalog.questions.has('open'), 5000);
    const poll = new SseReader(`${origin}/api/polls/added-single/stream`);
    const board = new SseReader(`${origin}/api/questions/open/stream`);
    try {
      await poll.until((data) => data.id === 'added-single');
      await board.until((data) => data.id === 'open');
      assert.equal((await postVote(origin, 'added-single', { voter: voterId(), choices: ['a'] })).status, 200);
      await poll.until((data) => (data.totals as Record<string, number> | undefined)?.a === 1);
    } finally {
      poll.close();
      board.close();
    }
  });

  it('tells open streams of dates edited in the feed, and streams a poll added to a served feed', async () => {
    const poll = new SseReader(`${origin}/api/polls/added-timed/stream`);
    const board = new SseReader(`${origin}/api/questions/timed/stream`);
    try {
      await poll.until((data) => data.status === 'open');
      await board.until((data) => data.status === 'open');
      const closed = new Date(NOW - 60_000).toISOString();
      const feed = pollFeed({ closesAt: closed }, 'added-') as { polls: object[] };
      const extra = { id: 'added-later', title: 'Added later', mode: 'single', groups: [{ id: 'g', title: 'G', options: [{ id: 'x', text: 'X' }] }] };
      const questions = (questionFeed({ closesAt: closed }) as { questions: unknown[] }).questions;
      writeFileSync(join(dir, 'added.json'), JSON.stringify({ ...feed, polls: [...feed.polls, extra], questions }));
      await poll.until((data) => data.status === 'closed');
      await board.until((data) => data.status === 'closed');
      assert.equal(((await (await fetch(`${origin}/api/polls/added-timed`)).json()) as { status: string }).status, 'closed');
      const later = new SseReader(`${origin}/api/polls/added-later/stream`);
      try {
        await later.until((data) => data.id === 'added-later');
      } finally {
        later.close();
      }
    } finally {
      poll.close();
      board.close();
    }
  });
});
