import { css } from 'lit';
import { hostStyles } from '../styles/host-styles.js';

export const styles = [
  hostStyles,
  css`
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.75);
      align-items: end;
    }
    label {
      display: grid;
      gap: 0.25em;
      font-weight: 600;
    }
    input,
    select {
      min-height: 44px;
      padding: 0.4em 0.6em;
      border: 1px solid var(--_muted);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
      font-weight: normal;
    }
    input {
      min-width: min(100%, 16rem);
    }
    .count {
      color: var(--_muted);
    }
    .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--civic-recordings-min-width, 16rem)), 1fr));
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
    .group,
    h3 {
      margin: 0;
      line-height: 1.3;
    }
    .group {
      font-size: 1.2em;
      margin-block: var(--_space) 0.5em;
    }
    h3 {
      font-size: 1.05em;
    }
    .player {
      /* The poster or player sits above the title, which comes first for screen readers. */
      order: -1;
      position: relative;
      overflow: hidden;
      border-radius: var(--_radius);
      background: var(--civic-recordings-poster-background, var(--_subtle));
      aspect-ratio: 16 / 9;
      margin-block-end: 0.25em;
    }
    .poster,
    iframe,
    video {
      display: block;
      width: 100%;
      height: 100%;
      border: 0;
      border-radius: var(--_radius);
    }
    .poster {
      /* The whole poster is the button; the picture or title behind it is decoration. */
      position: absolute;
      inset: 0;
      padding: 0;
      background: transparent;
      font: inherit;
      cursor: pointer;
    }
    img {
      width: 100%;
      height: 100%;
      object-fit: cover;
    }
    .placeholder {
      display: grid;
      place-items: center;
      height: 100%;
      padding: var(--_space);
      font-weight: 600;
    }
    .play {
      position: absolute;
      inset-block-end: 0.75em;
      inset-inline-start: 0.75em;
      padding: 0.4em 0.9em;
      border-radius: 2em;
      background: var(--_accent);
      color: var(--_on-accent);
      font-weight: 600;
    }
    .play::before {
      content: '▶\\FE0E ';
    }
    .poster:focus-visible {
      outline-offset: -3px;
    }
    .poster:hover .play {
      outline: 2px solid var(--_on-accent);
    }
    iframe,
    video {
      background: #000;
    }
    .meta,
    .privacy {
      margin: 0;
      color: var(--_muted);
      font-size: 0.9em;
    }
    .privacy {
      font-size: 0.8em;
    }
    .meta > * + *::before {
      content: '·';
      margin-inline: 0.4em;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3em;
      margin: 0.25em 0 0;
      padding: 0;
      list-style: none;
      font-size: 0.85em;
    }
    .tags li {
      padding: 0 0.6em;
      border-radius: 1em;
      background: var(--_subtle);
    }
    .watch {
      order: -1;
    }
  `,
];
