import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Poll } from '../../src/contract/types.js';
import { ballotDelta, ballotRule, checkChoices, maxChoices, nextTransition, pollStatus, resultsVisible, sameBallot, sameChoices, snapshot } from '../../src/contract/poll-rules.js';

const poll = (extra: Partial<Poll> = {}): Poll => ({
  id: 'p',
  title: 'P',
  mode: 'single',
  groups: [
    { id: 'g1', title: 'G1', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] },
    { id: 'g2', title: 'G2', options: [{ id: 'c', text: 'C' }] },
  ],
  ...extra,
});
const OPENS = '2026-06-18T15:00:00+02:00';
const CLOSES = '2026-06-18T17:00:00+02:00';
const at = (iso: string, deltaMs = 0) => Date.parse(iso) + deltaMs;

describe('pollStatus', () => {
  const timed = poll({ opensAt: OPENS, closesAt: CLOSES });
  it('is scheduled before opensAt, open from opensAt, closed from closesAt', () => {
    assert.equal(pollStatus(timed, at(OPENS, -1), null), 'scheduled');
    assert.equal(pollStatus(timed, at(OPENS), null), 'open');
    assert.equal(pollStatus(timed, at(CLOSES, -1), null), 'open');
    assert.equal(pollStatus(timed, at(CLOSES), null), 'closed');
  });
  it('lets an admin override win over the dates', () => {
    assert.equal(pollStatus(timed, at(CLOSES, 1), 'open'), 'open');
    assert.equal(pollStatus(timed, at(OPENS, 1), 'closed'), 'closed');
  });
  it('is open without dates', () => assert.equal(pollStatus(poll(), 0, null), 'open'));
});

describe('nextTransition', () => {
  it('gives the next date after now, or undefined', () => {
    const timed = poll({ opensAt: OPENS, closesAt: CLOSES });
    assert.equal(nextTransition(timed, at(OPENS, -5)), at(OPENS));
    assert.equal(nextTransition(timed, at(OPENS)), at(CLOSES));
    assert.equal(nextTransition(timed, at(CLOSES)), undefined);
  });
});

describe('resultsVisible', () => {
  it('follows the results rule', () => {
    assert.equal(resultsVisible(poll(), 'open', false), true);
    assert.equal(resultsVisible(poll({ results: 'after-vote' }), 'open', false), false);
    assert.equal(resultsVisible(poll({ results: 'after-vote' }), 'open', true), true);
    assert.equal(resultsVisible(poll({ results: 'after-close' }), 'open', true), false);
    assert.equal(resultsVisible(poll({ results: 'after-close' }), 'closed', false), true);
  });
});

describe('checkChoices', () => {
  it('accepts one known option in single mode', () => assert.equal(checkChoices(poll(), ['c']), undefined));
  it('rejects no choice, duplicates, unknown options and too many', () => {
    assert.equal(checkChoices(poll(), [])?.code, 'invalid-request');
    assert.equal(checkChoices(poll({ mode: 'multiple' }), ['a', 'a'])?.code, 'invalid-request');
    assert.equal(checkChoices(poll(), ['z'])?.code, 'unknown-option');
    assert.equal(checkChoices(poll(), ['a', 'b'])?.code, 'too-many-choices');
    assert.equal(checkChoices(poll({ mode: 'multiple', maxChoices: 2 }), ['a', 'b', 'c'])?.code, 'too-many-choices');
  });
  it('allows every option in multiple mode without maxChoices', () => {
    assert.equal(maxChoices(poll({ mode: 'multiple' })), 3);
    assert.equal(maxChoices(poll({ mode: 'multiple', maxChoices: 10 })), 3);
    assert.equal(checkChoices(poll({ mode: 'multiple' }), ['a', 'b', 'c']), undefined);
  });
});

describe('snapshot', () => {
  const tally = { totals: { a: 2 }, voters: 2, updatedAt: '2026-06-18T13:10:00.000Z' };
  it('lists every option with 0 for unchosen ones and adds my choices', () => {
    assert.deepEqual(snapshot(poll(), 'open', tally, ['a']), {
      id: 'p',
      status: 'open',
      opensAt: null,
      closesAt: null,
      updatedAt: tally.updatedAt,
      totals: { a: 2, b: 0, c: 0 },
      voters: 2,
      myChoices: ['a'],
    });
  });
  it('hides totals and voters when the rule says so', () => {
    const view = snapshot(poll({ results: 'after-vote' }), 'open', tally, undefined);
    assert.equal('totals' in view, false);
    assert.equal('voters' in view, false);
    assert.equal('myChoices' in view, false);
  });
});

describe('sameChoices', () => {
  it('ignores order', () => {
    assert.equal(sameChoices(['a', 'b'], ['b', 'a']), true);
    assert.equal(sameChoices(['a'], ['a', 'b']), false);
  });
});

describe('ranking: ballot rule, sameBallot and ballotDelta', () => {
  const ranking = poll({ mode: 'ranking', maxChoices: 3 });

  it('takes its positions from maxChoices, else every option', () => {
    assert.deepEqual(ballotRule(ranking), { ranked: true, positions: Math.min(3, maxChoices(poll({ mode: 'multiple' }))) });
    assert.equal(ballotRule(poll({ mode: 'ranking' })).positions, maxChoices(poll({ mode: 'multiple' })));
    assert.equal(ballotRule(poll()).ranked, false);
  });

  it('counts a new order of the same options as a change', () => {
    const rule = ballotRule(ranking);
    assert.equal(sameBallot(['a', 'b'], ['b', 'a'], rule), false);
    assert.equal(sameBallot(['a', 'b'], ['a', 'b'], rule), true);
    assert.equal(sameBallot(['a', 'b'], ['b', 'a']), true, 'other modes ignore order');
  });

  it('moves points and votes by position; options whose place is unchanged are left out', () => {
    const rule = { ranked: true, positions: 3 };
    assert.deepEqual(ballotDelta(undefined, ['a', 'b'], rule), [
      ['a', 1, 3],
      ['b', 1, 2],
    ]);
    assert.deepEqual(ballotDelta(['a', 'b', 'c'], ['b', 'a', 'c'], rule), [
      ['b', 0, 1],
      ['a', 0, -1],
    ]);
    assert.deepEqual(ballotDelta(['a', 'b'], ['c'], rule), [
      ['a', -1, -3],
      ['b', -1, -2],
      ['c', 1, 3],
    ]);
    assert.deepEqual(ballotDelta(['a'], ['b']), [
      ['a', -1, 0],
      ['b', 1, 0],
    ], 'no points outside rankings');
  });

  it('shows scores beside totals only for ranking polls, only when totals are visible', () => {
    const tally = { totals: { a: 1 }, scores: { a: 3 }, voters: 1, updatedAt: null };
    assert.deepEqual(snapshot(ranking, 'open', tally, undefined).scores, Object.fromEntries(Object.keys(snapshot(ranking, 'open', tally, undefined).totals!).map((id) => [id, id === 'a' ? 3 : 0])));
    assert.equal('scores' in snapshot(poll(), 'open', tally, undefined), false);
    assert.equal('scores' in snapshot({ ...ranking, results: 'after-close' }, 'open', tally, undefined), false);
  });
});
