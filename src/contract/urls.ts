const ALLOWED = new Set(['https:', 'http:', 'mailto:']);

/**
 * The base that feed URLs resolve against while a feed is parsed. Parsing is synchronous, so one
 * module-level slot is enough and keeps the schema a static, tree-shakable object.
 */
export const urlBase = { current: 'about:blank' };

/** `raw` resolved against `base`, or undefined when it is malformed or not http:, https: or mailto:. */
export function safeUrl(raw: string, base: string): string | undefined {
  try {
    const resolved = new URL(raw, base);
    return ALLOWED.has(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}
