import { css } from 'lit';

/** Shared by the console and the presenter: buttons, status badges, and the result rows of `renderGroup`. */
export const adminStyles = css`
  button,
  .button {
    font: inherit;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: 0.4em;
    padding-inline: 0.9em;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button.danger.primary {
    background: var(--_danger);
    color: var(--_surface);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .badge {
    display: inline-block;
    padding-inline: 0.6em;
    border-radius: 999px;
    border: 2px solid currentColor;
    font-weight: 600;
  }
  .badge.open {
    color: var(--_success);
  }
  .badge.closed {
    color: var(--_danger);
  }
  .badge.scheduled {
    color: var(--_muted);
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr auto;
  }
  .row .bar {
    grid-column: 1 / -1;
  }
  .value {
    font-variant-numeric: tabular-nums;
  }
  .bar {
    block-size: 0.6em;
    background: var(--_subtle);
    border-radius: 999px;
    overflow: hidden;
  }
  .bar > span {
    display: block;
    block-size: 100%;
    inline-size: 100%;
    background: var(--_accent);
    transform-origin: left;
    transform: scaleX(var(--share, 0));
    transition: transform 300ms ease-out;
  }
  :host([dir='rtl']) .bar > span,
  [dir='rtl'] .bar > span {
    transform-origin: right;
  }
  dialog {
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    max-inline-size: min(36rem, 92vw);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
`;
