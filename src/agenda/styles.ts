import { css } from 'lit';
import { hostStyles } from '../styles/host-styles.js';

export const agendaStyles = [
  hostStyles,
  css`
    :host {
      --_max-height: var(--civic-agenda-max-height, none);
      --_time-width: var(--civic-agenda-time-width, 11rem);
    }
    /* Scrolls inside the page when given a max-height; the padding keeps focus rings (3px + 2px) unclipped at its edges. */
    .base {
      container-type: inline-size;
      max-height: var(--_max-height);
      overflow-y: auto;
      padding-inline: 6px;
    }
    .note {
      margin: 0 0 0.5em;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .filters,
    .status {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em 1em;
      align-items: end;
      margin-block-end: 0.75em;
    }
    label {
      display: flex;
      flex-direction: column;
      max-width: 100%;
      font-size: 0.875em;
      font-weight: 600;
    }
    select,
    input {
      box-sizing: border-box;
      max-width: 100%;
      min-height: 44px;
      min-width: 10em;
      padding: 0.4em 0.6em;
      font: inherit;
      font-weight: normal;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_muted);
      border-radius: var(--_radius);
    }
    .status p {
      margin: 0;
      flex: 1 1 auto;
    }
    h2 {
      font-size: 1.2em;
      margin: 1em 0 0.5em;
      padding-block-end: 0.25em;
      border-block-end: 2px solid var(--_accent);
    }
    ul,
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .session {
      padding: 0.75em 0;
      border-block-end: 1px solid var(--_border);
    }
    article {
      scroll-margin-block-start: 1em;
    }
    article:focus {
      outline: 3px solid var(--_focus);
    }
    article > * {
      margin: 0 0 0.4em;
    }
    h3 {
      font-size: 1.05em;
    }
    .when {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    /* Always in the template (cheaper than a nested one for 300 sessions); hidden when there is nothing to say. */
    .event-time:empty,
    .description:empty {
      display: none;
    }
    .event-time {
      display: block;
      font-weight: normal;
      color: var(--_muted);
      font-size: 0.9em;
    }
    /* "+1 day": the event's date is not the one under the heading. */
    .day-shift {
      font-weight: 600;
      white-space: nowrap;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1em;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .meta a,
    .add {
      min-height: 44px;
      display: inline-flex;
      align-items: center;
    }
    .badge {
      display: inline-block;
      margin-inline-start: 0.4em;
      padding: 0 0.5em;
      border-radius: 999px;
      font-size: 0.8em;
      border: 1px solid currentColor;
    }
    .live .badge.live {
      background: var(--_live);
      border-color: var(--_live);
      color: var(--_surface);
    }
    .cancelled h3 {
      text-decoration: line-through;
    }
    .cancelled .badge {
      text-decoration: none;
    }
    .ended,
    .cancelled {
      color: var(--_muted);
    }
    .live {
      border-inline-start: 4px solid var(--_live);
      padding-inline-start: 0.75em;
    }
    .now {
      display: flex;
      gap: 0.5em;
      align-items: center;
      color: var(--_live);
      border-block-start: 2px solid var(--_live);
      font-size: 0.875em;
    }
    .speakers li {
      display: flex;
      gap: 0.5em;
      align-items: center;
      margin-block-end: 0.25em;
    }
    img {
      border-radius: 50%;
      object-fit: cover;
      flex: none;
    }
    .items li {
      padding-inline-start: 0.75em;
      border-inline-start: 2px solid var(--_border);
    }
    .items time {
      font-variant-numeric: tabular-nums;
      color: var(--_muted);
    }
    .add {
      padding: 0;
      border: 0;
      background: none;
      font: inherit;
      color: var(--_accent);
      text-decoration: underline;
      cursor: pointer;
    }
    .add::after {
      content: ' ▾' / '';
    }
    .add[aria-expanded='true']::after {
      content: ' ▴' / '';
    }
    .calendar {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1em;
    }
    .calendar a {
      min-height: 44px;
      display: inline-flex;
      align-items: center;
    }
    @container (min-width: 40rem) {
      article {
        display: grid;
        grid-template-columns: var(--_time-width) 1fr;
        column-gap: 1em;
      }
      article > * {
        grid-column: 2;
      }
      article > .when {
        grid-column: 1;
        grid-row: 1 / span 8;
      }
    }
    @media screen {
      .out {
        display: none;
      }
      /*
       * A long programme lays out only the days near the screen; find-in-page still sees them all. Its
       * paint containment clips at the padding box: room for focus rings, taken from the base's padding.
       */
      .day {
        content-visibility: auto;
        contain-intrinsic-size: auto 40rem;
        padding-inline: 6px;
        margin-inline: -6px;
      }
    }
    @media print {
      .base {
        max-height: none;
        overflow: visible;
      }
      .filters,
      .status,
      .now,
      .add,
      .calendar {
        display: none;
      }
      .session {
        break-inside: avoid;
      }
      a[href^='http']::after {
        content: ' (' attr(href) ')';
        font-size: 0.8em;
        word-break: break-all;
      }
    }
  `,
];
