import { css } from 'lit';
import { hostStyles } from '../styles/host-styles.js';
import { panelStyles } from '../styles/panel-styles.js';

export const pollStyles = [
  hostStyles,
  panelStyles,
  css`
    :host {
      --_bar-height: var(--civic-poll-bar-height, 0.75em);
      --_bar-color: var(--civic-poll-bar-color, var(--_accent));
    }
    .when,
    .hint {
      color: var(--_muted);
    }
    form,
    .mine,
    .results {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    fieldset {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    }
    legend {
      font-weight: 600;
      padding-inline: 0.25em;
    }
    .option {
      display: flex;
      gap: 0.6em;
      align-items: flex-start;
      min-height: 44px;
      padding-block: 0.5em;
      cursor: pointer;
    }
    .option input {
      flex: none;
      width: 1.25em;
      height: 1.25em;
      margin: 0.15em 0 0;
      accent-color: var(--_accent);
    }
    :disabled + span {
      color: var(--_muted);
    }
    .row {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.25em 1em;
      margin-block-end: 0.5em;
    }
    .count {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .bar {
      grid-column: 1 / -1;
      height: var(--_bar-height);
      border-radius: var(--_radius);
      background: var(--_subtle);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      inline-size: calc(var(--share) * 100%);
      background: var(--_bar-color);
    }
    .group {
      font-weight: 600;
      margin-block: 0.5em;
    }
    th,
    td {
      padding: 0.25em 0.5em;
      border-block-end: 1px solid var(--_border);
      text-align: start;
    }
    td {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    /* Ranking polls: one row per answer, its place first, the moves at the end (44 px targets). */
    .ranking,
    .ranked {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5em;
    }
    .ranking {
      container-type: inline-size;
    }
    /* On a phone the answer takes the whole line and its controls go below; wider, one line. */
    .rank-row {
      display: grid;
      grid-template-columns: auto minmax(0, 1fr) auto;
      grid-template-areas: 'text text text' 'rank . moves';
      align-items: center;
      gap: 0.5em;
      padding: 0.25em 0.5em;
      border: 1px solid var(--_border);
      border-inline-start-width: 4px;
      border-radius: var(--_radius);
    }
    .rank-row.ranked {
      border-inline-start-color: var(--_accent);
      background: var(--_subtle);
    }
    .rank,
    .move {
      min-height: 44px;
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    @container (min-width: 32em) {
      .rank-row {
        grid-template-areas: 'rank text moves';
      }
    }
    .rank-text {
      grid-area: text;
      overflow-wrap: anywhere;
    }
    .rank {
      grid-area: rank;
      max-inline-size: 9em;
      padding-inline: 0.25em;
    }
    .moves {
      grid-area: moves;
      display: flex;
      gap: 0.25em;
    }
    .move {
      min-inline-size: 44px;
      cursor: pointer;
    }
    .move:disabled {
      color: var(--_muted);
      cursor: default;
      opacity: 0.6;
    }
    .place {
      display: inline-block;
      min-inline-size: 1.5em;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    :host([results-only]) .panel {
      font-size: calc(var(--_font-size) * 1.5);
    }
  `,
];
