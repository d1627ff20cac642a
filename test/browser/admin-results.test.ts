import { expect } from '@open-wc/testing';
import { resultGroups } from '../../src/admin/results.js';
import type { Poll } from '../../src/contract/types.js';

const poll = {
  id: 'p',
  title: 'P',
  mode: 'single',
  groups: [
    { id: 'g', title: { en: 'Streets', fr: 'Rues' }, options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }] },
    { id: 'h', title: 'Other', options: [{ id: 'd', text: 'D' }] },
  ],
} as unknown as Poll;

describe('console and presenter results', () => {
  it('bars are relative to the group’s leader; missing totals count as 0', () => {
    const [streets, other] = resultGroups(poll, ['en', 'fr'], 'fr', { a: 4, b: 1 });
    expect(streets!.title).to.equal('Rues');
    expect(streets!.rows.map((row) => [row.id, row.value, row.share])).to.deep.equal([
      ['a', 4, 1],
      ['b', 1, 0.25],
      ['c', 0, 0],
    ]);
    expect(other!.rows[0]).to.include({ value: 0, share: 0 });
  });

  it('shows a ranking poll’s scores instead of its vote counts when the server sends them', () => {
    const [streets] = resultGroups(poll, [], 'en', { a: 3, b: 3, c: 3 }, { a: 2, b: 9, c: 6 });
    expect(streets!.rows.map((row) => row.value)).to.deep.equal([2, 9, 6]);
    expect(streets!.rows[1]!.share).to.equal(1);
  });
});
