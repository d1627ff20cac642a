import { css, type CSSResultArray } from 'lit';
import { paletteStyles } from './tokens.js';

/**
 * What every widget shares: the global `--civic-*` tokens (set them on any ancestor, or on :root),
 * light/dark/auto, reduced motion, and a wall against the host page's CSS.
 */
export const hostStyles: CSSResultArray = [
  paletteStyles,
  css`
    :host {
      --_radius: var(--civic-radius, 8px);
      --_space: var(--civic-space, 1rem);
      --_font: var(--civic-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif);
      --_font-size: var(--civic-font-size, 1rem);
      /* Text on the accent: fixed here for browsers without relative colours; below, white or black,
         whichever the accent's lightness gives at least 4.5:1 with (at L* 49.44 both reach 4.5:1). */
      --_on-accent: var(--civic-color-on-accent, #ffffff);

      display: block;
      box-sizing: border-box;
      color: var(--_text);
      background: var(--_surface);
      font-family: var(--_font);
      font-size: var(--_font-size);
      font-weight: normal;
      font-style: normal;
      line-height: 1.5;
      letter-spacing: normal;
      word-spacing: normal;
      text-transform: none;
      text-indent: 0;
      text-align: start;
      white-space: normal;
      border-radius: var(--_radius);
    }
    :host([theme='dark']) {
      --_on-accent: var(--civic-color-on-accent, #0b1a2e);
    }
    /* Same specificity as the rule above and later, wherever relative colours are understood. */
    @supports (color: lch(from red l c h)) and (color: light-dark(#000, #fff)) {
      :host,
      :host([theme]) {
        --_on-accent: var(--civic-color-on-accent, lch(from var(--_accent) calc((49.44 - l) * 10000) 0 0));
        /* The accent as text on the surface (links, secondary buttons): darkened or lightened only as
           far as AA needs in each scheme; as a background it stays exactly the colour that was set. */
        --_accent-text: light-dark(lch(from var(--_accent) min(l, 48) c h), lch(from var(--_accent) max(l, 68) c h));
      }
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
    :host([hidden]) {
      display: none;
    }
    /* The widget's own box. A page rule such as "* { background: … }" or "* { letter-spacing: … }"
       reaches the host element itself and, through it, everything the host inherits: every property
       is set back to its initial value here, inside the shadow root where the page cannot reach, then
       the few the widget wants are set again (color-scheme and visibility follow the page on purpose). */
    [part~='base'] {
      all: initial;
      display: block;
      box-sizing: border-box;
      color-scheme: inherit;
      visibility: inherit;
      padding: var(--_space);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--_font-size);
      line-height: 1.5;
      text-align: start;
      overflow-wrap: break-word;
    }
    /* A feed that is loading or failed looks the same in every widget: the box alone, no frame. */
    [part~='base']:has(> .error, > .notice:only-child) {
      padding: 0;
      border: 0;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }
    :focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }
    a {
      color: var(--_accent-text, var(--_accent));
    }
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        animation: none !important;
        transition: none !important;
      }
    }
    .visually-hidden {
      position: absolute !important;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
    .notice,
    .error,
    .stale {
      margin: 0;
      padding: calc(var(--_space) * 0.75);
      border-radius: var(--_radius);
      background: var(--_subtle);
    }
    .error {
      border-inline-start: 4px solid var(--_danger);
    }
    .stale {
      font-size: 0.875em;
      color: var(--_muted);
      margin-block-end: calc(var(--_space) * 0.5);
    }
    .button {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      min-height: 44px;
      padding: 0.5em 1em;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_on-accent);
      font: inherit;
      font-weight: 600;
      text-decoration: none;
      cursor: pointer;
    }
    .button.secondary {
      background: transparent;
      color: var(--_accent-text, var(--_accent));
    }
  `,
];
