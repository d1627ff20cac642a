import { html, nothing, type TemplateResult } from 'lit';
import { count } from '../i18n/count.js';
import { numberFormat } from '../i18n/intl.js';
import type { PollMessages } from './messages.js';
import type { FormInput } from './poll-form.js';
import { renderActions } from './poll-form.js';

export interface RankingInput extends Omit<FormInput, 'onChange'> {
  /** The last move, said by the live region. */
  announcement: string;
  onRank: (id: string, rank: number) => void;
  onUp: (id: string) => void;
  onDown: (id: string) => void;
}

/**
 * The ranking form: the ranked answers in their order, then the others. Each has a select giving
 * its place (the fastest way on a phone and with a screen reader) and move up / down buttons. Rows
 * are reused by position (a keyed repeat would cost a kilobyte), and the element puts focus back on
 * the moved answer.
 */
export function renderRankingForm(input: RankingInput): TemplateResult {
  const { texts, t, lang, open, selected: ranking } = input;
  const max = texts.max;
  const number = numberFormat(lang);
  const places = Array.from({ length: max }, (_, i) => i + 1);
  const unranked = [...texts.options.values()].filter((option) => !ranking.includes(option.id));
  const rows = [...ranking.map((id) => texts.options.get(id)!).filter(Boolean), ...unranked];
  return html`<form @submit=${input.onSubmit}>
    <p id="hint" class="hint">${t.rankHint(count(max, lang), max === texts.optionCount)}</p>
    <ul class="ranking" role="list" aria-describedby="hint">
      ${rows.map((option) => {
          const rank = ranking.indexOf(option.id) + 1;
          return html`<li class="rank-row ${rank ? 'ranked' : ''}" part="option" data-option=${option.id}>
            <select
              class="rank"
              aria-label=${t.rankOf(option.text)}
              ?disabled=${!open}
              @change=${(event: Event) => {
                const select = event.target as HTMLSelectElement;
                const place = Number(select.value);
                // Back to what Lit last rendered, so that its next render (which compares with that)
                // sets every select of the reordered rows.
                select.value = String(rank);
                input.onRank(option.id, place);
              }}
            >
              <option value="0" .selected=${!rank}>${t.notRanked}</option>
              ${places.map((place) => html`<option value=${place} .selected=${place === rank}>${number.format(place)}</option>`)}
            </select>
            <span class="rank-text" lang=${option.lang ?? nothing} dir="auto">${option.text}</span>
            <span class="moves">
              <button type="button" class="move up" aria-label=${t.moveUp(option.text)} ?disabled=${!open || rank === 1} @click=${() => input.onUp(option.id)}>
                <span aria-hidden="true">▲</span>
              </button>
              <button type="button" class="move down" aria-label=${t.moveDown(option.text)} ?disabled=${!open || !rank} @click=${() => input.onDown(option.id)}>
                <span aria-hidden="true">▼</span>
              </button>
            </span>
          </li>`;
      })}
    </ul>
    <p class="visually-hidden" role="status">${input.announcement}</p>
    ${renderActions(input)}
  </form>`;
}

/** What the live region says after `id` moved. */
export function announce(t: PollMessages, text: string, ranking: readonly string[], id: string, lang: string): string {
  const rank = ranking.indexOf(id) + 1;
  return rank ? t.nowRanked(text, count(rank, lang)) : t.nowUnranked(text);
}
