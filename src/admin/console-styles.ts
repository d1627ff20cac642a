import { css } from 'lit';

export const consoleStyles = css`
  :host {
    min-block-size: 100vh;
    border-radius: 0;
  }
  .page {
    max-inline-size: 72rem;
    margin-inline: auto;
    padding: var(--_space);
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  .top h1 {
    margin: 0;
    margin-inline-end: auto;
    font-size: 1.5rem;
  }
  .live {
    color: var(--_muted);
  }
  .live.on {
    color: var(--_success);
    font-weight: 600;
  }
  .notice-line {
    min-block-size: 1.5em;
    margin-block: 0.5rem;
  }
  h2 {
    font-size: 1.25rem;
    margin-block: 1rem 0.5rem;
  }
  .cards,
  .questions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .cards {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
  }
  .card-head {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    justify-content: space-between;
  }
  .card h3 {
    margin: 0;
    font-size: 1.1rem;
  }
  .meta {
    color: var(--_muted);
    margin-block: 0.25rem 0.75rem;
  }
  .group-title {
    font-weight: 700;
    font-size: 1rem;
    margin-block: 0.5rem 0.25rem;
  }
  .row {
    column-gap: 0.5rem;
    margin-block-end: 0.4rem;
  }
  .value {
    font-weight: 600;
  }
  .results {
    margin-block-start: 0.75rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
  }
  .sign-in {
    display: grid;
    gap: 0.5rem;
    max-inline-size: 26rem;
  }
  .sign-in input {
    font: inherit;
    min-block-size: 44px;
    padding-inline: 0.5rem;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .issues-title.error-list {
    color: var(--_danger);
  }
  .issues,
  .sources,
  .sessions {
    margin-block: 0.25rem;
    padding-inline-start: 1.25rem;
  }
  details summary {
    cursor: pointer;
    padding-block: 0.65rem;
  }
  h4 {
    font-size: 1rem;
    margin-block: 1rem 0.25rem;
  }
  .question {
    border-block-start: 1px solid var(--_border);
    padding-block: 0.6rem;
  }
  .question-text {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  .question-meta {
    margin-block: 0.15rem 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .question .actions {
    margin-block-start: 0.4rem;
  }
  .question.pending {
    border-inline-start: 4px solid var(--_accent);
    padding-inline-start: 0.6rem;
  }
  .empty {
    color: var(--_muted);
    margin-block: 0.25rem;
  }
  button.toggle[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .cards.boards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 34rem), 1fr));
  }
  .waiting-count {
    border-color: var(--_accent);
    font-weight: 600;
  }
`;
