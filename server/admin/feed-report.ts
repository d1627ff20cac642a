import type { FeedReport } from '../../src/contract/admin.js';
import { feedWarnings } from '../../src/contract/feed-warnings.js';
import type { FeedCatalog } from '../feed-catalog.js';

/**
 * Each feed of the folder with its validation result, sessions, build time and sources, from the
 * catalog's `status()`. The last build error (a source that failed, a recipe that no longer
 * validates) is an error: the previous good version stays online meanwhile.
 */
export function feedReports(catalog: FeedCatalog): FeedReport[] {
  return catalog.status().map((status) => {
    const served = catalog.feeds.get(status.name);
    const feed = served?.feed;
    const sourceWarnings = status.sources.flatMap((source) => source.warnings.map((message) => ({ path: source.location, message })));
    return {
      name: status.name,
      url: served ? `/feeds/${status.name}.json` : null,
      kind: status.kind,
      title: feed?.event.title ?? status.name,
      sessions: (feed?.sessions ?? []).map((s) => ({ id: s.id, title: s.title, start: s.start, end: s.end, poll: s.poll ?? null })),
      polls: (feed?.polls ?? []).map((poll) => poll.id),
      loadedAt: status.builtAt ?? null,
      errors: status.error ? [{ path: status.file, message: status.error }] : [],
      warnings: [...(feed ? feedWarnings(feed) : []), ...sourceWarnings],
      sources: status.sources.map((source) => ({
        type: source.type,
        location: source.location,
        lastSync: source.lastSuccess ?? null,
        lastAttempt: source.lastAttempt ?? null,
        lastError: source.error ?? null,
      })),
    };
  });
}
