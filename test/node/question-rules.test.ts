import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { characters, checkQuestion, cleanText, QUESTION_MAX, sortQuestions } from '../../src/contract/questions.js';

describe('question rules (src/contract/questions.ts)', () => {
  it('cleans: trims, turns control characters into a space, composes accents', () => {
    assert.equal(cleanText('  Why\n\tnot?  '), 'Why not?');
    assert.equal(cleanText('Cafe\u0301'), 'Café');
    assert.equal(cleanText(' \n\t '), '');
  });

  it('counts characters as a reader does: an emoji once', () => {
    assert.equal(characters('👍🏽'), 2); // thumbs up + skin tone: two code points
    assert.equal(characters('😀'), 1);
    assert.equal(characters('é'), 1);
  });

  it('refuses empty and too long text, accepts exactly the limit', () => {
    assert.equal(checkQuestion('')?.code, 'question-empty');
    assert.equal(checkQuestion('x'.repeat(QUESTION_MAX)), undefined);
    assert.equal(checkQuestion('x'.repeat(QUESTION_MAX + 1))?.code, 'question-too-long');
    assert.equal(checkQuestion('😀'.repeat(QUESTION_MAX)), undefined, '280 emoji are 560 UTF-16 units but 280 characters');
    assert.equal(checkQuestion('ok', 'n'.repeat(61))?.code, 'invalid-request');
  });

  it('sorts pinned first, answered last, then by votes or newest', () => {
    const q = (id: string, votes: number, createdAt: string, pinned = false, answered = false) => ({ id, votes, createdAt, pinned, answered });
    const list = [
      q('old-popular', 5, '2026-01-01T10:00:00.000Z'),
      q('new-quiet', 1, '2026-01-01T12:00:00.000Z'),
      q('answered', 9, '2026-01-01T09:00:00.000Z', false, true),
      q('pinned', 0, '2026-01-01T08:00:00.000Z', true),
      q('tie-older', 1, '2026-01-01T11:00:00.000Z'),
    ];
    assert.deepEqual(sortQuestions(list, 'votes').map((x) => x.id), ['pinned', 'old-popular', 'tie-older', 'new-quiet', 'answered']);
    assert.deepEqual(sortQuestions(list, 'newest').map((x) => x.id), ['pinned', 'new-quiet', 'tie-older', 'old-popular', 'answered']);
  });
});
