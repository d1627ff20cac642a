import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { anchorFeedDates, shiftDateTime, shiftFeedDates } from '../../server/shift-dates.js';
import { validateFeed } from '../../src/contract/validate.js';

const feed = JSON.parse(readFileSync(new URL('../fixtures/feeds/local-democracy.json', import.meta.url), 'utf8'));
const DAY = 86_400_000;

describe('date shifting for demos', () => {
  it('moves an instant and keeps its written offset', () => {
    assert.equal(shiftDateTime('2026-06-18T15:00:00+02:00', DAY + 30 * 60_000), '2026-06-19T15:30:00+02:00');
    assert.equal(shiftDateTime('2026-06-18T23:30:00-04:00', 60 * 60_000), '2026-06-19T00:30:00-04:00');
    assert.equal(shiftDateTime('2026-06-18T13:00:00Z', -DAY), '2026-06-17T13:00:00Z');
  });

  it('moves every date-time field of a feed and nothing else', () => {
    const shifted = shiftFeedDates(feed, 7 * DAY);
    assert.equal(shifted.sessions[0].start, '2026-06-25T15:00:00+02:00');
    assert.equal(shifted.sessions[0].items[3].end, '2026-06-25T17:00:00+02:00');
    assert.equal(shifted.polls[0].closesAt, '2026-06-25T17:00:00+02:00');
    assert.equal(shifted.recordings[0].recordedAt, '2026-06-07T15:00:00+02:00');
    assert.equal(shifted.recordings[0].duration, 'PT1H32M');
    assert.deepEqual(shifted.event, feed.event);
    assert.equal(feed.sessions[0].start, '2026-06-18T15:00:00+02:00', 'the input is not changed');
    assert.ok(validateFeed(shifted, 'https://example.org/').ok);
  });

  it('anchors a session to start a given number of minutes from now, on a quarter hour', () => {
    const now = Date.parse('2026-11-25T12:07:00Z');
    const anchored = anchorFeedDates({ ...feed, demoAnchor: { session: 'local-democracy', startsInMinutes: -30 } }, now);
    const start = Date.parse(anchored.sessions[0].start);
    assert.equal(start % (15 * 60_000), 0);
    assert.ok(Math.abs(start - (now - 30 * 60_000)) <= 7.5 * 60_000);
    assert.ok(start <= now && now < Date.parse(anchored.sessions[0].end), 'the session is live now');
  });

  it('leaves a feed without an anchor unchanged', () => {
    assert.equal(anchorFeedDates(feed, Date.now()), feed);
  });
});
