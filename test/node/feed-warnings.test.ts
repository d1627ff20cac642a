import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedWarnings } from '../../src/contract/feed-warnings.js';
import type { Feed } from '../../src/contract/types.js';
import { validateFeed } from '../../src/contract/validate.js';

const valid = (json: unknown): Feed => {
  const result = validateFeed(json, 'https://example.org/feed.json');
  assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
  return result.feed;
};

const base = () => ({
  version: 1,
  event: { id: 'e', title: 'E', timeZone: 'Europe/Madrid' },
  sessions: [
    {
      id: 's1',
      title: 'One',
      start: '2026-06-18T15:00:00+02:00',
      end: '2026-06-18T17:00:00+02:00',
      speakers: ['ana'],
      track: 't',
      poll: 'p',
      items: [{ start: '2026-06-18T15:00:00+02:00', end: '2026-06-18T15:30:00+02:00', title: 'Item', speakers: ['ana'] }],
    },
  ],
  speakers: [{ id: 'ana', name: 'Ana' }],
  tracks: [{ id: 't', title: 'Track' }],
  polls: [{ id: 'p', title: 'P', session: 's1', mode: 'single', groups: [{ id: 'g', title: 'G', options: [{ id: 'a', text: 'A' }] }] }],
  recordings: [{ id: 'r', title: 'R', session: 's1', provider: 'file', url: 'https://example.org/r.mp4' }],
});

describe('feedWarnings', () => {
  it('has nothing to say about a consistent feed', () => {
    assert.deepEqual(feedWarnings(valid(base())), []);
  });

  it('names every dangling reference by its path', () => {
    const feed = base();
    feed.sessions[0]!.speakers = ['ana', 'bob'];
    feed.sessions[0]!.track = 'nope';
    feed.sessions[0]!.poll = 'q';
    feed.sessions[0]!.items[0]!.speakers = ['carla'];
    feed.polls[0]!.session = 's9';
    feed.recordings[0]!.session = 's8';
    assert.deepEqual(feedWarnings(valid(feed)), [
      { path: 'sessions[0].speakers[1]', message: 'no speaker "bob" in speakers' },
      { path: 'sessions[0].track', message: 'no track "nope" in tracks' },
      { path: 'sessions[0].poll', message: 'no poll "q" in polls' },
      { path: 'sessions[0].items[0].speakers[0]', message: 'no speaker "carla" in speakers' },
      { path: 'polls[0].session', message: 'no session "s9" in sessions' },
      { path: 'recordings[0].session', message: 'no session "s8" in sessions' },
    ]);
  });

  it('warns about a session, an item or a poll that ends before it starts', () => {
    const feed = base();
    feed.sessions[0]!.end = '2026-06-18T14:59:00+02:00';
    feed.sessions[0]!.items[0]!.end = '2026-06-18T12:00:00Z';
    Object.assign(feed.polls[0]!, { opensAt: '2026-06-18T15:00:00+02:00', closesAt: '2026-06-18T14:00:00+02:00' });
    const paths = feedWarnings(valid(feed)).map((warning) => warning.path);
    assert.deepEqual(paths, ['sessions[0].end', 'sessions[0].items[0].end', 'polls[0].closesAt']);
    // The same instant written with another offset is not "before".
    const sameInstant = base();
    sameInstant.sessions[0]!.end = '2026-06-18T13:00:00Z';
    assert.deepEqual(feedWarnings(valid(sameInstant)), []);
  });

  it('warns about duplicate ids of sessions, speakers, polls and recordings', () => {
    const feed = base();
    feed.sessions.push({ ...feed.sessions[0]!, title: 'Again' });
    feed.speakers.push({ id: 'ana', name: 'Other Ana' });
    feed.polls.push({ ...feed.polls[0]! });
    feed.recordings.push({ ...feed.recordings[0]! });
    const warnings = feedWarnings(valid(feed));
    for (const path of ['sessions[1].id', 'speakers[1].id', 'polls[1].id', 'recordings[1].id']) {
      assert.ok(
        warnings.some((warning) => warning.path === path && /is already the id of \w+\[0\]/.test(warning.message)),
        path,
      );
    }
  });
});

describe('feedWarnings on question boards', () => {
  const board = (extra: object) => ({ id: 'qa', title: 'Q&A', moderation: 'none', ...extra });
  it('names a board’s unknown session, a board that closes before it opens, and the same board id twice', () => {
    const feed = {
      ...base(),
      questions: [
        board({ session: 's1', opensAt: '2026-06-18T15:00:00+02:00', closesAt: '2026-06-18T17:00:00+02:00' }),
        board({ session: 's7', opensAt: '2026-06-18T15:00:00+02:00', closesAt: '2026-06-18T14:00:00+02:00' }),
      ],
    };
    assert.deepEqual(feedWarnings(valid(feed)), [
      { path: 'questions[1].id', message: '"qa" is already the id of questions[0]: ids of question boards must be unique' },
      { path: 'questions[1].session', message: 'no session "s7" in sessions' },
      { path: 'questions[1].closesAt', message: 'closes before it opens (2026-06-18T14:00:00+02:00 < 2026-06-18T15:00:00+02:00)' },
    ]);
  });
});
