// Issue 18's server findings, one regression test each: every error answer in the API's shape,
// timeouts for slow clients that leave live streams alone, and a ballot with a byte-order mark.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../server/app.js';
import { loadFeeds } from '../../server/feed-catalog.js';
import { openStore } from '../../server/storage/store.js';
import { ask, questionFeed } from './questions-support.js';
import { feedDir, pollFeed, rawRequest, SseReader, startServer, testDatabase, voterId, type TestDatabase, type TestServer } from './support.js';

const TIMEOUTS = { requestMs: 600, headersMs: 400, keepAliveMs: 400, idleMs: 500 };

function assertErrorShape(answer: { body: string; text: string }, status: number, code: string): void {
  assert.match(answer.text, new RegExp(`^HTTP/1\\.1 ${status} `), answer.text);
  assert.match(answer.text, /content-type: application\/json/i, answer.text);
  const body = JSON.parse(answer.body) as { error: { code: string; message: string } };
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 0);
}

describe('hostile requests', () => {
  let db: TestDatabase;
  let server: TestServer;

  before(async () => {
    db = testDatabase('sqlite');
    // The default heartbeat (15 s): nothing but the server's own settings keeps the stream alive.
    server = await startServer({ demo: pollFeed(), qa: questionFeed() }, db, { timeouts: TIMEOUTS });
  });
  after(async () => {
    await server.close();
    await db.drop();
  });

  it('answers a preflight without Origin or Access-Control-Request-Method in the error shape', async () => {
    for (const headers of ['Origin: https://city.example\r\n', 'Access-Control-Request-Method: POST\r\n', '']) {
      const answer = await rawRequest(server.origin, `OPTIONS /api/polls/single/votes HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`);
      assertErrorShape(answer, 400, 'invalid-request');
    }
    // A real preflight still works.
    const preflight = await rawRequest(
      server.origin,
      'OPTIONS /api/polls/single/votes HTTP/1.1\r\nHost: x\r\nOrigin: https://city.example\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n',
    );
    assert.equal(preflight.status, 204);
  });

  it('answers HTTP/1.1 without Host, and an unknown Expect, in the error shape', async () => {
    assertErrorShape(await rawRequest(server.origin, 'GET /api/polls/single HTTP/1.1\r\nConnection: close\r\n\r\n'), 400, 'invalid-request');
    assertErrorShape(
      await rawRequest(server.origin, 'GET /api/polls/single HTTP/1.1\r\nHost: x\r\nExpect: x\r\nConnection: close\r\n\r\n'),
      417,
      'invalid-request',
    );
    // HTTP/1.0 has no Host header and is still answered.
    assert.equal((await rawRequest(server.origin, 'GET /api/polls/single HTTP/1.0\r\n\r\n')).status, 200);
  });

  it('answers CONNECT with 405 and a chunk size of 2^64 with 400, and closes both', async () => {
    const connectAnswer = await rawRequest(server.origin, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    assertErrorShape(connectAnswer, 405, 'method-not-allowed');
    assert.ok(connectAnswer.closed, 'CONNECT: connection closed');
    const chunked = await rawRequest(
      server.origin,
      'POST /api/polls/single/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n{}\r\n0\r\n\r\n',
    );
    assertErrorShape(chunked, 400, 'invalid-request');
    assert.ok(chunked.closed, 'chunk size: connection closed');
  });

  it('answers a stalled body with 408 and closes it within the request timeout', async () => {
    const answer = await rawRequest(
      server.origin,
      'POST /api/polls/single/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"voter":"',
      { waitMs: 5000 },
    );
    assertErrorShape(answer, 408, 'invalid-request');
    assert.ok(answer.closed, 'closed');
    // The request timeout, plus Node's check period (a quarter of the headers timeout) and slack for a busy machine.
    assert.ok(answer.ms < TIMEOUTS.requestMs + 2000, `closed after ${answer.ms} ms`);
  });

  it('answers stalled headers with 408 within the headers timeout', async () => {
    const answer = await rawRequest(server.origin, 'GET /api/polls/single HTTP/1.1\r\nHost: x\r\nX-Slow: ', { waitMs: 5000 });
    assertErrorShape(answer, 408, 'invalid-request');
    assert.ok(answer.ms < TIMEOUTS.headersMs + 2000, `closed after ${answer.ms} ms`);
  });

  it('keeps an SSE stream open past every timeout', async () => {
    const stream = new SseReader(`${server.origin}/api/polls/single/stream`);
    try {
      await stream.waitFor(1);
      // Longer than every timeout, including the idle timeout (at least the request timeout + 1 s).
      await new Promise((resolve) => setTimeout(resolve, TIMEOUTS.requestMs + 2000));
      const res = await fetch(`${server.origin}/api/polls/single/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ voter: voterId(), choices: ['c'] }),
      });
      assert.equal(res.status, 200);
      const data = await stream.until((snapshot) => (snapshot.totals as Record<string, number>).c === 1);
      assert.equal((data.totals as Record<string, number>).c, 1, 'the stream still delivers after every timeout has passed');
    } finally {
      stream.close();
    }
  });

  it('keeps a question stream open past every timeout, as the poll stream', async () => {
    const stream = new SseReader(`${server.origin}/api/questions/open/stream`);
    try {
      await stream.waitFor(1);
      await new Promise((resolve) => setTimeout(resolve, TIMEOUTS.requestMs + 2000));
      const res = await ask(server.origin, 'open', { voter: voterId(), text: 'Still listening after the timeouts?' });
      assert.equal(res.status, 201);
      const data = await stream.until((board) => (board.questions as { text: string }[]).some((q) => q.text === 'Still listening after the timeouts?'));
      assert.equal((data.questions as unknown[]).length, 1, 'the stream still delivers after every timeout has passed');
    } finally {
      stream.close();
    }
  });

  it('accepts a ballot that starts with a byte-order mark (JSON and text/plain), deliberately', async () => {
    for (const type of ['application/json', 'text/plain;charset=UTF-8']) {
      const voter = voterId();
      const res = await fetch(`${server.origin}/api/polls/single/votes`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ voter, choices: ['a'] }))]),
      });
      assert.equal(res.status, 200, type);
      assert.deepEqual(((await res.json()) as { myChoices: string[] }).myChoices, ['a'], type);
    }
  });
});

describe('default timeouts', () => {
  it('are those of a public server (docs/server.md)', async () => {
    const db = testDatabase('sqlite');
    const app = await buildApp({ catalog: await loadFeeds(feedDir({ demo: pollFeed() })), store: await openStore({ sqliteFile: db.sqliteFile }) });
    try {
      assert.equal(app.server.requestTimeout, 30_000);
      assert.equal(app.server.headersTimeout, 10_000);
      assert.equal(app.server.keepAliveTimeout, 65_000);
      assert.equal(app.server.timeout, 120_000);
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
