import * as v from 'valibot';
import { FeedSchema } from './schema.js';
import type { Feed } from './types.js';
import { urlBase } from './urls.js';

export interface FeedIssue {
  /** Where in the feed: `sessions[2].start`, or `(root)`. */
  path: string;
  /** What was expected there. */
  message: string;
}

export type FeedValidation = { ok: true; feed: Feed } | { ok: false; issues: FeedIssue[] };

/**
 * Checks parsed JSON against the feed contract and resolves its URLs against `feedUrl`.
 * Used by the widgets and by the reference server alike.
 */
export function validateFeed(json: unknown, feedUrl: string): FeedValidation {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, issues: [{ path: '(root)', message: 'expected a JSON object' }] };
  }
  urlBase.current = feedUrl;
  try {
    const result = v.safeParse(FeedSchema, json);
    if (result.success) return { ok: true, feed: result.output };
    return { ok: false, issues: result.issues.map(toFeedIssue) };
  } finally {
    urlBase.current = 'about:blank';
  }
}

/** `sessions[2].start: expected an RFC 3339 date-time with an offset` */
export function formatIssue(issue: FeedIssue): string {
  return `${issue.path}: ${issue.message}`;
}

function toFeedIssue(issue: v.BaseIssue<unknown>): FeedIssue {
  let path = '';
  for (const step of issue.path ?? []) {
    const key = step.key;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
  }
  // A missing key reports its own type error ("expected a string"); say "missing" instead.
  const missing = issue.input === undefined && issue.path?.length;
  return { path: path || '(root)', message: missing ? 'missing (required)' : issue.message };
}
