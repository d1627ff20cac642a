// Intl objects are costly to build, and an agenda formats hundreds of values: one cache for every kind.

const cache = new Map<string, unknown>();

/** A cached Intl formatter; a malformed `lang` attribute falls back to English instead of breaking the widget. */
export function intl<T, O>(Kind: new (lang: string, options: O) => T, lang: string, options: O): T {
  const key = `${Kind.name} ${lang} ${JSON.stringify(options)}`;
  let value = cache.get(key) as T | undefined;
  if (!value) {
    try {
      value = new Kind(lang, options);
    } catch {
      value = new Kind('en', options);
    }
    cache.set(key, value);
  }
  return value;
}

/** A cached Intl.NumberFormat; plain numbers without `options`. */
export function numberFormat(lang: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return intl(Intl.NumberFormat, lang, options);
}

/** "2 days", "2 j", "1 hr", "يومان": a unit named in the plural (`days`, `hours`…), with plurals and word order from Intl. */
export function unitFormat(lang: string, unit: string, display: 'long' | 'short' | 'narrow'): Intl.NumberFormat {
  return numberFormat(lang, { style: 'unit', unit: unit.slice(0, -1), unitDisplay: display });
}

/** "English and Spanish", "anglais et espagnol": as the language joins lists. */
export function listFormat(lang: string): Intl.ListFormat {
  return intl(Intl.ListFormat, lang, { type: 'conjunction' });
}

/** "French" for `fr`, in `lang`; the tag itself when the browser cannot name it. */
export function languageName(tag: string, lang: string): string {
  try {
    return intl(Intl.DisplayNames, lang, { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
