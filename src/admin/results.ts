import { html, nothing, type TemplateResult } from 'lit';
import type { Poll } from '../contract/types.js';
import { localize } from '../contract/text.js';
import { numberFormat } from '../i18n/intl.js';

export interface ResultRow {
  id: string;
  text: string;
  value: number;
  /** 0..1 of the largest value of its group, for the bar's length. */
  share: number;
}

export interface ResultGroup {
  id: string;
  title: string;
  rows: ResultRow[];
}

/**
 * The poll's groups and options with their figures: votes, or points when the server sends
 * `scores` (ranking polls). Bars are relative to the group's leader so that a close race shows.
 */
export function resultGroups(poll: Poll, languages: readonly string[], lang: string, totals: Record<string, number> = {}, scores?: Record<string, number>): ResultGroup[] {
  const figures = scores ?? totals;
  return poll.groups.map((group) => {
    const values = group.options.map((option) => figures[option.id] ?? 0);
    const top = Math.max(1, ...values);
    return {
      id: group.id,
      title: localize(group.title, lang, languages),
      rows: group.options.map((option, i) => ({
        id: option.id,
        text: localize(option.text, lang, languages),
        value: values[i]!,
        share: values[i]! / top,
      })),
    };
  });
}

/** One group's bars and numbers; the bar length goes through CSSOM (`.style`), which a strict CSP allows. */
/** `headingLevel`: the group title's level under the page's own headings (0: no title). */
export function renderGroup(group: ResultGroup, lang: string, headingLevel: number): TemplateResult {
  const format = numberFormat(lang);
  return html`<div class="group">
    ${headingLevel ? renderGroupTitle(group, headingLevel) : nothing}
    <ul class="rows" role="list">
      ${group.rows.map(
        (row) => html`<li class="row">
          <span class="label" dir="auto">${row.text}</span>
          <span class="value">${format.format(row.value)}</span>
          <span class="bar" aria-hidden="true"><span .style=${`--share:${row.share}`}></span></span>
        </li>`,
      )}
    </ul>
  </div>`;
}

export function renderGroupTitle(group: ResultGroup, level: number): TemplateResult {
  return html`<p class="group-title" role="heading" aria-level=${level}>${group.title}</p>`;
}
