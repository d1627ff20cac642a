import type { PollSummary } from '../src/contract/admin.js';
import { localize } from '../src/contract/text.js';
import type { Poll } from '../src/contract/types.js';
import { ApiError } from './errors.js';
import type { FeedCatalog, PollEntry } from './feed-catalog.js';
import type { Override, PollSnapshot, PollStatus, PollTally } from '../src/contract/poll-rules.js';
import { ballotRule, checkChoices, pollStatus, snapshot } from '../src/contract/poll-rules.js';
import type { Store, StoreChange, VoteRecord } from './storage/store.js';

export interface PollExport extends PollSummary {
  votes: VoteRecord[];
}

/** The polls of the served feeds, their status (dates and admin overrides) and their votes. */
export class PollService {
  private readonly overrides = new Map<string, Override>();
  private readonly listeners: ((change: StoreChange) => void)[] = [];

  static async create(catalog: FeedCatalog, store: Store, now: () => number = Date.now): Promise<PollService> {
    const service = new PollService(catalog, store, now);
    await service.reloadOverrides();
    store.onChange((change) => void service.applyChange(change));
    return service;
  }

  private constructor(
    readonly catalog: FeedCatalog,
    readonly store: Store,
    readonly now: () => number,
  ) {}

  /** Called after the service has taken a change into account (for the SSE broadcasters). */
  onChange(listener: (change: StoreChange) => void): void {
    this.listeners.push(listener);
  }

  entry(pollId: string): PollEntry {
    const entry = this.catalog.polls.get(pollId);
    if (!entry) throw new ApiError(404, 'unknown-poll', `no poll "${pollId}" on this server`);
    return entry;
  }

  status(poll: Poll): PollStatus {
    return pollStatus(poll, this.now(), this.overrides.get(poll.id) ?? null);
  }

  async view(pollId: string, voter?: string): Promise<PollSnapshot> {
    const { poll } = this.entry(pollId);
    const [tally, mine] = await Promise.all([this.store.tally(pollId), voter ? this.store.choicesOf(pollId, voter) : undefined]);
    return snapshot(poll, this.status(poll), tally, mine);
  }

  async vote(pollId: string, voter: string, choices: string[]): Promise<PollSnapshot> {
    const { poll } = this.entry(pollId);
    const status = this.status(poll);
    if (status !== 'open') throw new ApiError(409, 'poll-not-open', `poll "${pollId}" is ${status}`);
    const violation = checkChoices(poll, choices);
    if (violation) throw new ApiError(400, violation.code, violation.message);
    const { tally } = await this.store.vote(pollId, voter, choices, ballotRule(poll));
    return snapshot(poll, status, tally, choices);
  }

  async setOverride(pollId: string, override: Override): Promise<PollSummary> {
    this.entry(pollId);
    await this.store.setOverride(pollId, override);
    // PostgreSQL tells us through NOTIFY a moment later; this request's answer must already see it.
    this.overrides.set(pollId, override);
    return this.summary(pollId);
  }

  async reset(pollId: string): Promise<PollSummary> {
    this.entry(pollId);
    await this.store.reset(pollId);
    return this.summary(pollId);
  }

  async list(): Promise<PollSummary[]> {
    return Promise.all([...this.catalog.polls.keys()].map((id) => this.summary(id)));
  }

  async export(pollId: string): Promise<PollExport> {
    const [summary, votes] = await Promise.all([this.summary(pollId), this.store.votes(pollId)]);
    return { ...summary, votes };
  }

  async summary(pollId: string): Promise<PollSummary> {
    const { poll, feed } = this.entry(pollId);
    const tally: PollTally = await this.store.tally(pollId);
    const full = snapshot(poll, this.status(poll), tally, undefined, true);
    return {
      id: poll.id,
      feed: feed.name,
      title: localize(poll.title, feed.feed.languages?.[0] ?? 'en', feed.feed.languages),
      status: full.status,
      override: this.overrides.get(pollId) ?? null,
      opensAt: full.opensAt,
      closesAt: full.closesAt,
      voters: tally.voters,
      totals: full.totals ?? {},
      ...(full.scores ? { scores: full.scores } : {}),
      updatedAt: tally.updatedAt,
    };
  }

  private async reloadOverrides(): Promise<void> {
    const stored = await this.store.overrides();
    this.overrides.clear();
    for (const [id, override] of stored) this.overrides.set(id, override);
  }

  private async applyChange(change: StoreChange): Promise<void> {
    if (change.kind === 'override') this.overrides.set(change.pollId, change.override);
    if (change.kind === 'external') await this.reloadOverrides().catch(() => {});
    for (const listener of this.listeners) listener(change);
  }
}
