import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { anchorFeedDates } from '../../server/shift-dates.js';
import { sessionPhase } from '../../src/feed/select.js';
import type { Feed } from '../../src/contract/types.js';
import { feedWarnings } from '../../src/contract/feed-warnings.js';
import { formatIssue, validateFeed } from '../../src/contract/validate.js';

const root = new URL('../../', import.meta.url);
const feedsDir = new URL('demo/feeds/', root);
const schema = JSON.parse(readFileSync(new URL('schema/feed.schema.json', root), 'utf8'));
const validateWithSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);
// As the reference server serves them, so that relative URLs resolve like on the demo site.
const FEED_ORIGIN = 'http://demo.invalid';

const files = readdirSync(feedsDir).filter((f) => f.endsWith('.json'));
const raw = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(name, feedsDir), 'utf8'));

function anchored(name: string, now: number): Feed {
  const result = validateFeed(anchorFeedDates(raw(name), now), `${FEED_ORIGIN}/feeds/${name}`);
  assert.ok(result.ok, `${name} is invalid after anchoring`);
  return result.feed;
}

const DAY = 24 * 3600_000;
// Today, a Sunday-night DST change in Europe, and one in the southern summer.
const NOWS = [Date.now(), Date.parse('2027-03-28T01:30:00Z'), Date.parse('2026-12-31T23:50:00Z')];

describe('demo feeds', () => {
  it('holds the three sample feeds', () => {
    assert.deepEqual(files.sort(), ['learning-forum.json', 'local-democracy.json', 'stocktaking.json']);
  });

  for (const name of files) {
    it(`${name} passes validateFeed and the JSON Schema`, () => {
      const result = validateFeed(raw(name), `${FEED_ORIGIN}/feeds/${name}`);
      assert.deepEqual(result.ok ? [] : result.issues.map(formatIssue), []);
      assert.ok(validateWithSchema(raw(name)), JSON.stringify(validateWithSchema.errors));
    });

    it(`${name}: every reference points at something in the feed, every local file exists`, () => {
      const feed = anchored(name, Date.now());
      const sessions = new Set(feed.sessions.map((s) => s.id));
      const speakers = new Set((feed.speakers ?? []).map((s) => s.id));
      const tracks = new Set((feed.tracks ?? []).map((t) => t.id));
      const polls = new Set((feed.polls ?? []).map((p) => p.id));
      for (const s of feed.sessions) {
        for (const id of [...(s.speakers ?? []), ...(s.items ?? []).flatMap((i) => i.speakers ?? [])]) assert.ok(speakers.has(id), `${s.id}: speaker ${id}`);
        if (s.track) assert.ok(tracks.has(s.track), `${s.id}: track ${s.track}`);
        if (s.poll) assert.ok(polls.has(s.poll), `${s.id}: poll ${s.poll}`);
      }
      for (const r of feed.recordings ?? []) if (r.session) assert.ok(sessions.has(r.session), `${r.id}: session ${r.session}`);
      const local = (feed.recordings ?? []).flatMap((r) => [r.url, r.thumbnail, ...(r.captions ?? []).map((c) => c.url)]);
      for (const url of local) {
        if (!url?.startsWith(FEED_ORIGIN)) continue;
        const file = fileURLToPath(new URL(`demo${new URL(url).pathname}`, root));
        assert.ok(existsSync(file), `${url} is not in demo/`);
      }
    });

    it(`${name}: titles are in en, fr, es and ar`, () => {
      const feed = anchored(name, Date.now());
      for (const item of [feed.event, ...feed.sessions, ...(feed.recordings ?? [])]) {
        assert.equal(typeof item.title, 'object', `${JSON.stringify(item.title)} is a plain string`);
        assert.deepEqual(Object.keys(item.title).sort(), ['ar', 'en', 'es', 'fr']);
      }
    });
  }

  for (const now of NOWS) {
    describe(`anchored at ${new Date(now).toISOString()}`, () => {
      it('local-democracy is live, with its poll open', () => {
        const feed = anchored('local-democracy.json', now);
        assert.deepEqual(feed.sessions.map((s) => sessionPhase(s, now)), ['live']);
        const poll = feed.polls![0]!;
        assert.ok(Date.parse(poll.opensAt!) <= now && now < Date.parse(poll.closesAt!), 'poll closed');
      });

      it('stocktaking is past: its last session ended days ago, every session has a recording', () => {
        const feed = anchored('stocktaking.json', now);
        assert.deepEqual(feed.sessions.map((s) => sessionPhase(s, now)), ['ended', 'ended', 'ended']);
        const lastEnd = Math.max(...feed.sessions.map((s) => Date.parse(s.end)));
        assert.ok(now - lastEnd > DAY, `last session ended ${(now - lastEnd) / 3600_000} h ago`);
        for (const s of feed.sessions) assert.ok(feed.recordings!.some((r) => r.session === s.id), `${s.id} has no recording`);
        for (const r of feed.recordings!) assert.ok(Date.parse(r.recordedAt!) < now);
      });

      it('learning-forum is upcoming, days ahead, over five days in Seoul', () => {
        const feed = anchored('learning-forum.json', now);
        assert.ok(feed.sessions.every((s) => sessionPhase(s, now) === 'upcoming'));
        const firstStart = Math.min(...feed.sessions.map((s) => Date.parse(s.start)));
        assert.ok(firstStart - now > DAY, `first session in ${(firstStart - now) / 3600_000} h`);
        const days = new Set(feed.sessions.map((s) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(Date.parse(s.start))));
        assert.equal(days.size, 5);
        // keepTimeOfDay: the opening keeps its written 09:30 in Seoul.
        const opening = feed.sessions.find((s) => s.id === 'forum-opening')!;
        const hm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit' }).format(Date.parse(opening.start));
        assert.equal(hm, '09:30');
        // Rounding to a quarter hour keeps the programme's times looking like a programme's.
        for (const s of feed.sessions) assert.equal(new Date(s.start).getUTCMinutes() % 15, 0);
      });
    });
  }

  it('local-democracy carries the eight guiding questions in four groups', () => {
    const poll = anchored('local-democracy.json', Date.now()).polls![0]!;
    assert.deepEqual(poll.groups.map((g) => g.options.length), [2, 2, 2, 2]);
    assert.deepEqual(poll.groups.map((g) => g.id), ['challenges', 'roles', 'action', 'recommendation']);
  });

  it('gives no warning (every reference resolves, no id twice, nothing ends before it starts)', () => {
    for (const name of files) {
      for (const now of NOWS) assert.deepEqual(feedWarnings(anchored(name, now)).map(formatIssue), [], name);
    }
  });
});
