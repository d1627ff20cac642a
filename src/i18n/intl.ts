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

/** "French" for `fr`, in `lang`; the tag itself when the browser cannot name it. */
export function languageName(tag: string, lang: string): string {
  try {
    return intl(Intl.DisplayNames, lang, { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
