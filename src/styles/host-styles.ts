import { css } from 'lit';

/**
 * What every widget shares: the global `--civic-*` tokens (set them on any ancestor, or on :root),
 * light/dark/auto, reduced motion, and a reset of the inherited properties a host theme could leak in.
 */
export const hostStyles = css`
  :host {
    --_accent: var(--civic-color-accent, #0b57a4);
    --_on-accent: var(--civic-color-on-accent, #ffffff);
    --_text: var(--civic-color-text, #1c2430);
    --_muted: var(--civic-color-muted, #4f5b6b);
    --_surface: var(--civic-color-surface, #ffffff);
    --_subtle: var(--civic-color-subtle, #f1f4f8);
    --_border: var(--civic-color-border, #c9d1dc);
    --_live: var(--civic-color-live, #b3261e);
    --_danger: var(--civic-color-danger, #b3261e);
    --_success: var(--civic-color-success, #1b6e3a);
    --_focus: var(--civic-color-focus, #1a73e8);
    --_radius: var(--civic-radius, 8px);
    --_space: var(--civic-space, 1rem);
    --_font: var(--civic-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif);
    --_font-size: var(--civic-font-size, 1rem);

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
  :host([hidden]) {
    display: none;
  }
  /* The dark palette stands twice on purpose: a shared css fragment would be a bare declaration list,
     which the build's CSS minifier cannot parse, and it would then skip this whole file. */
  :host([theme='dark']) {
    --_accent: var(--civic-color-accent, #8ab4f8);
    --_on-accent: var(--civic-color-on-accent, #0b1a2e);
    --_text: var(--civic-color-text, #e8eaed);
    --_muted: var(--civic-color-muted, #b4bcc8);
    --_surface: var(--civic-color-surface, #17191c);
    --_subtle: var(--civic-color-subtle, #23272c);
    --_border: var(--civic-color-border, #4a525d);
    --_live: var(--civic-color-live, #f28b82);
    --_danger: var(--civic-color-danger, #f28b82);
    --_success: var(--civic-color-success, #81c995);
    --_focus: var(--civic-color-focus, #8ab4f8);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light']):not([theme='dark'])) {
      --_accent: var(--civic-color-accent, #8ab4f8);
      --_on-accent: var(--civic-color-on-accent, #0b1a2e);
      --_text: var(--civic-color-text, #e8eaed);
      --_muted: var(--civic-color-muted, #b4bcc8);
      --_surface: var(--civic-color-surface, #17191c);
      --_subtle: var(--civic-color-subtle, #23272c);
      --_border: var(--civic-color-border, #4a525d);
      --_live: var(--civic-color-live, #f28b82);
      --_danger: var(--civic-color-danger, #f28b82);
      --_success: var(--civic-color-success, #81c995);
      --_focus: var(--civic-color-focus, #8ab4f8);
    }
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
    color: var(--_accent);
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
    color: var(--_accent);
  }
`;
