import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { QuestionsSnapshot } from '../../src/contract/questions.js';
import { boardView, mergeSnapshots } from '../../src/questions/question-view.js';

const q = (id: string, votes: number, extra = {}) => ({ id, text: `${id}?`, votes, answered: false, pinned: false, createdAt: `2026-06-18T13:0${id.length}:00.000Z`, ...extra });
const snap = (questions: QuestionsSnapshot['questions'], upvoted?: string[]): QuestionsSnapshot => ({
  id: 'b',
  status: 'open',
  moderation: 'pre',
  opensAt: null,
  closesAt: null,
  questions,
  ...(upvoted ? { upvoted } : {}),
});
const idle = { sending: false, sent: false };

describe('the question board view (src/questions/question-view.ts)', () => {
  it('the public stream keeps the voter’s own pending questions and upvotes from the last GET ?voter=', () => {
    const mine = snap([q('a', 1), q('mine', 0, { pending: true })], ['a']);
    const merged = mergeSnapshots(snap([q('a', 2), q('b', 0)]), mine);
    assert.deepEqual(merged.questions.map((x) => x.id), ['a', 'b', 'mine']);
    assert.deepEqual(merged.upvoted, ['a']);
    const published = mergeSnapshots(snap([q('a', 2), q('mine', 0)]), mine);
    assert.deepEqual(published.questions.map((x) => [x.id, x.pending]), [['a', undefined], ['mine', undefined]], 'published: no longer pending, listed once');
  });

  it('counts an upvote being sent once, and a take-back being sent as gone', () => {
    const board = snap([q('a', 3), q('b', 5)], ['b']);
    const wishes: Record<string, boolean> = { a: true, b: false };
    const { rows } = boardView(board, [], [], (id) => ({ on: wishes[id], state: { ...idle, sending: true, body: '{}' } }), 'votes');
    assert.deepEqual(rows.map((r) => [r.id, r.votes, r.upvoted]), [['b', 4], ['a', 4]].map(([id, votes]) => [id, votes, id === 'a']));
  });

  it('lists unsent questions as being sent or kept, and pending ones as awaiting moderation', () => {
    const board = snap([q('p', 0, { pending: true })]);
    const unsent = [
      { key: 'k1', text: 'sending?', state: { ...idle, sending: true, body: '{}' } },
      { key: 'k2', text: 'kept?', state: { ...idle, body: '{}' } },
    ];
    const landed = [{ id: 'late', status: 'pending' as const, text: 'late?', at: 0 }];
    const { mine, rows } = boardView(board, unsent, landed, () => ({ state: idle }), 'votes');
    assert.deepEqual(mine.map((m) => [m.text, m.state]), [['sending?', 'sending'], ['kept?', 'kept'], ['p?', 'moderation'], ['late?', 'moderation']]);
    assert.equal(rows.length, 0);
  });

  it('drops the questions a moderator rejected or withdrew from their author’s page, live', () => {
    const before = snap([q('kept', 0, { pending: true }), q('gone', 0, { pending: true }), q('a', 2)], []);
    const after = mergeSnapshots({ ...snap([]), rejected: ['gone', 'a', 'landed-p', 'landed-w'] }, before);
    assert.deepEqual(after.questions.map((x) => x.id), ['kept'], 'a rejected pending question is no longer the voter’s own');
    const landed = [
      { id: 'landed-p', status: 'pending' as const, text: 'landed-p?', at: 0 },
      { id: 'landed-w', status: 'published' as const, text: 'landed-w?', at: 0 },
      { id: 'landed-ok', status: 'published' as const, text: 'landed-ok?', at: 0 },
    ];
    const { mine, rows } = boardView(after, [], landed, () => ({ state: idle }), 'votes');
    assert.deepEqual(mine.map((m) => m.text), ['kept?']);
    assert.deepEqual(rows.map((r) => r.id), ['landed-ok'], 'a withdrawn question that landed published is not shown again from memory');
  });

  it('applies a partial stream event: changed questions replaced, new ones added, rejected ones gone, the rest kept', () => {
    const before = snap([q('a', 3), q('b', 1), q('c', 0), q('mine', 0, { pending: true })], ['b']);
    const partial = { ...snap([q('b', 2, { pinned: true }), q('mine', 0), q('new', 0)]), rejected: ['c'], partial: true as const };
    const after = mergeSnapshots(partial, before);
    assert.deepEqual(after.questions.map((x) => [x.id, x.votes, x.pinned, x.pending]), [
      ['a', 3, false, undefined],
      ['b', 2, true, undefined],
      ['mine', 0, false, undefined],
      ['new', 0, false, undefined],
    ]);
    assert.deepEqual(after.upvoted, ['b'], 'the voter’s own upvotes are kept');
    assert.equal(after.partial, undefined, 'the merged snapshot is whole');
  });
});
