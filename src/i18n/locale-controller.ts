import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, uiLanguage, type UiLanguage } from './languages.js';

type LocaleHost = ReactiveControllerHost & HTMLElement;

const controllers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function watchLanguageChanges(): void {
  if (observer) return;
  // One observer for the page: any `lang` change anywhere may change what a widget inherits.
  observer = new MutationObserver(() => controllers.forEach((c) => c.resolve()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  window.addEventListener('languagechange', () => controllers.forEach((c) => c.resolve()));
}

/** The closest `lang` attribute, crossing shadow roots, else the browser's language. */
function inheritedLanguage(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;
  }
  return navigator.language || 'en';
}

/**
 * The language a widget speaks: its own `lang`, else the closest ancestor's, else `<html lang>`,
 * else the browser's. Re-renders the host when any of those change.
 */
export class LocaleController implements ReactiveController {
  /** The content language (a BCP 47 tag), used to pick feed texts and for Intl formatting. */
  lang = 'en';
  /** The language of the widget's own words (not 'en' in a one-language script such as civic-widgets.fr.js). */
  ui: UiLanguage = uiLanguage(this.lang);
  dir: 'ltr' | 'rtl' = 'ltr';

  constructor(private readonly host: LocaleHost) {
    host.addController(this);
  }

  hostConnected(): void {
    controllers.add(this);
    watchLanguageChanges();
    this.resolve();
  }

  hostDisconnected(): void {
    controllers.delete(this);
  }

  resolve(): void {
    const lang = inheritedLanguage(this.host);
    if (lang === this.lang) return;
    this.lang = lang;
    this.ui = uiLanguage(lang);
    this.dir = directionOf(lang);
    this.host.requestUpdate();
  }
}
