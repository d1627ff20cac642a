import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getSnapshot, snapshotUrl, type PollSnapshot } from './poll-client.js';
import { voterId } from './voter-id.js';
import { onVote } from './vote-queue.js';

export const POLL_INTERVAL_MS = 10_000;
/** EventSource reconnects by itself; after this many errors in a row we poll instead. */
const MAX_STREAM_ERRORS = 3;

/** One poll's results for the whole page: one stream (or one polling loop) however many widgets show it. */
interface Channel {
  base: string;
  hosts: Set<ReactiveControllerHost>;
  snapshot?: PollSnapshot;
  source?: EventSource;
  errors: number;
  etag?: string;
  timer?: ReturnType<typeof setTimeout>;
}

const channels = new Map<string, Channel>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  // A vote's answer is the freshest snapshot there is; every widget showing that poll takes it.
  onVote((base, snapshot) => {
    const channel = channels.get(base);
    if (!channel) return;
    if (snapshot) accept(channel, snapshot);
    else channel.hosts.forEach((host) => host.requestUpdate());
  });
  // Back online: give the stream another chance before the next poll.
  window.addEventListener('online', () => channels.forEach((channel) => channel.source || stream(channel)));
}

function accept(channel: Channel, snapshot: PollSnapshot): void {
  const previous = channel.snapshot?.updatedAt;
  // A stream event sent before a vote's answer may arrive after it: keep the newer one.
  if (previous && snapshot.updatedAt && Date.parse(snapshot.updatedAt) < Date.parse(previous)) return;
  channel.snapshot = snapshot;
  channel.hosts.forEach((host) => host.requestUpdate());
}

function stream(channel: Channel): void {
  clearTimeout(channel.timer);
  channel.timer = undefined;
  if (typeof EventSource !== 'function') return void poll(channel);
  const source = new EventSource(snapshotUrl(channel.base, voterId(), '/stream'));
  channel.source = source;
  channel.errors = 0;
  source.addEventListener('totals', (event) => {
    channel.errors = 0;
    try {
      accept(channel, JSON.parse((event as MessageEvent<string>).data) as PollSnapshot);
    } catch {
      // a malformed event is skipped; the next one carries the whole snapshot again
    }
  });
  source.addEventListener('error', () => {
    if (++channel.errors < MAX_STREAM_ERRORS && source.readyState !== EventSource.CLOSED) return;
    source.close();
    channel.source = undefined;
    void poll(channel);
  });
}

async function poll(channel: Channel): Promise<void> {
  clearTimeout(channel.timer);
  try {
    const { snapshot, etag } = await getSnapshot(channel.base, voterId(), channel.etag);
    channel.etag = etag;
    if (snapshot) accept(channel, snapshot);
  } catch {
    // keep the last results; the next poll may get through
  }
  if (!channel.source && channel.hosts.size) channel.timer = setTimeout(() => void poll(channel), POLL_INTERVAL_MS);
}

function close(channel: Channel): void {
  channel.source?.close();
  clearTimeout(channel.timer);
  channels.delete(channel.base);
}

/**
 * The live snapshot of the poll at `base` for the widget that owns it: from the poll's event stream,
 * falling back to polling with `If-None-Match` when the stream keeps failing.
 */
export class LiveResults implements ReactiveController {
  private base?: string;
  private channel?: Channel;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get snapshot(): PollSnapshot | undefined {
    return this.channel?.snapshot;
  }

  /** Follows the poll at `base` (undefined: none). */
  follow(base: string | undefined): void {
    if (base === this.base) return;
    this.base = base;
    this.join();
  }

  /** Asks the server now, e.g. when the clock passes the poll's opening or closing time. */
  refresh(): void {
    if (this.channel) void poll(this.channel);
  }

  hostConnected(): void {
    this.join();
  }

  hostDisconnected(): void {
    this.leave();
  }

  private join(): void {
    this.leave();
    if (!this.base || !this.host.isConnected) return;
    listen();
    let channel = channels.get(this.base);
    if (!channel) {
      channel = { base: this.base, hosts: new Set(), errors: 0 };
      channels.set(this.base, channel);
      stream(channel);
    }
    channel.hosts.add(this.host);
    this.channel = channel;
  }

  private leave(): void {
    const channel = this.channel;
    this.channel = undefined;
    if (!channel) return;
    channel.hosts.delete(this.host);
    if (!channel.hosts.size) close(channel);
  }
}
