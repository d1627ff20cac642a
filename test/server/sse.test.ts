import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { loadFeeds } from '../../server/feed-catalog.js';
import { PollService } from '../../server/poll-service.js';
import { SseHub } from '../../server/sse.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { feedDir, pollFeed, SseReader, testDatabase, waitUntil, type TestDatabase } from './support.js';

// The hub on a bare HTTP server: its stream count is not visible through the app.
describe('SSE hub', () => {
  let db: TestDatabase;
  let store: Store;
  let service: PollService;

  before(async () => {
    db = testDatabase('sqlite');
    store = await openStore({ sqliteFile: db.sqliteFile });
    service = await PollService.create(await loadFeeds(feedDir({ demo: pollFeed() })), store);
  });
  after(async () => {
    await store.close();
    await db.drop();
  });

  async function serve(handler: (res: ServerResponse) => Promise<void> | void): Promise<{ server: Server; url: string }> {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      void handler(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
  }

  it('forgets streams whose clients went away', async () => {
    const hub = new SseHub(service);
    const { server, url } = await serve((res) => hub.open('timed', res, undefined));
    const readers = Array.from({ length: 20 }, () => new SseReader(url));
    await Promise.all(readers.map((reader) => reader.waitFor(1)));
    assert.equal(hub.streams, 20);
    readers.forEach((reader) => reader.close());
    await waitUntil(() => hub.streams === 0, 2000);
    assert.equal(hub.streams, 0);
    hub.close();
    server.close();
  });
});
