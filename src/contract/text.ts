import type { Text } from './types.js';

/**
 * The string of `text` for a visitor who reads `lang`: the exact tag, then its primary language
 * (`fr-CA` → `fr`), then the feed's first language, then any.
 */
export function localize(text: Text | undefined, lang: string, feedLanguages: readonly string[] = []): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  // The common case, and an agenda localizes thousands of texts: no map to build.
  const exact = text[lang];
  if (exact !== undefined) return exact;
  const lower = new Map(Object.entries(text).map(([tag, value]) => [tag.toLowerCase(), value]));
  const wanted = lang.toLowerCase();
  const primary = wanted.split('-')[0]!;
  const byPrimary = [...lower.keys()].find((tag) => tag.split('-')[0] === primary);
  const fallback = feedLanguages[0]?.toLowerCase();
  return (
    lower.get(wanted) ??
    (byPrimary !== undefined ? lower.get(byPrimary) : undefined) ??
    (fallback !== undefined ? lower.get(fallback) : undefined) ??
    lower.values().next().value ??
    ''
  );
}
