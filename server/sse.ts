import type { ServerResponse } from 'node:http';
import type { Poll } from '../src/contract/types.js';
import type { PollService } from './poll-service.js';
import { nextTransition, resultsVisible, snapshot } from '../src/contract/poll-rules.js';
import type { StoreChange } from './storage/store.js';

/** At most ~4 `totals` events per second per poll, however fast votes arrive. */
export const COALESCE_MS = 250;
/** Often enough for proxies that drop connections idle for 30 s or more. */
export const HEARTBEAT_MS = 15_000;
/** A client that reads slower than this many buffered bytes is dropped rather than buffered forever. */
const MAX_BUFFERED = 1 << 20;
const MAX_TIMER = 2 ** 31 - 1;

interface StreamClient {
  res: ServerResponse;
  voter: string | undefined;
  /** The voter's current choices, kept up to date from the change feed so a flush needs no query. */
  myChoices: string[] | undefined;
}

/**
 * Every open stream of one poll. A change schedules one flush (leading edge, then at most one per
 * COALESCE_MS); a flush reads the tally once, serializes the snapshot once per visibility, and writes
 * it to every stream, adding only each voter's own choices.
 */
class PollBroadcaster {
  private readonly clients = new Set<StreamClient>();
  private readonly byVoter = new Map<string, Set<StreamClient>>();
  private timer: NodeJS.Timeout | undefined;
  private transitionTimer: NodeJS.Timeout | undefined;
  private lastFlush = 0;

  constructor(
    private readonly poll: Poll,
    private readonly service: PollService,
  ) {}

  get size(): number {
    return this.clients.size;
  }

  async add(client: StreamClient): Promise<void> {
    this.clients.add(client);
    if (client.voter) {
      const set = this.byVoter.get(client.voter) ?? new Set();
      set.add(client);
      this.byVoter.set(client.voter, set);
    }
    client.res.on('close', () => this.remove(client));
    if (this.clients.size === 1) this.armTransition();
    const first = await this.service.view(this.poll.id, client.voter);
    client.myChoices ??= first.myChoices;
    write(client, frame(JSON.stringify(first)));
  }

  apply(change: StoreChange): void {
    if (change.kind === 'vote') {
      for (const client of this.byVoter.get(change.voter) ?? []) client.myChoices = change.choices;
    } else if (change.kind === 'reset') {
      for (const client of this.clients) client.myChoices = undefined;
    } else if (change.kind === 'external') {
      void this.refreshChoices().then(() => this.changed());
      return;
    }
    this.changed();
  }

  changed(): void {
    if (this.timer || this.clients.size === 0) return;
    const wait = Math.max(0, this.lastFlush + COALESCE_MS - Date.now());
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  ping(): void {
    for (const client of this.clients) write(client, ': ping\n\n');
  }

  close(): void {
    clearTimeout(this.timer);
    clearTimeout(this.transitionTimer);
    for (const client of this.clients) client.res.end();
    this.clients.clear();
  }

  private remove(client: StreamClient): void {
    this.clients.delete(client);
    if (client.voter) this.byVoter.get(client.voter)?.delete(client);
    if (client.voter && this.byVoter.get(client.voter)?.size === 0) this.byVoter.delete(client.voter);
    if (this.clients.size === 0) clearTimeout(this.transitionTimer);
  }

  private async flush(): Promise<void> {
    this.lastFlush = Date.now();
    try {
      const tally = await this.service.store.tally(this.poll.id);
      const status = this.service.status(this.poll);
      const bases = new Map<boolean, string>();
      const base = (visible: boolean): string => {
        let json = bases.get(visible);
        if (json === undefined) bases.set(visible, (json = JSON.stringify(snapshot(this.poll, status, tally, undefined, visible))));
        return json;
      };
      const frames = new Map<boolean, string>();
      for (const client of this.clients) {
        const visible = resultsVisible(this.poll, status, client.myChoices !== undefined);
        if (client.myChoices) {
          write(client, frame(`${base(visible).slice(0, -1)},"myChoices":${JSON.stringify(client.myChoices)}}`));
          continue;
        }
        let shared = frames.get(visible);
        if (shared === undefined) frames.set(visible, (shared = frame(base(visible))));
        write(client, shared);
      }
    } catch {
      // The store is unreachable for a moment: try again on the next change rather than drop streams.
    } finally {
      this.timer = undefined;
    }
  }

  private async refreshChoices(): Promise<void> {
    for (const client of this.clients) {
      if (client.voter) client.myChoices = await this.service.store.choicesOf(this.poll.id, client.voter).catch(() => client.myChoices);
    }
  }

  /** Opening and closing by date is a change too: streams hear it when it happens. */
  private armTransition(): void {
    clearTimeout(this.transitionTimer);
    const at = nextTransition(this.poll, this.service.now());
    if (at === undefined) return;
    const wait = Math.min(at - this.service.now() + 5, MAX_TIMER);
    this.transitionTimer = setTimeout(() => {
      if (this.service.now() >= at) this.changed();
      this.armTransition();
    }, wait);
    this.transitionTimer.unref();
  }
}

/** The SSE side of the server: one broadcaster per poll and one heartbeat for all streams. */
export class SseHub {
  private readonly broadcasters = new Map<string, PollBroadcaster>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(service: PollService, heartbeatMs = HEARTBEAT_MS) {
    for (const [id, { poll }] of service.catalog.polls) this.broadcasters.set(id, new PollBroadcaster(poll, service));
    service.onChange((change) => {
      if (change.kind === 'external') for (const broadcaster of this.broadcasters.values()) broadcaster.apply(change);
      else if (change.kind !== 'questions') this.broadcasters.get(change.pollId)?.apply(change);
    });
    this.heartbeat = setInterval(() => this.broadcasters.forEach((b) => b.ping()), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Starts streaming to `res`, whose headers the caller has written. */
  open(pollId: string, res: ServerResponse, voter: string | undefined): Promise<void> {
    res.write('retry: 3000\n\n');
    return this.broadcasters.get(pollId)!.add({ res, voter, myChoices: undefined });
  }

  /**
   * Open streams, all polls together (the tests check that closed ones are forgotten).
   * @internal
   */
  get streams(): number {
    let count = 0;
    for (const broadcaster of this.broadcasters.values()) count += broadcaster.size;
    return count;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const broadcaster of this.broadcasters.values()) broadcaster.close();
  }
}

function frame(json: string): string {
  return `event: totals\ndata: ${json}\n\n`;
}

export function write(client: { res: ServerResponse }, text: string): void {
  if (client.res.writableLength > MAX_BUFFERED) client.res.destroy();
  else client.res.write(text);
}
