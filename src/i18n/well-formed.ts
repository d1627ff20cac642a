// Feed text is any JSON string, and JSON allows lone UTF-16 surrogates ("\ud83d") that the validator
// cannot refuse without refusing real text cut mid-emoji by an exporter. `encodeURIComponent` throws
// `URIError` on them, so every encoder of feed data goes through here.

type WithWellFormed = { toWellFormed?: () => string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `value` with each lone surrogate replaced by U+FFFD, as `String.prototype.toWellFormed` does (Chrome 111, Safari 16.4, Firefox 119). */
export function wellFormed(value: string): string {
  const native = (value as WithWellFormed).toWellFormed;
  return native ? native.call(value) : value.replace(LONE_SURROGATE, '\uFFFD');
}

/** `encodeURIComponent` that never throws: a lone surrogate is encoded as U+FFFD (`%EF%BF%BD`). */
export function encodeComponent(value: string): string {
  return encodeURIComponent(wellFormed(value));
}
