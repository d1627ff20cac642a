import { localize } from '../contract/text.js';
import type { Feed } from '../contract/types.js';
import { intl, languageName } from '../i18n/intl.js';
import { primaryLanguage } from '../i18n/languages.js';
import { recordingEntries, type Entry } from './entries.js';

/** A feed tag as shown: its words, and their language when it is not the page's. */
export interface TagView {
  value: string;
  label: string;
  lang?: string;
}

/** Everything the recordings list shows that does not change while the visitor searches. */
export interface RecordingsView {
  entries: Entry[];
  /** Spoken and caption languages, by their names in the UI language. */
  languages: string[];
  /** Tags for the filter, by label. */
  tags: TagView[];
  tag: (value: string) => TagView;
}

const words = (value: string) => value.toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/**
 * The feed's recordings in the visitor's language and zone, with the choices of the filters; built
 * again only when one of its inputs changes (see `memo`). Tags are plain strings in the feed's
 * language: one that names a track of the feed (by id or title: "e learning", "e-learning") is shown
 * as that track's title in the visitor's language; any other as the organizer wrote it, marked with the
 * feed's language for screen readers and hyphenation (its casing is the organizer's choice, not ours).
 */
export function buildRecordingsView(feed: Feed | undefined, lang: string, ui: string, timeZone: string, bySession: boolean, session?: string): RecordingsView {
  const entries = feed ? recordingEntries(feed, lang, timeZone, bySession, session) : [];
  const name = (tag: string) => languageName(tag, ui);
  const feedLang = feed?.languages?.[0];
  const tagLang = feedLang && primaryLanguage(feedLang) !== primaryLanguage(lang) ? feedLang : undefined;
  const tracks = new Map<string, string>();
  for (const track of feed?.tracks ?? []) {
    const title = localize(track.title, lang, feed?.languages);
    tracks.set(words(track.id), title);
    for (const text of typeof track.title === 'string' ? [track.title] : Object.values(track.title)) tracks.set(words(text), title);
  }
  const views = new Map<string, TagView>();
  const tag = (value: string): TagView => {
    let view = views.get(value);
    if (!view) {
      const track = tracks.get(words(value));
      view = track ? { value, label: track } : { value, label: value, lang: tagLang };
      views.set(value, view);
    }
    return view;
  };
  // A cached collator; a malformed `lang` attribute falls back to English instead of throwing here.
  const collator = intl(Intl.Collator, lang, {}).compare;
  return {
    entries,
    languages: [...new Set(entries.flatMap((e) => e.languages))].sort((a, b) => collator(name(a), name(b))),
    tags: [...new Set(entries.flatMap((e) => e.tags))].map(tag).sort((a, b) => collator(a.label, b.label)),
    tag,
  };
}
