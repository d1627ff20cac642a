// One pipeline for every feed in the feeds folder: read → import/compose → steps (the demo's date
// shifting) → validate with the widgets' own validator → serve. A plain `<name>.json` is read as is;
// a `<name>.recipe.json` is composed from its sources and kept in sync. Whatever fails after the
// start keeps the last good version online, and is logged and visible in `status()`.
import { JsonSyntaxError, parseJsonWithPosition } from './json-with-position.js';
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { anchorFeedDates } from './shift-dates.js';
import type { Feed, Poll, QuestionBoard } from '../src/contract/types.js';
import { formatIssue, validateFeed } from '../src/contract/validate.js';
import { composeFeed, type Part } from './import/compose.js';
import { ImportError, importText, isUrl, readSource, type ImportFormat } from './import/index.js';
import { parseRecipe, type Recipe, type RecipeSource } from './import/recipe.js';

export interface ServedFeed {
  /** File name without `.json` (or `.recipe.json`): served at `/feeds/<name>.json`. */
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

export class FeedError extends Error {}

/** One step between import and validation, on the raw JSON (the demo's date shifting is one). */
export type FeedStep = (json: unknown) => unknown;

export interface LoadOptions {
  /** The demo: move each feed's dates so that its `demoAnchor` session is live at this instant. */
  anchorDates?: number;
  /** Reload feeds and recipes when their files change (serve). */
  watch?: boolean;
  /** Refresh recipe sources on their intervals (serve). */
  refresh?: boolean;
  /** Throw at load when a feed cannot be built (serve, polls); false records it in status() instead. */
  strict?: boolean;
  /** Where failures after the start are reported (one line each). */
  log?: (line: string) => void;
  fetchTimeoutMs?: number;
  now?: () => number;
}

/** `status()` of one source of a recipe. Times are ISO 8601 strings. */
export interface SourceStatus {
  type: RecipeSource['type'];
  location: string;
  refreshSeconds?: number;
  /** Last time it was read or fetched, and last time that gave a usable version. */
  lastAttempt?: string;
  lastSuccess?: string;
  /** Last time its content changed (not a 304, not the same file). */
  lastChange?: string;
  /** The last failure; undefined after a success. The last good version is still used. */
  error?: string;
  warnings: string[];
  etag?: string;
  lastModified?: string;
}

/** `status()` of one served feed. */
export interface FeedStatus {
  name: string;
  file: string;
  kind: 'feed' | 'recipe';
  /** Whether `/feeds/<name>.json` is served (false only when it never built). */
  served: boolean;
  /** When the version now served was built. */
  builtAt?: string;
  /** The last build failure; the previous good version stays online. Cleared by a good build. */
  error?: string;
  sessions: number;
  recordings: number;
  polls: number;
  sources: SourceStatus[];
}

interface SourceState {
  source: RecipeSource;
  status: SourceStatus;
  part?: Part;
  timer?: NodeJS.Timeout;
}

interface Entry {
  name: string;
  file: string;
  kind: 'feed' | 'recipe';
  status: FeedStatus;
  recipe?: Recipe;
  sources: SourceState[];
}

const RECIPE = '.recipe.json';
const PART = '.part.json';

/** The feeds served by this process, kept up to date. `feeds` and `polls` are read at each request. */
export class FeedCatalog {
  readonly feeds = new Map<string, ServedFeed>();
  readonly polls = new Map<string, PollEntry>();
  /** Question boards (`<civic-questions>`), by id. */
  readonly questions = new Map<string, BoardEntry>();
  private readonly entries = new Map<string, Entry>();
  private readonly steps: FeedStep[];
  private watcher?: FSWatcher;
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private closed = false;
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  /** Builds in flight, so that tests and callers can wait for a refresh to settle. */
  private work: Promise<unknown> = Promise.resolve();
  private readonly served: ((feed: ServedFeed) => void)[] = [];

  constructor(
    readonly dir: string,
    private readonly options: LoadOptions = {},
  ) {
    const anchor = options.anchorDates;
    this.steps = anchor === undefined ? [] : [(json) => anchorFeedDates(json, anchor)];
    this.log = options.log ?? ((line) => console.warn(`civic-widgets: ${line}`));
    this.now = options.now ?? Date.now;
  }

  /**
   * Called with each feed that is served anew (a file edited or added, a source refreshed): the
   * streams of its polls and boards pick up edited dates and texts from it.
   */
  onServe(listener: (feed: ServedFeed) => void): void {
    this.served.push(listener);
  }

  /** Every feed with its sources, for `civic-widgets feeds status` and the organizer's console. */
  status(): FeedStatus[] {
    return [...this.entries.values()].map((entry) => ({ ...entry.status, sources: entry.sources.map((state) => ({ ...state.status })) }));
  }

  /** Resolves when the builds started so far (refreshes, reloads) have finished. */
  async settled(): Promise<void> {
    let current: Promise<unknown>;
    do {
      current = this.work;
      await current;
    } while (current !== this.work);
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const entry of this.entries.values()) for (const state of entry.sources) clearInterval(state.timer);
  }

  async load(): Promise<void> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((file) => file.endsWith('.json') && !file.endsWith(PART)).sort();
    } catch (error) {
      throw new FeedError(`--feeds ${this.dir}: ${(error as Error).message}`);
    }
    if (files.length === 0) throw new FeedError(`--feeds ${this.dir}: no *.json feed in this folder`);
    for (const file of files) {
      const entry = this.entry(file);
      const error = await this.build(entry, { start: true });
      if (error && this.options.strict !== false) throw new FeedError(error);
    }
    if (this.options.refresh) for (const entry of this.entries.values()) this.schedule(entry);
    if (this.options.watch) this.watchFolder();
  }

  private entry(file: string): Entry {
    const kind = file.endsWith(RECIPE) ? 'recipe' : 'feed';
    const name = file.slice(0, -(kind === 'recipe' ? RECIPE : '.json').length);
    const existing = this.entries.get(name);
    if (existing) {
      if (existing.file !== file) throw new FeedError(`${join(this.dir, file)}: ${existing.file} already makes /feeds/${name}.json`);
      return existing;
    }
    const entry: Entry = {
      name,
      file,
      kind,
      sources: [],
      status: { name, file, kind, served: false, sessions: 0, recordings: 0, polls: 0, sources: [] },
    };
    this.entries.set(name, entry);
    return entry;
  }

  /** Builds one feed; on success serves it, on failure keeps the last good one. Returns the failure. */
  private async build(entry: Entry, { start = false, refetch = true } = {}): Promise<string | undefined> {
    const path = join(this.dir, entry.file);
    try {
      let json: unknown;
      if (entry.kind === 'feed') {
        const read = await readSource(entry.file, { baseDir: this.dir });
        if (read.notModified) return undefined;
        json = parseJson(read.text, path);
      } else {
        if (refetch || !entry.recipe) await this.readRecipe(entry, path, start);
        json = composeFeed(
          entry.sources.flatMap((state) => (state.part ? [state.part] : [])),
          { name: entry.name, event: entry.recipe!.event, languages: entry.recipe!.languages },
        );
      }
      for (const step of this.steps) json = step(json);
      const result = validateFeed(json, `http://localhost/feeds/${entry.name}.json`);
      if (!result.ok) throw new ImportError(result.issues.map(formatIssue).join('; '));
      this.serve(entry, json, result.feed, path);
      entry.status.error = undefined;
      entry.status.builtAt = new Date(this.now()).toISOString();
      return undefined;
    } catch (error) {
      if (!(error instanceof ImportError) && !(error instanceof FeedError)) throw error;
      const message = error.message.startsWith(path) ? error.message : `${path}: ${error.message.replace(`${entry.file}: `, '')}`;
      entry.status.error = message;
      if (!start || this.options.strict === false) this.log(`${message}${entry.status.served ? ' (the last good version stays online)' : ''}`);
      return message;
    }
  }

  /** Reads the recipe and every source (at the start, or when the recipe file changes). */
  private async readRecipe(entry: Entry, path: string, start: boolean): Promise<void> {
    const read = await readSource(entry.file, { baseDir: this.dir });
    if (read.notModified) return;
    const recipe = parseRecipe(parseJson(read.text, path), path);
    const previous = new Map(entry.sources.map((state) => [`${state.source.type} ${state.source.location}`, state]));
    for (const state of entry.sources) clearInterval(state.timer);
    entry.recipe = recipe;
    entry.sources = recipe.sources.map((source) => {
      const kept = previous.get(`${source.type} ${source.location}`);
      return {
        source,
        part: kept?.part,
        status: { type: source.type, location: source.location, ...(isUrl(source.location) ? { refreshSeconds: source.refreshMs / 1000 } : {}), warnings: [] },
      };
    });
    await Promise.all(entry.sources.map((state, index) => this.readPart(state, index, start)));
    if (!start && this.options.refresh) this.schedule(entry);
  }

  /** Reads one source into its part. A failure leaves the last good part in place. Returns whether it changed. */
  private async readPart(state: SourceState, index: number, start = false): Promise<boolean> {
    const { source, status } = state;
    status.lastAttempt = new Date(this.now()).toISOString();
    try {
      const read = await readSource(source.location, {
        baseDir: this.dir,
        timeoutMs: this.options.fetchTimeoutMs,
        ...(state.part ? { etag: status.etag, lastModified: status.lastModified } : {}),
      });
      if (read.notModified) {
        status.lastSuccess = status.lastAttempt;
        status.error = undefined;
        return false;
      }
      let feed: Part['feed'];
      if (source.type === 'feed') {
        feed = parseJson(read.text, source.location) as Part['feed'];
        if (!feed || typeof feed !== 'object' || Array.isArray(feed)) throw new ImportError(`${source.location}: (root): expected a JSON object (part of a feed)`);
        status.warnings = [];
      } else {
        const format: ImportFormat | 'auto' = source.type === 'schedule' ? 'auto' : source.type;
        const result = importText(read.text, format, { source: source.location, timeZone: source.timeZone, lang: source.lang, now: this.now() });
        if (source.type === 'schedule' && !result.format.startsWith('schedule')) throw new ImportError(`${source.location}: expected a schedule, found ${result.format}`);
        feed = result.feed as Part['feed'];
        status.warnings = result.warnings;
      }
      state.part = { feed, organizer: source.organizer, handWritten: source.type === 'feed', key: `src${index + 1}` };
      status.etag = read.etag;
      status.lastModified = read.lastModified;
      status.lastSuccess = status.lastAttempt;
      status.lastChange = status.lastAttempt;
      status.error = undefined;
      return true;
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      status.error = error.message;
      // At the start nothing was served yet: the feed is built without this source and it is retried.
      this.log(`${error.message}${state.part ? ' (its last good version is kept)' : start ? ' (left out; retried at its next refresh)' : ''}`);
      return false;
    }
  }

  private serve(entry: Entry, json: unknown, feed: Feed, path: string): void {
    const body = JSON.stringify(json);
    const served: ServedFeed = { name: entry.name, body, etag: etagOf(body), feed };
    const before = [...this.polls].filter(([, other]) => other.feed.name === entry.name).map(([id]) => id);
    const after = (feed.polls ?? []).map((poll) => poll.id);
    for (const id of after) {
      const other = this.polls.get(id);
      if (other && other.feed.name !== entry.name) throw new FeedError(`${path}: poll id "${id}" is already used by ${join(this.dir, this.entries.get(other.feed.name)?.file ?? `${other.feed.name}.json`)}`);
      if (after.indexOf(id) !== after.lastIndexOf(id)) throw new FeedError(`${path}: poll id "${id}" appears twice`);
    }
    // A poll's votes and open streams outlive its definition: removing one takes a restart, adding is live.
    const removedPolls = before.filter((id) => !after.includes(id));
    if (removedPolls.length) {
      throw new FeedError(`${path}: removes ${removedPolls.length === 1 ? 'poll' : 'polls'} ${removedPolls.join(', ')}; restart the server to remove a poll`);
    }
    const boardsBefore = [...this.questions].filter(([, other]) => other.feed.name === entry.name).map(([id]) => id);
    const boardsAfter = (feed.questions ?? []).map((board) => board.id);
    for (const id of boardsAfter) {
      const other = this.questions.get(id);
      if (other && other.feed.name !== entry.name) throw new FeedError(`${path}: question board id "${id}" is already used by ${join(this.dir, this.entries.get(other.feed.name)?.file ?? `${other.feed.name}.json`)}`);
      if (boardsAfter.indexOf(id) !== boardsAfter.lastIndexOf(id)) throw new FeedError(`${path}: question board id "${id}" appears twice`);
    }
    const removedBoards = boardsBefore.filter((id) => !boardsAfter.includes(id));
    if (removedBoards.length) {
      throw new FeedError(`${path}: removes question ${removedBoards.length === 1 ? 'board' : 'boards'} ${removedBoards.join(', ')}; restart the server to remove a board`);
    }
    this.feeds.set(entry.name, served);
    for (const poll of feed.polls ?? []) this.polls.set(poll.id, { poll, feed: served });
    for (const board of feed.questions ?? []) this.questions.set(board.id, { board, feed: served });
    Object.assign(entry.status, { served: true, sessions: feed.sessions.length, recordings: feed.recordings?.length ?? 0, polls: feed.polls?.length ?? 0 });
    for (const listener of this.served) listener(served);
  }

  /** Starts each remote source's refresh timer. */
  private schedule(entry: Entry): void {
    entry.sources.forEach((state, index) => {
      clearInterval(state.timer);
      if (!isUrl(state.source.location)) return;
      state.timer = setInterval(() => this.track(this.refreshSource(entry, state, index)), state.source.refreshMs);
      state.timer.unref();
    });
  }

  private async refreshSource(entry: Entry, state: SourceState, index: number): Promise<void> {
    if (this.closed) return;
    if (await this.readPart(state, index)) await this.build(entry, { refetch: false });
  }

  private track(work: Promise<unknown>): void {
    this.work = Promise.all([this.work, work.catch((error: unknown) => this.log(`unexpected failure: ${(error as Error).stack ?? error}`))]);
  }

  private watchFolder(): void {
    this.watcher = watch(this.dir, (_event, filename) => {
      // Editors' swap and backup files (`.live.json.swp`, `.#live.json`) are not feeds.
      if (!filename || !filename.endsWith('.json') || filename.startsWith('.') || this.closed) return;
      // Editors write a file in several steps: wait for the last one.
      clearTimeout(this.pending.get(filename));
      this.pending.set(
        filename,
        setTimeout(() => {
          this.pending.delete(filename);
          this.track(this.reload(filename));
        }, 100),
      );
    });
    this.watcher.on('error', (error) => this.log(`watching ${this.dir}: ${error.message}`));
  }

  /** A file of the folder changed: rebuild the feed it is, or the recipes that read it. */
  private async reload(filename: string): Promise<void> {
    if (this.closed) return;
    if (!filename.endsWith(PART)) {
      let entry: Entry;
      try {
        entry = this.entry(filename);
      } catch (error) {
        return this.log((error as Error).message);
      }
      await this.build(entry);
      return;
    }
    for (const entry of this.entries.values()) {
      const index = entry.sources.findIndex((state) => !isUrl(state.source.location) && join(this.dir, state.source.location) === join(this.dir, filename));
      if (index >= 0 && (await this.readPart(entry.sources[index]!, index))) await this.build(entry, { refetch: false });
    }
  }
}

/**
 * Reads and validates every feed in `dir` (`*.json` as is, `*.recipe.json` composed from their
 * sources; `*.part.json` only through a recipe) with the widgets' own validator. With `strict`
 * (the default) any problem stops the start: a broken feed served to every visitor is worse than a
 * server that refuses to start.
 */
export async function loadFeeds(dir: string, options: LoadOptions = {}): Promise<FeedCatalog> {
  const catalog = new FeedCatalog(dir, options);
  try {
    await catalog.load();
  } catch (error) {
    catalog.close();
    throw error;
  }
  return catalog;
}

export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** A person's JSON file: a syntax error names the file, line and column, as an ImportError. */
function parseJson(text: string, file: string): unknown {
  try {
    return parseJsonWithPosition(text, file);
  } catch (error) {
    throw error instanceof JsonSyntaxError ? new ImportError(error.message) : error;
  }
}
