// The few DOM helpers every widget test uses, written once.

/** The first match of `selector` in `el`'s shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** Every match of `selector` in `el`'s shadow root. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** The text a visitor reads in `node`, whitespace collapsed ('' for no node). */
export const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
