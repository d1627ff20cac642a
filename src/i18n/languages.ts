/** The languages the UI itself is translated into. Content (feed `Text`) may be in any language. */
export const UI_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** A message catalog: every UI language must have every key (the type checker enforces it). */
export type Catalog<T> = Record<UiLanguage, T>;

const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

export function primaryLanguage(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? 'en';
}

/**
 * The UI language for a visitor who reads `lang`; English where we have no translation, or the one
 * language of a one-language script (`civic-widgets.fr.js`, whose UI_LANGUAGES is `['fr']`).
 */
export function uiLanguage(lang: string): UiLanguage {
  const primary = primaryLanguage(lang);
  return (UI_LANGUAGES as readonly string[]).includes(primary) ? (primary as UiLanguage) : UI_LANGUAGES[0];
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL.has(primaryLanguage(lang)) ? 'rtl' : 'ltr';
}
