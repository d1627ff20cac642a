import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { voterId } from '../poll/voter-id.js';

export const POLL_INTERVAL_MS = 10_000;
/** EventSource reconnects by itself; after this many errors in a row we poll instead. */
const MAX_STREAM_ERRORS = 3;

export interface LiveOptions<S> {
  /** The SSE event that carries a snapshot. */
  event: string;
  /** The stream's URL for the API at `base`. */
  streamUrl(base: string, voter: string): string;
  /** `GET` the snapshot (for this voter); no `snapshot` when the server answered 304 to `etag`. */
  fetch(base: string, voter: string, etag?: string): Promise<{ snapshot?: S; etag?: string }>;
  /** What to keep when `next` arrives after `previous` (default: `next`). */
  merge?(next: S, previous: S | undefined): S;
  /** Also `GET` once when the stream opens (when the stream does not carry the voter's own data). */
  fetchOnOpen?: boolean;
}

/** One API's live snapshot for the whole page: one stream (or one polling loop) however many widgets show it. */
interface Channel<S> {
  base: string;
  hosts: Set<ReactiveControllerHost>;
  snapshot?: S;
  source?: EventSource;
  errors: number;
  etag?: string;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The live snapshots of one kind of API (polls, question boards), by base URL: from the API's event
 * stream, falling back to polling with `If-None-Match` when the stream keeps failing.
 */
export class LiveChannels<S> {
  private readonly channels = new Map<string, Channel<S>>();
  private listening = false;

  constructor(private readonly options: LiveOptions<S>) {}

  /** A fresher snapshot from elsewhere (the answer to this page's own request). */
  accept(base: string, snapshot: S): void {
    const channel = this.channels.get(base);
    if (channel) this.take(channel, snapshot);
  }

  /** Something the widgets derive from changed (a request's state): render again. */
  touch(base: string): void {
    this.channels.get(base)?.hosts.forEach((host) => host.requestUpdate());
  }

  /** Asks the server now. */
  refresh(base: string): void {
    const channel = this.channels.get(base);
    if (channel) void this.poll(channel);
  }

  snapshot(base: string): S | undefined {
    return this.channels.get(base)?.snapshot;
  }

  join(base: string, host: ReactiveControllerHost): void {
    this.listen();
    let channel = this.channels.get(base);
    if (!channel) {
      channel = { base, hosts: new Set(), errors: 0 };
      this.channels.set(base, channel);
      this.stream(channel);
      if (this.options.fetchOnOpen && channel.source) void this.poll(channel);
    }
    channel.hosts.add(host);
  }

  leave(base: string, host: ReactiveControllerHost): void {
    const channel = this.channels.get(base);
    if (!channel) return;
    channel.hosts.delete(host);
    if (channel.hosts.size) return;
    channel.source?.close();
    clearTimeout(channel.timer);
    this.channels.delete(base);
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    // Back online: give the stream another chance before the next poll.
    window.addEventListener('online', () => this.channels.forEach((channel) => channel.source || this.stream(channel)));
  }

  private take(channel: Channel<S>, snapshot: S): void {
    channel.snapshot = this.options.merge ? this.options.merge(snapshot, channel.snapshot) : snapshot;
    channel.hosts.forEach((host) => host.requestUpdate());
  }

  private stream(channel: Channel<S>): void {
    clearTimeout(channel.timer);
    channel.timer = undefined;
    if (typeof EventSource !== 'function') return void this.poll(channel);
    const source = new EventSource(this.options.streamUrl(channel.base, voterId()));
    channel.source = source;
    channel.errors = 0;
    source.addEventListener(this.options.event, (event) => {
      channel.errors = 0;
      try {
        this.take(channel, JSON.parse((event as MessageEvent<string>).data) as S);
      } catch {
        // a malformed event is skipped; the next one carries the whole snapshot again
      }
    });
    source.addEventListener('error', () => {
      if (++channel.errors < MAX_STREAM_ERRORS && source.readyState !== EventSource.CLOSED) return;
      source.close();
      channel.source = undefined;
      void this.poll(channel);
    });
  }

  private async poll(channel: Channel<S>): Promise<void> {
    clearTimeout(channel.timer);
    try {
      const { snapshot, etag } = await this.options.fetch(channel.base, voterId(), channel.etag);
      channel.etag = etag;
      if (snapshot) this.take(channel, snapshot);
    } catch {
      // keep the last snapshot; the next poll may get through
    }
    if (!channel.source && channel.hosts.size && this.channels.get(channel.base) === channel) {
      channel.timer = setTimeout(() => void this.poll(channel), POLL_INTERVAL_MS);
    }
  }
}

/** The live snapshot at one base URL for the widget that owns it (a ReactiveController). */
export class LiveSnapshot<S> implements ReactiveController {
  private base?: string;
  private joined?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly channels: LiveChannels<S>,
  ) {
    host.addController(this);
  }

  get snapshot(): S | undefined {
    return this.joined ? this.channels.snapshot(this.joined) : undefined;
  }

  /** Follows the API at `base` (undefined: none). */
  follow(base: string | undefined): void {
    if (base === this.base) return;
    this.base = base;
    this.join();
  }

  /** Asks the server now, e.g. when the clock passes an opening or closing time. */
  refresh(): void {
    if (this.joined) this.channels.refresh(this.joined);
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
    this.channels.join(this.base, this.host);
    this.joined = this.base;
  }

  private leave(): void {
    if (this.joined) this.channels.leave(this.joined, this.host);
    this.joined = undefined;
  }
}
