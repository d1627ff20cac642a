// Seeded hostile requests against the real server (issue 18). 2,000 by default; FUZZ_REQUESTS=10000
// (or `node --import tsx bench/fuzz-requests.ts`) for a release check; FUZZ_SEED=n for another run.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatReport, fuzzRequests } from './fuzz/hostile-requests.js';
import { hostileSite } from './fuzz/hostile-site.js';
import { pollFeed, startServer, testDatabase, voterId, type TestDatabase, type TestServer } from './support.js';

export const FUZZ_TIMEOUTS = { requestMs: 1200, headersMs: 800, keepAliveMs: 800, idleMs: 2000 };
const COUNT = Number(process.env.FUZZ_REQUESTS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 18);

describe('hostile requests (fuzz)', () => {
  let db: TestDatabase;
  let server: TestServer;
  let site: ReturnType<typeof hostileSite>;

  before(async () => {
    db = testDatabase('sqlite');
    site = hostileSite();
    server = await startServer({ demo: pollFeed() }, db, {
      siteDir: site.site,
      adminToken: 'fuzz-admin-token-0123456789',
      voteRatePerMinute: 1_000_000,
      timeouts: FUZZ_TIMEOUTS,
    });
  });
  after(async () => {
    await server.close();
    await db.drop();
    site.remove();
  });

  it(`answers ${COUNT} hostile requests without a 5xx, a non-JSON error, a leak or a hang`, { timeout: 30 * 60_000 }, async () => {
    // A hang: no answer well after the request timeout (a stalled request must be answered 408 by then).
    const report = await fuzzRequests(server.origin, { count: COUNT, seed: SEED, deadlineMs: FUZZ_TIMEOUTS.requestMs + 4000 });
    console.log(formatReport(report, SEED));
    assert.deepEqual(report.problems, []);
    assert.equal(Object.values(report.byKind).reduce((a, b) => a + b, 0), COUNT);

    // Still healthy, and still counting.
    const voter = voterId();
    const vote = await fetch(`${server.origin}/api/polls/single/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ voter, choices: ['c'] }),
    });
    assert.equal(vote.status, 200);
    assert.equal(Object.prototype.hasOwnProperty.call({}, 'polluted'), false, 'no prototype pollution');
  });
});
