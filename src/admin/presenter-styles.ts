import { css } from 'lit';

/**
 * Sized by the screen, not the page: the whole view scales with the screen's shorter side, so a
 * 1280×720 projector (20 px body type) and a 4K screen (60 px) show the same picture. Contrast is
 * the palette's AA; figures in bold.
 */
export const presenterStyles = css`
  :host {
    font-size: max(1rem, 2.75vmin);
    min-block-size: 100vh;
    border-radius: 0;
  }
  .stage {
    block-size: 100vh;
    display: grid;
    grid-template-columns: 1fr auto;
    grid-template-rows: 1fr auto;
    grid-template-areas: 'main vote' 'controls controls';
    gap: 1em 2em;
    padding: 1.25em 2em 0.75em;
  }
  .main {
    grid-area: main;
    min-inline-size: 0;
    min-block-size: 0;
    /* A poll with many long questions scrolls here; the controls and the QR code stay on screen. */
    overflow: auto;
  }
  .results {
    display: grid;
    gap: 0 1.5em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15em), 1fr));
  }
  .hidden-note {
    grid-column: 1 / -1;
  }
  .event {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8em;
  }
  h1 {
    margin-block: 0.15em 0.3em;
    font-size: 1.9em;
    line-height: 1.15;
  }
  .prompt {
    margin-block: 0 0.5em;
    font-size: 1.1em;
  }
  .meta {
    display: flex;
    gap: 1em;
    align-items: center;
    margin-block: 0 0.6em;
  }
  .group-title {
    font-weight: 700;
    font-size: 1em;
    margin-block: 0.6em 0.25em;
  }
  .row {
    align-items: end;
    column-gap: 0.75em;
    margin-block-end: 0.4em;
  }
  .label {
    font-size: 0.85em;
    line-height: 1.3;
  }
  .row .bar {
    block-size: 0.55em;
  }
  .value {
    font-size: 1.3em;
    font-weight: 700;
    line-height: 1.1;
  }
  .hidden-note {
    padding: 0.5em 0.75em;
    border-inline-start: 0.25em solid var(--_accent);
    background: var(--_subtle);
    margin-block: 0.25em 0.5em;
  }
  .vote {
    grid-area: vote;
    text-align: center;
    max-inline-size: 40vw;
  }
  .qr {
    display: block;
    margin-inline: auto;
    inline-size: 30vmin;
    block-size: auto;
    background: #fff;
    border-radius: 0.3em;
  }
  .vote-at {
    margin-block: 0.4em 0;
    font-size: 0.85em;
    overflow-wrap: break-word;
  }
  .short-url {
    font-size: 1.05em;
    /* Typed from the back of the room: never broken inside a word. Keep --vote-url short. */
    white-space: nowrap;
  }
  .controls {
    grid-area: controls;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    font-size: max(1rem, 0.6em);
    justify-content: center;
  }
  .keys {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.4em 1em;
  }
  .keys dd {
    margin: 0;
  }
  kbd {
    font: inherit;
    font-weight: 700;
    border: 2px solid var(--_border);
    border-radius: 0.3em;
    padding-inline: 0.35em;
  }
  @media (max-width: 40rem) {
    :host {
      font-size: 1rem;
    }
    .stage {
      block-size: auto;
      min-block-size: 100vh;
      grid-template-columns: 1fr;
      grid-template-areas: 'main' 'vote' 'controls';
      padding: 1rem;
    }
    .vote {
      max-inline-size: none;
    }
    .qr {
      inline-size: min(70vw, 18rem);
    }
  }
`;
