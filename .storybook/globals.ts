import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { directionOf } from '../src/i18n/languages.js';

/** Toolbar values that leave a story's own attribute alone. */
export const AS_IN_STORY = 'story';

const OWNED = 'data-sb-owned';

/**
 * Sets (or, back on "as in story", removes) an attribute on every civic widget below `root`.
 * Remembers which ones the toolbar set, so that a story's own `theme="dark"` comes back.
 */
function applyToWidgets(root: Element, name: string, value: string): void {
  for (const widget of root.querySelectorAll('*')) {
    if (!widget.localName.startsWith('civic-') || widget.localName === 'civic-event') continue;
    const owned = (widget.getAttribute(OWNED) ?? '').split(' ').filter(Boolean);
    const mine = owned.includes(name);
    if (value === AS_IN_STORY) {
      if (!mine) continue;
      const original = widget.getAttribute(`data-sb-${name}`);
      if (original === null) widget.removeAttribute(name);
      else widget.setAttribute(name, original);
      widget.removeAttribute(`data-sb-${name}`);
      widget.setAttribute(OWNED, owned.filter((n) => n !== name).join(' '));
      continue;
    }
    if (!mine) {
      const original = widget.getAttribute(name);
      if (original !== null) widget.setAttribute(`data-sb-${name}`, original);
      widget.setAttribute(OWNED, [...owned, name].join(' '));
    }
    widget.setAttribute(name, value);
  }
}

export interface CivicGlobals {
  locale?: string;
  theme?: string;
  timeZone?: string;
}

/** The story inside a wrapper that carries the toolbar's language and direction, theme and zone. */
export function withCivicGlobals(story: () => unknown, globals: CivicGlobals): TemplateResult {
  const lang = globals.locale || 'en';
  const apply = (el?: Element) => {
    if (!el) return;
    // The ref fires before the story inside the wrapper is committed: wait for it.
    queueMicrotask(() => {
      applyToWidgets(el, 'theme', globals.theme || AS_IN_STORY);
      applyToWidgets(el, 'time-zone', globals.timeZone || AS_IN_STORY);
    });
  };
  return html`<div class="civic-story" lang=${lang} dir=${directionOf(lang)} ${ref(apply)}>${story()}</div>`;
}
