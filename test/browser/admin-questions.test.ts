import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { BoardModeration, ModeratedQuestion, ModerationAction } from '../../src/admin/api.js';
import { messages } from '../../src/admin/messages.js';
import { boardCards, mergeBoard, renderBoard, withQuestion } from '../../src/admin/question-boards.js';
import type { Feed } from '../../src/contract/types.js';

const q = (id: string, minute: number, extra: Partial<ModeratedQuestion> = {}): ModeratedQuestion => ({
  id,
  text: `${id}?`,
  name: null,
  status: 'published',
  votes: 0,
  answered: false,
  pinned: false,
  createdAt: `2026-06-18T13:${String(minute).padStart(2, '0')}:00.000Z`,
  ...extra,
});

const board = (questions: ModeratedQuestion[]): BoardModeration => ({
  id: 'qa',
  feed: 'town',
  title: 'Questions',
  moderation: 'pre',
  status: 'open',
  published: questions.filter((x) => x.status === 'published').length,
  pending: questions.filter((x) => x.status === 'pending').length,
  rejected: questions.filter((x) => x.status === 'rejected').length,
  questions,
});

const feed = { version: 1, languages: ['en', 'fr'], questions: [{ id: 'qa', title: { en: 'Ask us', fr: 'Posez vos questions' }, moderation: 'pre' }] } as unknown as Feed;

describe('the console’s question boards (src/admin/question-boards.ts)', () => {
  it('lists the queue oldest first, the published as visitors see them, the rejected newest first', () => {
    const [card] = boardCards(
      [
        board([
          q('p2', 5, { status: 'pending' }),
          q('low', 1, { votes: 1 }),
          q('r1', 2, { status: 'rejected' }),
          q('p1', 3, { status: 'pending' }),
          q('done', 0, { votes: 9, answered: true }),
          q('pin', 4, { pinned: true }),
          q('high', 6, { votes: 5 }),
          q('r2', 7, { status: 'rejected' }),
        ]),
      ],
      new Map([['town', feed]]),
      'fr',
    );
    expect(card!.title).to.equal('Posez vos questions');
    expect(card!.pending.map((x) => x.id)).to.deep.equal(['p1', 'p2']);
    expect(card!.published.map((x) => x.id)).to.deep.equal(['pin', 'high', 'low', 'done']);
    expect(card!.rejected.map((x) => x.id)).to.deep.equal(['r2', 'r1']);
  });

  it('applies a partial stream event by id, new questions last, and recounts after an action', () => {
    const current = board([q('a', 0), q('b', 1, { status: 'pending' })]);
    const change = { ...board([q('b', 1), q('c', 2, { status: 'pending' })]), published: 2, pending: 1, rejected: 0, partial: true as const };
    const merged = mergeBoard(current, change);
    expect(merged.questions.map((x) => [x.id, x.status])).to.deep.equal([
      ['a', 'published'],
      ['b', 'published'],
      ['c', 'pending'],
    ]);
    expect(merged).to.not.have.property('partial');
    const after = withQuestion(merged, q('c', 2, { status: 'rejected' }));
    expect([after.published, after.pending, after.rejected]).to.deep.equal([2, 0, 1]);
  });

  it('shows a question’s markup as text, toggles as pressed buttons, and calls back with the action', async () => {
    const calls: [string, ModerationAction][] = [];
    const [card] = boardCards([board([q('x', 0, { text: '<img src=x onerror=alert(1)>', pinned: true, votes: 2 }), q('y', 1, { status: 'pending' })])], new Map(), 'en');
    const el = await fixture(
      html`<ul>
        ${renderBoard(card!, { t: messages.en, lang: 'en', votes: (n) => `${n} votes`, act: (_board, question, action) => calls.push([question.id, action]) })}
      </ul>`,
    );
    expect(el.querySelectorAll('img')).to.have.length(0);
    const published = el.querySelector('ul[data-list=published] > li')!;
    expect(published.querySelector('.question-text')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(published.querySelector('.question-meta')!.textContent).to.contain('2 votes');
    const pin = published.querySelector<HTMLButtonElement>('button[data-action=pin]')!;
    const answer = published.querySelector<HTMLButtonElement>('button[data-action=answer]')!;
    expect([pin.getAttribute('aria-pressed'), answer.getAttribute('aria-pressed')]).to.deep.equal(['true', 'false']);
    pin.click();
    answer.click();
    el.querySelector<HTMLButtonElement>('ul[data-list=pending] button[data-action=publish]')!.click();
    expect(calls).to.deep.equal([
      ['x', 'unpin'],
      ['x', 'answer'],
      ['y', 'publish'],
    ]);
    const group = published.querySelector('[role=group]')!;
    expect(el.querySelector(`#${CSS.escape(group.getAttribute('aria-labelledby')!)}`)).to.equal(published.querySelector('.question-text'));
  });
});
