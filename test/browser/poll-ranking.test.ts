// Ranking polls in the widget: keyboard-first ordering (a select per answer, move up / down),
// announced moves, the ranking posted in order, and the result by Borda points.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import sinon from 'sinon';
import '../../src/poll/define.js';
import type { CivicPoll } from '../../src/poll/civic-poll.js';
import type { PollResultsEvent } from '../../src/poll/events.js';
import { pollMessages } from '../../src/poll/messages.js';
import { moveDown, moveUp, placeAt } from '../../src/poll/ranking.js';
import { FakeEventSource, FakePollApi, installApi, installEventSource, pollFeed, resetNetwork, townHallPoll, type RawPoll } from './poll-support.js';

const en = pollMessages.en;
const $ = <T extends Element = HTMLElement>(el: CivicPoll, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CivicPoll, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const textOf = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: CivicPoll, label: string) => $$<HTMLButtonElement>(el, 'button').find((b) => textOf(b) === label);
const row = (el: CivicPoll, id: string) => $(el, `[data-option="${id}"]`)!;
/** The rows of the form, in order, as "place:text" ("-" when not ranked). */
const order = (el: CivicPoll) =>
  $$(el, '.rank-row').map((r) => `${r.querySelector('select')!.value === '0' ? '-' : r.querySelector('select')!.value}:${textOf(r.querySelector('.rank-text'))}`);
const said = (el: CivicPoll) => textOf($(el, 'form [role="status"]'));

export function questionsPoll(extra: Partial<RawPoll> = {}): RawPoll {
  return townHallPoll({
    id: 'questions',
    title: { en: 'Which questions first?', fr: 'Quelles questions d’abord ?', es: '¿Qué preguntas primero?', ar: 'أي الأسئلة أولًا؟' },
    prompt: undefined,
    mode: 'ranking',
    groups: [
      {
        id: 'q',
        title: { en: 'Guiding questions', fr: 'Questions', es: 'Preguntas', ar: 'الأسئلة' },
        options: [
          { id: 'trust', text: { en: 'Trust', fr: 'Confiance', es: 'Confianza', ar: 'الثقة' } },
          { id: 'digital', text: { en: 'Digital participation', fr: 'Participation numérique', es: 'Participación digital', ar: 'المشاركة الرقمية' } },
          { id: 'youth', text: { en: 'Youth', fr: 'Jeunesse', es: 'Juventud', ar: 'الشباب' } },
          { id: 'finance', text: { en: 'Local finance', fr: 'Finances locales', es: 'Finanzas locales', ar: 'المالية المحلية' } },
        ],
      },
    ],
    ...extra,
  });
}

async function mount(raw: RawPoll, attrs: { lang?: string; theme?: string; resultsOnly?: boolean } = {}) {
  const { src, base, poll } = pollFeed(raw);
  const api = new FakePollApi(poll);
  installApi(base, api);
  const el = await fixture<CivicPoll>(
    html`<civic-poll src=${src} lang=${ifDefined(attrs.lang)} theme=${ifDefined(attrs.theme)} ?results-only=${attrs.resultsOnly}></civic-poll>`,
  );
  await waitUntil(() => $(el, 'h2'));
  const push = async () => {
    for (const source of FakeEventSource.for(base)) source.send(api.snapshot(new URL(source.url).searchParams.get('voter')!));
    await el.updateComplete;
  };
  await push();
  return { el, api, push };
}

async function click(el: CivicPoll, target: HTMLElement | null | undefined): Promise<void> {
  target!.click();
  await el.updateComplete;
}

async function rank(el: CivicPoll, id: string, place: number): Promise<void> {
  const select = row(el, id).querySelector('select')!;
  select.value = String(place);
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('ranking moves', () => {
  it('places, moves up and down, and keeps at most max places', () => {
    expect(placeAt([], 'a', 1, 3)).to.deep.equal(['a']);
    expect(placeAt(['a', 'b'], 'c', 1, 3)).to.deep.equal(['c', 'a', 'b']);
    expect(placeAt(['a', 'b', 'c'], 'd', 2, 3), 'the last drops out').to.deep.equal(['a', 'd', 'b']);
    expect(placeAt(['a', 'b'], 'a', 0, 3)).to.deep.equal(['b']);
    expect(placeAt(['a'], 'b', 3, 3), 'no gap').to.deep.equal(['a', 'b']);
    expect(moveUp(['a', 'b'], 'b', 3)).to.deep.equal(['b', 'a']);
    expect(moveUp(['a', 'b'], 'c', 3), 'an unranked answer enters last').to.deep.equal(['a', 'b', 'c']);
    expect(moveUp(['a', 'b'], 'c', 2), 'taking the last place when full').to.deep.equal(['a', 'c']);
    expect(moveUp(['a', 'b'], 'a', 3)).to.deep.equal(['a', 'b']);
    expect(moveDown(['a', 'b'], 'a', 3)).to.deep.equal(['b', 'a']);
    expect(moveDown(['a', 'b'], 'b', 3), 'from the last place, out').to.deep.equal(['a']);
  });
});

describe('civic-poll ranking', () => {
  beforeEach(() => installEventSource());
  afterEach(() => {
    sinon.restore();
    resetNetwork();
    localStorage.clear();
  });

  it('orders every answer with the keyboard: selects and move buttons, each move announced, focus kept', async () => {
    const { el, api } = await mount(questionsPoll());
    expect(textOf($(el, '#hint'))).to.equal(en.rankHint({ value: 4, text: '4', plural: 'other' }, true));
    expect(order(el)).to.deep.equal(['-:Trust', '-:Digital participation', '-:Youth', '-:Local finance']);
    expect(row(el, 'trust').querySelector('select')!.getAttribute('aria-label')).to.equal('Rank of Trust');
    await rank(el, 'youth', 1);
    expect(order(el)).to.deep.equal(['1:Youth', '-:Trust', '-:Digital participation', '-:Local finance']);
    expect(said(el)).to.equal('Youth: rank 1.');
    await click(el, row(el, 'finance').querySelector<HTMLElement>('.up'));
    expect(order(el)).to.deep.equal(['1:Youth', '2:Local finance', '-:Trust', '-:Digital participation']);
    expect(said(el)).to.equal('Local finance: rank 2.');
    await click(el, row(el, 'finance').querySelector<HTMLElement>('.up'));
    expect(order(el)).to.deep.equal(['1:Local finance', '2:Youth', '-:Trust', '-:Digital participation']);
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.closest('[data-option]')!.getAttribute('data-option'), 'focus follows the moved answer').to.equal('finance');
    expect(focused.matches('.down'), 'up is disabled at the top: focus on its other move').to.be.true;
    await click(el, row(el, 'youth').querySelector<HTMLElement>('.down'));
    expect(order(el)).to.deep.equal(['1:Local finance', '-:Trust', '-:Digital participation', '-:Youth']);
    expect(said(el)).to.equal('Youth: not ranked.');
    await rank(el, 'trust', 2);
    await rank(el, 'youth', 2);
    expect(order(el)).to.deep.equal(['1:Local finance', '2:Youth', '3:Trust', '-:Digital participation']);
    await expect(el).to.be.accessible();
    await click(el, button(el, en.vote));
    await waitUntil(() => api.posts.length === 1);
    expect(JSON.parse(api.posts[0]!.body!).choices).to.deep.equal(['finance', 'youth', 'trust']);
    await waitUntil(() => textOf($(el, '.message')) === en.thanks);
    expect($$(el, '.mine ol li').map(textOf), 'your vote, in order').to.deep.equal(['Local finance', 'Youth', 'Trust']);
  });

  it('top maxChoices: a third answer placed pushes the last one out; nothing ranked asks first', async () => {
    const { el, api } = await mount(questionsPoll({ maxChoices: 2 }));
    expect(textOf($(el, '#hint'))).to.equal('Choose your top 2 and put them in order: 1 is the most important.');
    expect([...row(el, 'trust').querySelectorAll('option')].map((o) => o.textContent)).to.deep.equal(['Not ranked', '1', '2']);
    await click(el, button(el, en.vote));
    expect(textOf($(el, '.message'))).to.equal(en.rankSomething);
    expect(api.posts).to.have.length(0);
    await rank(el, 'trust', 1);
    await rank(el, 'digital', 2);
    await rank(el, 'youth', 1);
    expect(order(el)).to.deep.equal(['1:Youth', '2:Trust', '-:Digital participation', '-:Local finance']);
    await click(el, row(el, 'finance').querySelector<HTMLElement>('.up'));
    expect(order(el), 'moving up an unranked answer takes the last place').to.deep.equal(['1:Youth', '2:Local finance', '-:Trust', '-:Digital participation']);
  });

  it('shows the result in order of points, with the points and a table; a change of mind starts from the ranking', async () => {
    const { el, api, push } = await mount(questionsPoll({ maxChoices: 3 }));
    api.votes.set('other-voter-1', ['trust', 'youth', 'digital']);
    api.votes.set('other-voter-2', ['youth', 'trust']);
    const reported = await new Promise<PollResultsEvent>((resolve) => {
      el.addEventListener('civic-poll-results', resolve, { once: true });
      void push();
    });
    expect(reported.scores).to.deep.equal({ trust: 5, digital: 1, youth: 5, finance: 0 });
    // trust 3+2 = 5, youth 2+3 = 5, digital 1, finance 0: tied places share the rank.
    const bars = () => $$(el, '.ranked li').map((li) => `${textOf(li.firstElementChild)} ${textOf(li.querySelector('.count'))}`);
    expect(bars()).to.deep.equal(['1 Trust 5 points', '1 Youth 5 points', '3 Digital participation 1 point', '4 Local finance 0 points']);
    expect($$(el, 'table tbody tr').map((tr) => [...tr.children].map(textOf))).to.deep.equal([
      ['1', 'Trust', '5'],
      ['1', 'Youth', '5'],
      ['3', 'Digital participation', '1'],
      ['4', 'Local finance', '0'],
    ]);
    api.hold = true;
    await rank(el, 'finance', 1);
    await rank(el, 'youth', 2);
    await click(el, button(el, en.vote));
    expect(bars()[0], 'the vote counted at once').to.equal('1 Youth 7 points');
    api.release();
    await waitUntil(() => textOf($(el, '.message')) === en.thanks);
    await click(el, button(el, en.changeVote));
    expect(order(el)).to.deep.equal(['1:Local finance', '2:Youth', '-:Trust', '-:Digital participation']);
    expect((el.shadowRoot!.activeElement as HTMLElement).matches('select'), 'focus on the first place').to.be.true;
    await click(el, row(el, 'youth').querySelector<HTMLElement>('.up'));
    await click(el, button(el, en.vote));
    await waitUntil(() => api.posts.length === 2);
    expect(JSON.parse(api.posts[1]!.body!).choices).to.deep.equal(['youth', 'finance']);
    await waitUntil(() => textOf($(el, '.message')) === en.thanks);
    await push();
    expect(bars()[0]).to.equal('1 Youth 8 points');
  });

  for (const lang of ['en', 'ar'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`passes axe in every state (${lang}, ${theme})`, async () => {
        const { el, api, push } = await mount(questionsPoll({ maxChoices: 3 }), { lang, theme });
        const t = pollMessages[lang];
        await expect(el, 'empty form').to.be.accessible();
        await rank(el, 'youth', 1);
        await rank(el, 'trust', 2);
        await expect(el, 'ranked in part').to.be.accessible();
        await click(el, button(el, t.vote));
        await waitUntil(() => textOf($(el, '.message')) === t.thanks);
        await expect(el, 'voted, with results').to.be.accessible();
        await click(el, button(el, t.showTable));
        await expect(el, 'as a table').to.be.accessible();
        api.status = 'closed';
        await push();
        await expect(el, 'closed').to.be.accessible();
        const wall = await mount(questionsPoll({ maxChoices: 3 }), { lang, theme, resultsOnly: true });
        await expect(wall.el, 'results only').to.be.accessible();
      });
    }
  }
});
