import { primaryLanguage } from '../i18n/languages.js';
import type { Recording } from '../contract/types.js';
import { encodeComponent } from '../i18n/well-formed.js';

const ID_IN_URL = {
  youtube: /(?:youtu\.be\/|[?&]v=|\/(?:embed|shorts|live|v)\/)([\w-]{6,})/,
  // The shortest path before the digits, so that an unlisted video's hash (`/123/0a1b…`) is not taken for the id.
  vimeo: /vimeo\.com\/(?:[^?#]*?\/)?(\d+)(?:\/([\da-f]+))?\/?(?:[?#]|$)/,
};

/** An unlisted Vimeo video plays only with its hash: `vimeo.com/<id>/<hash>` or `?h=<hash>`. */
function vimeoHash(url = ''): string | undefined {
  return ID_IN_URL.vimeo.exec(url)?.[2] ?? /[?&]h=([\da-f]+)/.exec(url)?.[1];
}

/** The provider's id of a video: the feed's `videoId`, else read from its `url`. */
export function videoIdOf(recording: Recording): string | undefined {
  if (recording.videoId) return recording.videoId;
  if (recording.provider === 'file') return undefined;
  return ID_IN_URL[recording.provider].exec(recording.url ?? '')?.[1];
}

/** The caption track in the visitor's language (`fr-CA` matches `fr`), if the recording has one. */
export function captionFor(recording: Recording, lang: string) {
  const wanted = primaryLanguage(lang);
  return recording.captions?.find((c) => primaryLanguage(c.language) === wanted);
}

/**
 * The provider's privacy-enhanced player URL: YouTube from youtube-nocookie.com, Vimeo with `dnt=1`.
 * It asks for the visitor's UI language, and for their captions when the recording has them.
 * An unlisted Vimeo video keeps its hash (`h`). Undefined for files and for videos whose id cannot be found.
 */
export function embedUrl(recording: Recording, lang: string): string | undefined {
  const id = videoIdOf(recording);
  if (!id) return undefined;
  const caption = captionFor(recording, lang)?.language;
  const query = new URLSearchParams({ autoplay: '1' });
  if (recording.provider === 'youtube') {
    query.set('rel', '0');
    query.set('hl', lang);
    if (caption) {
      query.set('cc_lang_pref', caption);
      query.set('cc_load_policy', '1');
    }
    return `https://www.youtube-nocookie.com/embed/${encodeComponent(id)}?${query}`;
  }
  const hash = vimeoHash(recording.url);
  if (hash) query.set('h', hash);
  query.set('dnt', '1');
  if (caption) query.set('texttrack', caption);
  return `https://player.vimeo.com/video/${encodeComponent(id)}?${query}`;
}
