// Release check: 10,000 seeded hostile requests against a real server (in-process, short timeouts),
// then the table of issue 18. `node --import tsx bench/fuzz-requests.ts [count] [seed]`; exit code 1
// on any 5xx, non-JSON error, leak, hang or unanswered request. CI runs 2,000 in test/server/fuzz-requests.test.ts.
import { fileURLToPath } from 'node:url';
import { formatReport, fuzzRequests } from '../test/server/fuzz/hostile-requests.js';
import { hostileSite } from '../test/server/fuzz/hostile-site.js';
import { pollFeed, startServer, testDatabase } from '../test/server/support.js';

const TIMEOUTS = { requestMs: 1200, headersMs: 800, keepAliveMs: 800, idleMs: 2000 };

export async function run(count = 10_000, seed = 18): Promise<Record<string, number | string>> {
  const db = testDatabase('sqlite');
  const site = hostileSite();
  const server = await startServer({ demo: pollFeed() }, db, {
    siteDir: site.site,
    adminToken: 'fuzz-admin-token-0123456789',
    voteRatePerMinute: 1_000_000,
    timeouts: TIMEOUTS,
  });
  try {
    const report = await fuzzRequests(server.origin, { count, seed, deadlineMs: TIMEOUTS.requestMs + 4000 });
    console.log(formatReport(report, seed));
    const count5xx = report.problems.filter((problem) => problem.what === '5xx').length;
    if (report.problems.length) process.exitCode = 1;
    return { requests: report.requests, problems: report.problems.length, '5xx': count5xx, seconds: Math.round(report.ms / 100) / 10 };
  } finally {
    await server.close();
    await db.drop();
    site.remove();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 18));
