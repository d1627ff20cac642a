import type { ServerResponse } from 'node:http';
import type { Poll } from '../src/contract/types.js';
import type { PollService } from './poll-service.js';
import { nextTransition, resultsVisible, snapshot } from '../src/contract/poll-rules.js';
import type { StoreChange } from './storage/store.js';
import { eventFrame, HEARTBEAT_MS, StreamChannel, StreamHub, write } from './event-stream.js';

interface PollClient {
  res: ServerResponse;
  voter: string | undefined;
  /** The voter's current choices, kept up to date from the change feed so a flush needs no query. */
  myChoices: string[] | undefined;
}

/**
 * Every open stream of one poll. A flush reads the tally once, serializes the snapshot once per
 * visibility, and writes it to every stream, adding only each voter's own choices.
 */
class PollBroadcaster {
  readonly channel: StreamChannel<PollClient>;
  private readonly byVoter = new Map<string, Set<PollClient>>();

  constructor(
    private latest: Poll,
    private readonly service: PollService,
  ) {
    this.channel = new StreamChannel<PollClient>({
      now: () => service.now(),
      flush: (clients) => this.flush(clients),
      nextTransition: (now) => nextTransition(this.poll, now),
      forget: (client) => {
        if (client.voter) this.byVoter.get(client.voter)?.delete(client);
        if (client.voter && this.byVoter.get(client.voter)?.size === 0) this.byVoter.delete(client.voter);
      },
    });
  }

  /** The poll as its feed says it now: dates edited in the feed apply to the open streams too. */
  private get poll(): Poll {
    this.latest = this.service.catalog.polls.get(this.latest.id)?.poll ?? this.latest;
    return this.latest;
  }

  async add(client: PollClient): Promise<void> {
    if (client.voter) {
      const set = this.byVoter.get(client.voter) ?? new Set();
      set.add(client);
      this.byVoter.set(client.voter, set);
    }
    this.channel.add(client);
    const first = await this.service.view(this.poll.id, client.voter);
    client.myChoices ??= first.myChoices;
    write(client, frame(JSON.stringify(first)));
  }

  apply(change: StoreChange): void {
    if (change.kind === 'vote') {
      for (const client of this.byVoter.get(change.voter) ?? []) client.myChoices = change.choices;
    } else if (change.kind === 'reset') {
      for (const client of this.channel.clients) client.myChoices = undefined;
    } else if (change.kind === 'external') {
      void this.refreshChoices().then(() => this.channel.changed());
      return;
    }
    this.channel.changed();
  }

  private async flush(clients: ReadonlySet<PollClient>): Promise<void> {
    const tally = await this.service.store.tally(this.poll.id);
    const status = this.service.status(this.poll);
    const bases = new Map<boolean, string>();
    const base = (visible: boolean): string => {
      let json = bases.get(visible);
      if (json === undefined) bases.set(visible, (json = JSON.stringify(snapshot(this.poll, status, tally, undefined, visible))));
      return json;
    };
    const frames = new Map<boolean, string>();
    for (const client of clients) {
      const visible = resultsVisible(this.poll, status, client.myChoices !== undefined);
      if (client.myChoices) {
        write(client, frame(`${base(visible).slice(0, -1)},"myChoices":${JSON.stringify(client.myChoices)}}`));
        continue;
      }
      let shared = frames.get(visible);
      if (shared === undefined) frames.set(visible, (shared = frame(base(visible))));
      write(client, shared);
    }
  }

  private async refreshChoices(): Promise<void> {
    for (const client of this.channel.clients) {
      if (client.voter) client.myChoices = await this.service.store.choicesOf(this.poll.id, client.voter).catch(() => client.myChoices);
    }
  }
}

/** The SSE side of the polls: one broadcaster per poll and one heartbeat for all streams. */
export class SseHub {
  private readonly hub: StreamHub<PollBroadcaster>;

  constructor(service: PollService, heartbeatMs = HEARTBEAT_MS) {
    this.hub = new StreamHub((id) => new PollBroadcaster(service.entry(id).poll, service), heartbeatMs);
    service.catalog.onServe(({ feed }) => feed.polls?.forEach((poll) => this.hub.existing(poll.id)?.channel.redefined()));
    service.onChange((change) => {
      if (change.kind === 'external') for (const broadcaster of this.hub.all()) broadcaster.apply(change);
      else if (change.kind !== 'questions') this.hub.existing(change.pollId)?.apply(change);
    });
  }

  /** Starts streaming to `res`, whose headers the caller has written (the route checked that the poll exists). */
  open(pollId: string, res: ServerResponse, voter: string | undefined): Promise<void> {
    res.write('retry: 3000\n\n');
    return this.hub.for(pollId).add({ res, voter, myChoices: undefined });
  }

  /**
   * Open streams, all polls together (the tests check that closed ones are forgotten).
   * @internal
   */
  get streams(): number {
    return this.hub.streams;
  }

  close(): void {
    this.hub.close();
  }
}

function frame(json: string): string {
  return eventFrame('totals', json);
}
