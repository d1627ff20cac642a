import type { Plugin } from 'vite';

// Message catalogs (`src/**/messages.ts`, `src/i18n/common-messages.ts`) hold one entry per UI language,
// written `  en: {` … `  },` at the top level of the catalog object. A one-language script keeps one.

/** One language's entry of a catalog; group 1 is the language. */
export const CATALOG_ENTRY = /\n {2}(en|fr|es|ar): \{[\s\S]*?\n {2}\},/g;
const CATALOG_FILE = /\/src\/(.*\/messages|i18n\/common-messages)\.ts$/;
const LANGUAGES_FILE = /\/src\/i18n\/languages\.ts$/;

/**
 * Builds the widgets for one UI language: every catalog keeps only `lang`'s entry, and every widget
 * speaks `lang` whatever its `lang` attribute (dates and numbers still follow the attribute through Intl).
 */
export function oneLanguage(lang: string): Plugin {
  return {
    name: `civic-one-language-${lang}`,
    enforce: 'pre',
    transform(code, id) {
      if (LANGUAGES_FILE.test(id)) {
        const out = code.replace(/UI_LANGUAGES = \[[^\]]*\]/, `UI_LANGUAGES = [${JSON.stringify(lang)}]`);
        if (out === code) this.error(`${id}: UI_LANGUAGES not found; one-language builds need it`);
        return out;
      }
      if (!CATALOG_FILE.test(id)) return undefined;
      let kept = 0;
      const out = code.replace(CATALOG_ENTRY, (entry, entryLang: string) => (entryLang === lang ? (kept++, entry) : ''));
      // A catalog written another way would ship every language, or none: say so instead.
      if (kept !== 1) this.error(`${id}: expected one "  ${lang}: {" entry at the catalog's top level, found ${kept}`);
      return out;
    },
  };
}
