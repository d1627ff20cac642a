import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { anchorFeedDates } from './shift-dates.js';
import type { Feed, Poll, QuestionBoard } from '../src/contract/types.js';
import { formatIssue, validateFeed } from '../src/contract/validate.js';

export interface ServedFeed {
  /** File name without `.json`: served at `/feeds/<name>.json`. */
  name: string;
  body: string;
  etag: string;
  feed: Feed;
}

export interface PollEntry {
  poll: Poll;
  feed: ServedFeed;
}

export interface BoardEntry {
  board: QuestionBoard;
  feed: ServedFeed;
}

export interface FeedCatalog {
  feeds: Map<string, ServedFeed>;
  polls: Map<string, PollEntry>;
  /** Question boards (`<civic-questions>`), by id. */
  questions: Map<string, BoardEntry>;
}

export class FeedError extends Error {}

/**
 * Reads and validates every `*.json` in `dir` with the widgets' own validator. Any problem stops the
 * start: a broken feed served to every visitor is worse than a server that refuses to start.
 * `anchorDates` (the demo) moves each feed's dates so that its `demoAnchor` session is live now.
 */
export async function loadFeeds(dir: string, options: { anchorDates?: number } = {}): Promise<FeedCatalog> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  } catch (error) {
    throw new FeedError(`--feeds ${dir}: ${(error as Error).message}`);
  }
  if (files.length === 0) throw new FeedError(`--feeds ${dir}: no *.json feed in this folder`);
  const catalog: FeedCatalog = { feeds: new Map(), polls: new Map(), questions: new Map() };
  for (const file of files) {
    const path = join(dir, file);
    const name = basename(file, '.json');
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new FeedError(`${path}: not valid JSON (${(error as Error).message})`);
    }
    if (options.anchorDates !== undefined) json = anchorFeedDates(json, options.anchorDates);
    const result = validateFeed(json, `http://localhost/feeds/${file}`);
    if (!result.ok) throw new FeedError(`${path}: ${result.issues.map(formatIssue).join('; ')}`);
    const body = JSON.stringify(json);
    const served: ServedFeed = { name, body, etag: etagOf(body), feed: result.feed };
    catalog.feeds.set(name, served);
    for (const poll of result.feed.polls ?? []) {
      const other = catalog.polls.get(poll.id);
      if (other) throw new FeedError(`${path}: poll id "${poll.id}" is already used by ${join(dir, other.feed.name)}.json`);
      catalog.polls.set(poll.id, { poll, feed: served });
    }
    for (const board of result.feed.questions ?? []) {
      const other = catalog.questions.get(board.id);
      if (other) throw new FeedError(`${path}: question board id "${board.id}" is already used by ${join(dir, other.feed.name)}.json`);
      catalog.questions.set(board.id, { board, feed: served });
    }
  }
  return catalog;
}

export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}
