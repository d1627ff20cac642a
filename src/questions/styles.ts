import { css } from 'lit';
import { hostStyles } from '../styles/host-styles.js';
import { panelStyles } from '../styles/panel-styles.js';

export const questionStyles = [
  hostStyles,
  panelStyles,
  css`
    .when,
    .hint,
    .counter,
    .meta {
      color: var(--_muted);
    }
    form,
    .mine,
    .list {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    label {
      font-weight: 600;
    }
    textarea,
    input:not([type='radio']) {
      box-sizing: border-box;
      inline-size: 100%;
      padding: 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
    }
    textarea {
      resize: vertical;
    }
    input:not([type='radio']) {
      min-height: 44px;
    }
    .counter {
      font-size: 0.875em;
      font-variant-numeric: tabular-nums;
    }
    .counter.over {
      color: var(--_danger);
      font-weight: 600;
    }
    .list-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em;
    }
    .order {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 0.75em;
      border: 0;
      padding: 0;
    }
    .order legend {
      float: inline-start;
      padding: 0;
      margin-inline-end: 0.25em;
      color: var(--_muted);
    }
    .order label {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      min-height: 44px;
      font-weight: normal;
      cursor: pointer;
    }
    .order input {
      inline-size: 1.1em;
      block-size: 1.1em;
      margin: 0;
      accent-color: var(--_accent);
    }
    ol,
    ul {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      padding: 0;
      list-style: none;
      max-block-size: var(--civic-questions-max-height, none);
      overflow-y: auto;
    }
    li {
      display: flex;
      align-items: flex-start;
      gap: 0.75em;
      padding: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    li.pinned {
      border-inline-start: 4px solid var(--_accent);
    }
    .body {
      flex: 1;
      min-inline-size: 0;
    }
    .text {
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 0.75em;
      font-size: 0.875em;
    }
    .mine .meta {
      margin-block-start: 0.25em;
    }
    .mark {
      font-weight: 600;
      color: var(--_text);
    }
    .mark.done {
      color: var(--_success);
    }
    .mark.warn {
      color: var(--_danger);
    }
    .upvote,
    .count {
      flex: none;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .button.upvote {
      display: grid;
      justify-items: center;
      gap: 0;
      min-inline-size: 3.25em;
      min-block-size: 44px;
      padding: 0.2em 0.5em;
      line-height: 1.2;
    }
  `,
];
