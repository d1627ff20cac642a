/**
 * Lower case without accents or other combining marks, so that "democratie" finds "démocratie" and a
 * search in Arabic ignores vowel marks.
 */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A test for `searchable` texts that contain every word of the visitor's query; an empty query passes all. */
export function queryMatcher(query = ''): (haystack: string) => boolean {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  return (haystack) => words.every((word) => haystack.includes(word));
}
