import type { Feed } from '../../src/contract/types.js';
import type { FeedCatalog } from '../feed-catalog.js';

export interface FeedIssue {
  path: string;
  message: string;
}

export interface SourceReport {
  name: string;
  lastSync: string | null;
  lastError: string | null;
}

export interface FeedReport {
  name: string;
  url: string;
  title: unknown;
  sessions: { id: string; title: unknown; start: string; end: string; poll: string | null }[];
  polls: string[];
  loadedAt: string;
  errors: FeedIssue[];
  warnings: FeedIssue[];
  sources: SourceReport[];
}

/**
 * HOOK (feed warnings): returns the validator's warnings for a feed, by path. Replace the body with
 * `feedWarnings(feed)` from `src/contract/feed-warnings.ts` once that module is on this branch.
 */
export function feedWarningsHook(_feed: Feed): FeedIssue[] {
  return [];
}

/** What a catalog with feed sources and recipes (`catalog.status()`) may tell about each feed. */
interface CatalogStatus {
  name: string;
  loadedAt?: string;
  errors?: FeedIssue[];
  sources?: SourceReport[];
}

/**
 * Each served feed with its validation result, sessions and load time. A feed file that fails
 * validation stops `serve`, so a served feed has no errors of its own unless a catalog that keeps
 * the last good copy of a failing source (`catalog.status()`) reports some.
 */
export function feedReports(catalog: FeedCatalog, startedAt: string): FeedReport[] {
  const withStatus = catalog as FeedCatalog & { status?: () => CatalogStatus[] };
  const statuses = new Map((withStatus.status?.() ?? []).map((status) => [status.name, status]));
  return [...catalog.feeds.values()].map(({ name, feed }) => {
    const status = statuses.get(name);
    return {
      name,
      url: `/feeds/${name}.json`,
      title: feed.event.title,
      sessions: feed.sessions.map((s) => ({ id: s.id, title: s.title, start: s.start, end: s.end, poll: s.poll ?? null })),
      polls: (feed.polls ?? []).map((poll) => poll.id),
      loadedAt: status?.loadedAt ?? startedAt,
      errors: status?.errors ?? [],
      warnings: feedWarningsHook(feed),
      sources: status?.sources ?? [],
    };
  });
}
