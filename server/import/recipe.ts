// A feed recipe (`<name>.recipe.json` in the feeds folder): the sources a feed is composed from.
import { ImportError } from './types.js';

export const SOURCE_TYPES = ['schedule', 'ics', 'youtube', 'feed'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const DEFAULT_REFRESH_MS = 10 * 60_000;
const MIN_REFRESH_MS = 1000;

export interface RecipeSource {
  type: SourceType;
  /** An http(s) URL, or a path relative to the feeds folder. */
  location: string;
  refreshMs: number;
  /** Given to every session of this source (a network's member events in one programme). */
  organizer?: unknown;
  timeZone?: string;
  lang?: string;
}

export interface Recipe {
  /** Event fields that win over the sources' (`id`, `title`, `timeZone`, `organizer`, …). */
  event: Record<string, unknown>;
  languages?: string[];
  sources: RecipeSource[];
}

/** `600` (seconds), `"30s"`, `"10m"`, `"1h"` → ms. */
export function parseInterval(value: unknown, path: string): number {
  const match = typeof value === 'number' ? [String(value), String(value), 's'] : /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(String(value).trim());
  const ms = match ? Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'] : NaN;
  if (!Number.isFinite(ms) || ms < MIN_REFRESH_MS) throw new ImportError(`${path}: expected an interval of at least 1 s such as 600, "30s", "10m" or "1h", got ${JSON.stringify(value)}`);
  return ms;
}

export function parseRecipe(json: unknown, file: string): Recipe {
  const object = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!object(json)) throw new ImportError(`${file}: (root): expected a JSON object with "sources"`);
  if (json.event !== undefined && !object(json.event)) throw new ImportError(`${file}: event: expected an object of event fields`);
  if (!Array.isArray(json.sources) || json.sources.length === 0) throw new ImportError(`${file}: sources: expected a non-empty array of sources`);
  const defaultRefresh = json.refresh === undefined ? DEFAULT_REFRESH_MS : parseInterval(json.refresh, `${file}: refresh`);
  const sources = json.sources.map((source, index): RecipeSource => {
    const path = `${file}: sources[${index}]`;
    if (!object(source)) throw new ImportError(`${path}: expected an object such as { "type": "ics", "url": "https://…" }`);
    if (!SOURCE_TYPES.includes(source.type as SourceType)) throw new ImportError(`${path}.type: expected one of ${SOURCE_TYPES.join(', ')}, got ${JSON.stringify(source.type ?? null)}`);
    const location = source.url ?? source.path;
    if (typeof location !== 'string' || !location.trim()) throw new ImportError(`${path}: expected a "url" (http or https) or a "path" (relative to the feeds folder)`);
    if (source.url !== undefined && !/^https?:\/\//i.test(String(source.url))) throw new ImportError(`${path}.url: expected an http or https URL, got ${JSON.stringify(source.url)}`);
    return {
      type: source.type as SourceType,
      location,
      refreshMs: source.refresh === undefined ? defaultRefresh : parseInterval(source.refresh, `${path}.refresh`),
      ...(source.organizer !== undefined ? { organizer: source.organizer } : {}),
      ...(typeof source.timeZone === 'string' ? { timeZone: source.timeZone } : {}),
      ...(typeof source.lang === 'string' ? { lang: source.lang } : {}),
    };
  });
  return {
    event: (json.event as Record<string, unknown> | undefined) ?? {},
    ...(Array.isArray(json.languages) ? { languages: json.languages as string[] } : {}),
    sources,
  };
}
