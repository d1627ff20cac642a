import type { Issue } from './check.js';
import { FeedSchema } from './feed-schema.js';
import type { Feed } from './types.js';
import { urlBase } from './urls.js';

/** Where in the feed (`sessions[2].start`, or `(root)`) and what was expected there. */
export type FeedIssue = Issue;

export type FeedValidation = { ok: true; feed: Feed } | { ok: false; issues: FeedIssue[] };

/**
 * Checks parsed JSON against the feed contract and resolves its URLs against `feedUrl`.
 * Used by the widgets and by the reference server alike.
 */
export function validateFeed(json: unknown, feedUrl: string): FeedValidation {
  urlBase.current = feedUrl;
  try {
    const issues: FeedIssue[] = [];
    const feed = FeedSchema(json, '', issues);
    return issues.length ? { ok: false, issues } : { ok: true, feed };
  } finally {
    urlBase.current = 'about:blank';
  }
}

/** `sessions[2].start: expected an RFC 3339 date-time with an offset` */
export function formatIssue(issue: FeedIssue): string {
  return `${issue.path}: ${issue.message}`;
}
