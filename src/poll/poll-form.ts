import { html, nothing, type TemplateResult } from 'lit';
import { count } from '../i18n/count.js';
import type { PollMessages } from './messages.js';
import type { PollTexts } from './poll-view.js';

export interface FormInput {
  texts: PollTexts;
  t: PollMessages;
  lang: string;
  open: boolean;
  selected: readonly string[];
  /** The visitor is changing an earlier vote: offer to keep it. */
  changing: boolean;
  onSubmit: (event: SubmitEvent) => void;
  onChange: (event: Event) => void;
  onKeep: () => void;
}

/** The choice form of a `single` or `multiple` poll: one fieldset per group. */
export function renderChoiceForm(input: FormInput): TemplateResult {
  const { texts, t, lang, open, selected } = input;
  const single = texts.poll.mode === 'single';
  const max = texts.max;
  const full = !single && max < texts.optionCount && selected.length >= max;
  // Said once when the last allowed box is checked, since the others turn disabled under the
  // visitor's fingers; the visible line stays the fieldsets' description, hidden from browsing to
  // avoid reading it twice.
  const limit = t.limitReached(count(max, lang));
  return html`<form @submit=${input.onSubmit} @change=${input.onChange}>
    <p id="hint" class="hint">${single ? t.chooseOne : t.chooseUpTo(count(max, lang))}</p>
    ${texts.groups.map(
      (group) => html`<fieldset ?disabled=${!open} aria-describedby=${full ? 'hint limit' : 'hint'}>
        <legend lang=${group.lang ?? nothing} dir="auto">${group.text}</legend>
        ${group.options.map((option) => {
          const checked = selected.includes(option.id);
          return html`<label class="option" part="option"
            ><input type=${single ? 'radio' : 'checkbox'} name="choice" .value=${option.id} .checked=${checked} ?disabled=${full && !checked} /><span
              lang=${option.lang ?? nothing}
              dir="auto"
              >${option.text}</span
            ></label
          >`;
        })}
      </fieldset>`,
    )}
    ${full ? html`<p id="limit" class="hint" aria-hidden="true">${limit}</p>` : nothing}
    <p class="visually-hidden" role="status">${full ? limit : ''}</p>
    ${renderActions(input)}
  </form>`;
}

/** Vote, and "Keep my vote" while changing it; nothing while the poll is not open. */
export function renderActions(input: Pick<FormInput, 'open' | 'changing' | 't' | 'onKeep'>): TemplateResult | typeof nothing {
  if (!input.open) return nothing;
  return html`<div class="actions">
    <button class="button" part="button">${input.t.vote}</button>
    ${input.changing ? html`<button class="button secondary" part="button" type="button" @click=${input.onKeep}>${input.t.keepVote}</button>` : nothing}
  </div>`;
}

/** The visitor's vote (in ranking polls, in its order), with "Change my vote" while the poll is open. */
export function renderMine(texts: PollTexts, mine: readonly string[], t: PollMessages, open: boolean, onEdit: () => void): TemplateResult {
  const items = mine.map((id) => {
    const option = texts.options.get(id);
    return html`<li lang=${option?.lang ?? nothing} dir="auto">${option?.text ?? id}</li>`;
  });
  return html`<div class="mine" tabindex="-1">
    <h3>${t.yourVote}</h3>
    ${texts.poll.mode === 'ranking' ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`}
    ${open
      ? html`<div class="actions">
          <button class="button secondary" part="button" @click=${onEdit}>${t.changeVote}</button>
        </div>`
      : nothing}
  </div>`;
}
