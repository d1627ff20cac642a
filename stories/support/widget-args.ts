import type { ArgTypes } from '@storybook/web-components-vite';

/** Controls for the attributes every widget shares; the rest come from custom-elements.json. */
export const WIDGET_ARG_TYPES: Partial<ArgTypes> = {
  lang: { control: 'select', options: ['', 'en', 'fr', 'es', 'ar'], description: 'Empty: the language of the page (the toolbar\'s).' },
  theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  'time-zone': { control: 'text', description: '`local`, `event`, or any IANA zone (type it: `America/Los_Angeles`).' },
};

/**
 * A story's render function: `<tag>` with every arg applied, so that each control changes the element.
 * Attribute names (`time-zone`) become attributes (`true` a bare boolean attribute; empty or false
 * leaves it out), `--civic-*` custom properties go through CSSOM (no style attribute, as under a
 * strict CSP), and functions (the actions Storybook passes for `@fires` events) become listeners.
 * The manifest's camelCase property names duplicate the attributes and are left alone.
 */
export function renderWidget(tag: string): (args: Record<string, unknown>) => HTMLElement {
  return (args) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(args)) {
      if (value === undefined || value === null || value === '' || value === false) continue;
      if (typeof value === 'function') element.addEventListener(name, value as EventListener);
      else if (name.startsWith('--')) element.style.setProperty(name, String(value));
      else if (/^[a-z][a-z0-9-]*$/.test(name)) element.setAttribute(name, value === true ? '' : String(value));
    }
    return element;
  };
}
