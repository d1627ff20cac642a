import { css } from 'lit';
import { hostStyles } from '../styles/host-styles.js';

export const countdownStyles = [
  hostStyles,
  css`
    :host {
      --_value-size: var(--civic-countdown-value-size, 2em);
      --_unit-bg: var(--civic-countdown-unit-background, var(--_subtle));
      --_live-color: var(--civic-countdown-live-color, var(--_live));
      --_gap: var(--civic-countdown-gap, 0.5rem);
    }
    .base {
      display: grid;
      gap: var(--_gap);
      padding: var(--_space);
    }
    .title {
      font-weight: 700;
      font-size: 1.15em;
    }
    .units {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
    }
    .unit {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      min-inline-size: 4.5em;
      padding: 0.4em 0.6em;
      border-radius: var(--_radius);
      background: var(--_unit-bg);
      /* "5 min" never breaks between the number and its unit. */
      white-space: nowrap;
    }
    .value {
      font-size: var(--_value-size);
      font-weight: 700;
      line-height: 1.1;
      font-variant-numeric: tabular-nums;
    }
    .label,
    .when {
      color: var(--_muted);
    }
    .when {
      margin: 0;
    }
    .live-mark {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      font-weight: 700;
      color: var(--_live-color);
    }
    .dot {
      inline-size: 0.7em;
      block-size: 0.7em;
      border-radius: 50%;
      background: currentColor;
      animation: pulse 1.5s ease-in-out infinite alternate;
    }
    @keyframes pulse {
      to {
        opacity: 0.35;
      }
    }
    .full .button {
      justify-self: start;
    }
    .calendar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 1em;
      font-size: 0.9em;
    }
    .calendar a,
    .recording {
      display: inline-flex;
      align-items: center;
      min-block-size: 44px;
    }
    .compact {
      padding: calc(var(--_space) * 0.5) var(--_space);
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em 0.75em;
    }
    .compact .title {
      font-size: 1em;
    }
    .compact .unit {
      flex-direction: row;
      min-inline-size: 0;
      padding: 0;
      background: none;
    }
    .compact .value {
      font-size: 1em;
    }
    .compact .units {
      gap: 0.4em;
    }
  `,
];
