import { primaryLanguage } from '../i18n/languages.js';
import { queryMatcher } from '../i18n/search.js';

export interface Filterable {
  /** Lower-cased text without diacritics: title, session, speakers, tags. */
  haystack: string;
  /** Spoken and caption languages, primary subtags (`fr`). */
  languages: readonly string[];
  tags: readonly string[];
}

export interface RecordingFilter {
  query?: string;
  /** A primary language subtag; matches a recording spoken or captioned in it. */
  language?: string;
  tag?: string;
}

/** The items that contain every word of the query and have the language and tag asked for. */
export function filterRecordings<T extends Filterable>(items: readonly T[], filter: RecordingFilter): T[] {
  const matchesQuery = queryMatcher(filter.query);
  const language = filter.language && primaryLanguage(filter.language);
  return items.filter(
    (item) =>
      (!language || item.languages.includes(language)) &&
      (!filter.tag || item.tags.includes(filter.tag)) &&
      matchesQuery(item.haystack),
  );
}
