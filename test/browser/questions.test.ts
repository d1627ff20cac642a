import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../../src/questions/define.js';
import type { CivicQuestions } from '../../src/questions/civic-questions.js';
import { QuestionAskEvent, QuestionUpvoteEvent } from '../../src/questions/events.js';
import { questionMessages } from '../../src/questions/messages.js';
import { count } from '../../src/i18n/count.js';
import { installApi, installEventSource, resetNetwork } from './poll-support.js';
import { boardFeed, FakeQuestionApi, townHallBoard, type RawBoard } from './questions-support.js';

const en = questionMessages.en;
const PENDING_KEY = 'civic-widgets:pending-questions';

interface Mounted {
  el: CivicQuestions;
  api: FakeQuestionApi;
  base: string;
}

async function mount(raw: RawBoard = townHallBoard(), attrs: { lang?: string; theme?: string; order?: string } = {}, prepare?: (api: FakeQuestionApi, base: string) => void): Promise<Mounted> {
  const { src, base, board } = boardFeed(raw);
  const api = new FakeQuestionApi(board);
  prepare?.(api, base);
  installApi(base, api);
  const el = await fixture<CivicQuestions>(
    html`<civic-questions src=${src} lang=${ifDefined(attrs.lang)} theme=${ifDefined(attrs.theme)} order=${ifDefined(attrs.order)}></civic-questions>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('h2'), 'the board renders');
  await waitUntil(() => api.requests.some((r) => r.method === 'GET'), 'the board is fetched');
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
  return { el, api, base };
}

const $ = <T extends Element = HTMLElement>(el: CivicQuestions, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CivicQuestions, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const message = (el: CivicQuestions) => textOf($(el, '.message[role="status"]'));
const listed = (el: CivicQuestions) => $$(el, '.list li .text').map(textOf);
const mine = (el: CivicQuestions) => $$(el, '.mine li').map(textOf);

async function type(el: CivicQuestions, text: string, name?: string): Promise<void> {
  const area = $<HTMLTextAreaElement>(el, 'textarea')!;
  area.value = text;
  area.dispatchEvent(new InputEvent('input'));
  if (name !== undefined) {
    const input = $<HTMLInputElement>(el, 'input#name')!;
    input.value = name;
    input.dispatchEvent(new InputEvent('input'));
  }
  await el.updateComplete;
}

async function ask(el: CivicQuestions, text: string, name?: string): Promise<void> {
  await type(el, text, name);
  $<HTMLButtonElement>(el, 'form button')!.click();
  await el.updateComplete;
}

const upvoteButton = (el: CivicQuestions, text: string) =>
  $$(el, '.list li').find((li) => textOf(li.querySelector('.text')) === text)?.querySelector<HTMLButtonElement>('button.upvote');

describe('<civic-questions>', () => {
  beforeEach(() => installEventSource());
  afterEach(() => {
    sinon.restore();
    resetNetwork();
    localStorage.clear();
  });

  it('lists the published questions, most upvoted first, and by newest on request', async () => {
    const { el } = await mount(townHallBoard(), {}, (api) => {
      api.seed('Older, popular?', 5);
      api.seed('Newer, quiet?', 1);
      api.seed('Pinned?', 0, { pinned: true });
      api.seed('Answered already?', 9, { answered: true });
    });
    expect(listed(el)).to.deep.equal(['Pinned?', 'Older, popular?', 'Newer, quiet?', 'Answered already?']);
    const newest = $$<HTMLInputElement>(el, 'input[name="order"]').find((input) => input.value === 'newest')!;
    newest.click();
    await el.updateComplete;
    expect(el.getAttribute('order')).to.equal('newest');
    expect(listed(el)).to.deep.equal(['Pinned?', 'Newer, quiet?', 'Older, popular?', 'Answered already?']);
    const answered = $$(el, '.list li').at(-1)!;
    expect(textOf(answered.querySelector('.meta'))).to.contain(en.answered);
    expect(textOf($$(el, '.list li')[0]!.querySelector('.meta'))).to.contain(en.pinned);
  });

  it('shows markup in a question as text, never as HTML', async () => {
    const { el } = await mount(townHallBoard(), {}, (api) => api.seed('<img src=x onerror="window.__hacked=1"> <b>bold</b>?'));
    expect(listed(el)).to.deep.equal(['<img src=x onerror="window.__hacked=1"> <b>bold</b>?']);
    expect($(el, '.list img, .list b')).to.equal(null);
    expect((window as unknown as { __hacked?: number }).__hacked).to.equal(undefined);
  });

  it('sends a question with its name, thanks the visitor and lists it when the board says so', async () => {
    const { el, api } = await mount();
    const asked: QuestionAskEvent[] = [];
    el.addEventListener(QuestionAskEvent.eventName, (event) => asked.push(event));
    await ask(el, '  How will the budget be decided?  ', ' Ana ');
    await waitUntil(() => message(el) === en.thanks, message(el));
    const body = JSON.parse(api.writes[0]!.body!) as { voter: string; text: string; name: string };
    expect([body.text, body.name]).to.deep.equal(['How will the budget be decided?', 'Ana']);
    expect(body.voter).to.equal(localStorage.getItem('civic-widgets:voter'));
    expect(asked.map((e) => [e.boardId, e.text, e.name])).to.deep.equal([['ask', 'How will the budget be decided?', 'Ana']]);
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('');
    expect(listed(el), 'shown before the stream catches up').to.deep.equal(['How will the budget be decided?']);
    api.push();
    await el.updateComplete;
    expect(listed(el)).to.deep.equal(['How will the budget be decided?']);
    expect(localStorage.getItem(PENDING_KEY), 'nothing left to send').to.equal(null);
  });

  it('a cancelled ask event sends nothing', async () => {
    const { el, api } = await mount();
    el.addEventListener(QuestionAskEvent.eventName, (event) => event.preventDefault());
    await ask(el, 'Not sent?');
    expect(api.writes).to.have.length(0);
  });

  it('shows the visitor their own question as pending under moderation, and others do not see it', async () => {
    const { el, api } = await mount(townHallBoard({ moderation: 'pre' }));
    await ask(el, 'Awaiting approval?');
    await waitUntil(() => message(el) === en.thanksModeration, message(el));
    expect(mine(el)).to.deep.equal([`Awaiting approval? ${en.waitingModeration}`]);
    expect(listed(el)).to.deep.equal([]);
    expect(api.snapshot().questions, 'the public list').to.have.length(0);
    api.publish(api.questions[0]!.id);
    api.push();
    await el.updateComplete;
    expect(mine(el)).to.deep.equal([]);
    expect(listed(el)).to.deep.equal(['Awaiting approval?']);
  });

  it('after a reload, the visitor still sees their pending question (from GET ?voter=)', async () => {
    const { el, api } = await mount(townHallBoard({ moderation: 'pre' }), {}, (api) => {
      localStorage.setItem('civic-widgets:voter', 'voter-reload-1');
      api.seed('Asked before the reload?', 0, { voter: 'voter-reload-1', status: 'pending' });
      api.seed('Somebody else’s pending?', 0, { status: 'pending' });
    });
    expect(mine(el)).to.deep.equal([`Asked before the reload? ${en.waitingModeration}`]);
    api.push(); // the public stream knows nothing of it: it must stay
    await el.updateComplete;
    expect(mine(el)).to.deep.equal([`Asked before the reload? ${en.waitingModeration}`]);
  });

  it('counts characters, announces only at thresholds, and refuses an empty or too long question without sending', async () => {
    const { el, api } = await mount();
    const counter = () => textOf($(el, '#counter'));
    const announced = () => textOf($(el, 'form [role="status"]'));
    await type(el, 'x'.repeat(200));
    expect(counter()).to.equal(en.left(count(80, 'en')));
    expect(announced()).to.equal('');
    await type(el, 'x'.repeat(230));
    expect(announced()).to.equal(en.left(count(50, 'en')));
    await type(el, 'x'.repeat(235));
    expect(counter()).to.equal(en.left(count(45, 'en')));
    expect(announced(), 'not again at every key').to.equal(en.left(count(50, 'en')));
    await type(el, '😀'.repeat(280));
    expect(counter(), 'an emoji is one character').to.equal(en.left(count(0, 'en')));
    await type(el, 'x'.repeat(283));
    expect(counter()).to.equal(en.over(count(3, 'en')));
    expect($(el, 'textarea')!.getAttribute('aria-invalid')).to.equal('true');
    $<HTMLButtonElement>(el, 'form button')!.click();
    await el.updateComplete;
    expect(message(el)).to.equal(en.tooLong);
    await ask(el, '   \n ');
    expect(message(el)).to.equal(en.writeSomething);
    expect(api.writes).to.have.length(0);
  });

  it('keeps a question that fails on the network, shows it as kept, and sends the same body when back online', async () => {
    const { el, api } = await mount();
    api.replies.push('network');
    await ask(el, 'Lost on the way?');
    await waitUntil(() => message(el) === en.kept, message(el));
    expect(mine(el)).to.deep.equal([`Lost on the way? ${en.kept}`]);
    expect(localStorage.getItem(PENDING_KEY)).to.contain('Lost on the way?');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => api.questions.length === 1, 'the retry lands');
    expect(api.writes.map((w) => w.body)).to.deep.equal([api.writes[0]!.body, api.writes[0]!.body]);
    await waitUntil(() => mine(el).length === 0 && listed(el).includes('Lost on the way?'), 'listed once it landed');
    expect(localStorage.getItem(PENDING_KEY)).to.equal(null);
  });

  it('sends a question kept by an earlier visit (it survives a reload)', async () => {
    let base = '';
    const { el, api } = await mount(townHallBoard(), {}, (_api, b) => {
      base = b;
      localStorage.setItem('civic-widgets:voter', 'voter-kept-1');
      localStorage.setItem(PENDING_KEY, JSON.stringify({ [`${b} ask k1`]: { body: JSON.stringify({ voter: 'voter-kept-1', text: 'Kept from before?' }), tries: 2 } }));
    });
    expect(base).to.not.equal('');
    await waitUntil(() => api.questions.length === 1, 'resumed and sent', { timeout: 4000 });
    expect(api.questions[0]!.text).to.equal('Kept from before?');
    await waitUntil(() => listed(el).includes('Kept from before?'));
  });

  it('gives the words back when the server refuses the question for good', async () => {
    const { el, api } = await mount();
    api.replies.push({ status: 400, body: { error: { code: 'question-too-long', message: 'too long' } } });
    await ask(el, 'Refused by the server?');
    await waitUntil(() => message(el) === en.tooLong, message(el));
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Refused by the server?');
    expect(localStorage.getItem(PENDING_KEY)).to.equal(null);
  });

  it('gives the words back on 501 Not Implemented, which is not retried (not told it is kept)', async () => {
    const { el, api } = await mount();
    api.replies.push({ status: 501, body: {} });
    await ask(el, 'Not implemented here?');
    await waitUntil(() => message(el) === en.refused, message(el));
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Not implemented here?');
    expect(mine(el)).to.deep.equal([]);
    expect(localStorage.getItem(PENDING_KEY)).to.equal(null);
  });

  it('upvotes with a toggle button (aria-pressed), counted once, and takes it back', async () => {
    const { el, api } = await mount(townHallBoard(), {}, (api) => api.seed('Upvote me?', 2));
    const events: QuestionUpvoteEvent[] = [];
    el.addEventListener(QuestionUpvoteEvent.eventName, (e) => events.push(e));
    const button = () => upvoteButton(el, 'Upvote me?')!;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(textOf(button())).to.contain(`${en.upvote}, ${en.votes(count(2, 'en'))}`);
    button().click();
    await el.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    expect(textOf(button()), 'counted at once').to.contain(en.votes(count(3, 'en')));
    await waitUntil(() => api.upvotes.size === 1 && localStorage.getItem(PENDING_KEY) === null, 'the upvote landed');
    api.push();
    await el.updateComplete;
    expect(textOf(button()), 'the stream agrees').to.contain(en.votes(count(3, 'en')));
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    button().click();
    await waitUntil(() => api.upvotes.size === 0);
    await el.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(textOf(button())).to.contain(en.votes(count(2, 'en')));
    expect(api.writes.map((w) => w.method)).to.deep.equal(['PUT', 'DELETE']);
    expect(events.map((e) => [e.questionId, e.upvoted])).to.deep.equal([
      ['q1', true],
      ['q1', false],
    ]);
  });

  it('keeps an upvote that fails on the network and sends it again', async () => {
    const { el, api } = await mount(townHallBoard(), {}, (api) => api.seed('Retry my upvote?', 0));
    api.replies.push('network');
    upvoteButton(el, 'Retry my upvote?')!.click();
    await waitUntil(() => textOf($(el, '.list li .meta')).includes(en.sending), 'shown as waiting');
    expect(upvoteButton(el, 'Retry my upvote?')!.getAttribute('aria-pressed')).to.equal('true');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => api.upvotes.size === 1, 'the retry lands');
    await waitUntil(() => !textOf($(el, '.list li .meta')).includes(en.sending));
  });

  it('on a closed board: no form, no upvote buttons, the counts as text', async () => {
    const { el } = await mount(townHallBoard({ closesAt: new Date(Date.now() - 60_000).toISOString() }), {}, (api) => {
      api.status = 'closed';
      api.seed('Too late to upvote?', 4);
    });
    expect($(el, 'form')).to.equal(null);
    expect($(el, 'button.upvote')).to.equal(null);
    expect(textOf($(el, '.when'))).to.equal(en.closed);
    expect(textOf($(el, '.list li .count'))).to.equal(en.votes(count(4, 'en')));
  });

  it('is mirrored in Arabic, with Arabic plurals', async () => {
    const { el } = await mount(townHallBoard(), { lang: 'ar' }, (api) => api.seed('سؤال؟', 2));
    expect($(el, '[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(textOf(upvoteButton(el, 'سؤال؟'))).to.contain(questionMessages.ar.votes(count(2, 'ar')));
  });

  describe('is accessible (axe) in every state and language', () => {
    for (const lang of ['en', 'fr', 'es', 'ar']) {
      for (const theme of lang === 'en' ? ['light', 'dark'] : ['light']) {
        it(`${lang} ${theme}: list, own pending, kept, over the limit, then closed and empty`, async () => {
          const { el, api } = await mount(townHallBoard({ moderation: 'pre' }), { lang, theme }, (api) => {
            api.seed('Pinned question?', 3, { pinned: true });
            api.seed('Answered question?', 1, { answered: true });
          });
          await ask(el, 'Mine, pending?', 'Ana');
          await waitUntil(() => mine(el).length === 1);
          upvoteButton(el, 'Pinned question?')!.click();
          api.replies.push('network');
          await ask(el, 'Mine, kept?');
          await waitUntil(() => mine(el).length === 2);
          await type(el, 'x'.repeat(300));
          await expect(el).to.be.accessible();
          api.status = 'closed';
          api.questions.splice(0);
          api.push();
          await el.updateComplete;
          expect($(el, 'form')).to.equal(null);
          await expect(el).to.be.accessible();
        });
      }
    }
    it('loading and no board', async () => {
      const el = await fixture<CivicQuestions>(html`<civic-questions src="/__feed/countdown.json?key=qa-none"></civic-questions>`);
      await waitUntil(() => textOf($(el, '.notice')) === en.noBoard, 'no board in the feed');
      await expect(el).to.be.accessible();
    });
  });
});
