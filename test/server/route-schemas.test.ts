// The request types are derived from the route schemas (server/routes/from-schema.ts). `npm run
// typecheck` checks the type half below; the run-time half checks that Fastify enforces the same shape.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FeedRequest } from '../../server/routes/feeds.schemas.js';
import type { PollRequest, VoteRequest } from '../../server/routes/polls.schemas.js';
import { pollFeed, postVote, startServer, testDatabase, voterId, type TestDatabase, type TestServer } from './support.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(check: Equal<A, B>) => check;

same<VoteRequest['Body'], { voter: string; choices: string[] }>(true);
same<VoteRequest['Params'], { id: string }>(true);
same<PollRequest['Querystring'], { voter?: string }>(true);
same<FeedRequest['Params'], { file: string }>(true);
// @ts-expect-error a required field is not optional in the derived type
same<VoteRequest['Body'], { voter?: string; choices: string[] }>(true);

describe('route schemas', () => {
  let db: TestDatabase;
  let server: TestServer;
  before(async () => {
    db = testDatabase('sqlite');
    server = await startServer({ demo: pollFeed() }, db);
  });
  after(async () => {
    await server.close();
    await db.drop();
  });

  it('refuses what the derived type forbids', async () => {
    for (const body of [{ voter: voterId() }, { choices: ['a'] }, { voter: 42, choices: ['a'] }, { voter: voterId(), choices: 'a' }]) {
      const res = await postVote(server.origin, 'single', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid-request');
    }
    assert.equal((await postVote(server.origin, 'single', { voter: voterId(), choices: ['a'] })).status, 200);
  });
});
