import { localize } from '../contract/text.js';
import type { Text } from '../contract/types.js';
import { primaryLanguage } from './languages.js';

/**
 * The language of the string `localize(text, lang, feedLanguages)` picks, when it is not the
 * visitor's: an English option on an Arabic page must carry `lang="en"`, or a screen reader reads it
 * with the Arabic voice. Undefined when the text is in the visitor's language, and for a plain
 * string, whose language the feed does not say.
 */
export function textLanguage(text: Text | undefined, lang: string, feedLanguages: readonly string[] = []): string | undefined {
  if (text === undefined || typeof text === 'string' || text[lang] !== undefined) return undefined;
  const value = localize(text, lang, feedLanguages);
  const wanted = primaryLanguage(lang);
  const tags = Object.keys(text).filter((tag) => text[tag] === value);
  // The same precedence as `localize`: a regional variant of the visitor's language is theirs.
  if (tags.some((tag) => primaryLanguage(tag) === wanted)) return undefined;
  const fallback = feedLanguages[0]?.toLowerCase();
  return tags.find((tag) => tag.toLowerCase() === fallback) ?? tags[0];
}

