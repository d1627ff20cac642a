import { html, nothing, type TemplateResult } from 'lit';
import type { PollMessages } from './messages.js';
import type { PollTexts, RankedResults, Results } from './poll-view.js';

export interface ResultsInput {
  texts: PollTexts;
  results: Results;
  t: PollMessages;
  /** The language's colon ("Voters: 3", "Votants : 3"). */
  colon: string;
  asTable: boolean;
  resultsOnly: boolean;
  onToggleTable: () => void;
}

/** Bars for the eyes, the same figures as a table for assistive tech (and on demand for everyone). */
export function renderResults(input: ResultsInput): TemplateResult {
  const { texts, results, t, colon, asTable } = input;
  return html`<section class="results" aria-labelledby="results">
    <h3 id="results">${t.results}</h3>
    <p>${t.voters}${colon} ${results.voters}</p>
    <div aria-hidden="true" ?hidden=${asTable}>
      ${results.groups.map(
        (group) => html`<p class="group" lang=${group.lang ?? nothing} dir="auto">${group.text}</p>
          ${group.rows.map(
            (row) => html`<div class="row" part="item">
              <span lang=${row.lang ?? nothing} dir="auto">${row.text}</span><span class="count">${row.count} · ${row.percent}</span>
              <div class="bar" part="bar"><div class="fill" .style=${`--share:${row.share}`}></div></div>
            </div>`,
          )}`,
      )}
    </div>
    <table class=${asTable ? '' : 'visually-hidden'}>
      <caption class="visually-hidden">${t.results}${colon} ${texts.title.text}</caption>
      <thead>
        <tr><th scope="col">${t.question}</th><th scope="col">${t.votes}</th><th scope="col">${t.share}</th></tr>
      </thead>
      ${results.groups.map(
        (group) => html`<tbody>
          <tr><th scope="rowgroup" colspan="3" lang=${group.lang ?? nothing} dir="auto">${group.text}</th></tr>
          ${group.rows.map((row) => html`<tr><th scope="row" lang=${row.lang ?? nothing} dir="auto">${row.text}</th><td>${row.count}</td><td>${row.percent}</td></tr>`)}
        </tbody>`,
      )}
    </table>
    ${toggle(input)}
  </section>`;
}

export function toggle(input: Pick<ResultsInput, 'resultsOnly' | 'asTable' | 'onToggleTable' | 't'>): TemplateResult | typeof nothing {
  if (input.resultsOnly) return nothing;
  return html`<div class="actions">
    <button class="button secondary" part="button" aria-pressed=${input.asTable} @click=${input.onToggleTable}>${input.t.showTable}</button>
  </div>`;
}

export interface RankedInput extends Omit<ResultsInput, 'results'> {
  results: RankedResults;
}

/** A ranking's result: the options in order of points, with bars, and the same as a table. */
export function renderRankedResults(input: RankedInput): TemplateResult {
  const { texts, results, t, colon, asTable } = input;
  return html`<section class="results" aria-labelledby="results">
    <h3 id="results">${t.results}</h3>
    <p>${t.voters}${colon} ${results.voters}</p>
    <ol class="ranked" aria-hidden="true" ?hidden=${asTable}>
      ${results.rows.map(
        (row) => html`<li class="row" part="item">
          <span><span class="place">${row.rank}</span> <span lang=${row.lang ?? nothing} dir="auto">${row.text}</span></span
          ><span class="count">${t.pointCount(row.points)}</span>
          <div class="bar" part="bar"><div class="fill" .style=${`--share:${row.share}`}></div></div>
        </li>`,
      )}
    </ol>
    <table class=${asTable ? '' : 'visually-hidden'}>
      <caption class="visually-hidden">${t.results}${colon} ${texts.title.text}</caption>
      <thead>
        <tr><th scope="col">${t.rank}</th><th scope="col">${t.question}</th><th scope="col">${t.points}</th></tr>
      </thead>
      <tbody>
        ${results.rows.map((row) => html`<tr><td>${row.rank}</td><th scope="row" lang=${row.lang ?? nothing} dir="auto">${row.text}</th><td>${row.points.text}</td></tr>`)}
      </tbody>
    </table>
    ${toggle(input)}
  </section>`;
}
