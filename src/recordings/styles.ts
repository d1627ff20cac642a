import { css } from 'lit';
import { hostStyles } from '../styles/host-styles.js';

export const styles = [
  hostStyles,
  css`
    :host {
      --_min-width: var(--civic-recordings-min-width, 16rem);
      --_poster-background: var(--civic-recordings-poster-background, var(--_subtle));
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
    }
    label {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      max-width: 100%;
      font-weight: 600;
    }
    input,
    select {
      box-sizing: border-box;
      max-width: 100%;
      min-height: 44px;
      padding: 0 0.5em;
      border: 1px solid var(--_muted);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: inherit;
      font: inherit;
    }
    .list,
    .tags {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_min-width)), 1fr));
      gap: var(--_space);
      margin: 0 0 var(--_space);
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
    }
    h2,
    h3 {
      margin: 0;
      font-size: 1.2em;
    }
    h3 {
      font-size: 1em;
    }
    /* The poster or player shows above the title, which screen readers meet first. */
    .player {
      order: -1;
      position: relative;
      aspect-ratio: 16 / 9;
      overflow: hidden;
      border-radius: var(--_radius);
      background: var(--_poster-background);
    }
    .player > * {
      box-sizing: border-box;
      display: grid;
      place-items: center;
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      border: 0;
      object-fit: cover;
      font: inherit;
      font-weight: 600;
    }
    .player > span,
    .poster {
      place-items: start;
      padding: 0.75em;
    }
    /* The whole poster is the button; the picture or title behind it is decoration. */
    .poster {
      background: none;
      cursor: pointer;
      outline-offset: -3px !important;
    }
    /*
     * A dark disc in the middle with a white ring and a dark halo: at least 3:1 against any poster,
     * light, dark or the accent's own blue, and clear of the caption a thumbnail carries at its edges.
     */
    .poster {
      place-items: center;
    }
    .play {
      display: grid;
      place-items: center;
      inline-size: 3.5em;
      block-size: 3.5em;
      border: 2px solid #fff;
      border-radius: 50%;
      background: rgb(0 0 0 / 0.8);
      box-shadow: 0 0 0 2px rgb(0 0 0 / 0.8);
      color: #fff;
      font-size: 1em;
    }
    .play::before {
      content: '▶\\FE0E';
      padding-inline-start: 0.2em;
    }
    .play > span {
      position: absolute;
      clip-path: inset(50%);
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      white-space: nowrap;
    }
    .duration {
      white-space: nowrap;
    }
    .meta,
    .privacy,
    .count {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875em;
    }
    .count {
      margin-block: 0.5em;
    }
    /* Feed texts may run in the other direction than the UI (English titles in an Arabic list). */
    .meta > * {
      unicode-bidi: isolate;
    }
    .meta > * + *::before {
      content: '·';
      margin-inline: 0.4em;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3em;
    }
    .tags li {
      padding: 0 0.6em;
      border-radius: 1em;
      background: var(--_subtle);
    }
  `,
];
