import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { voterId } from '../poll/voter-id.js';
import { missingApi, RequestError } from './request.js';

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
  /**
   * Given: that first `GET` is also a probe (EventSource cannot tell a missing API from a network
   * failure). When it (or a later one) fails as `missingApi` before the API ever answered, the
   * channel stops for good and this is called once, for the webmaster (the widgets read `api`).
   */
  onMissing?(base: string, error: RequestError): void;
}

/** Whether a base answers as the API: unknown until its first answer. */
export type ApiPresence = 'unknown' | 'present' | 'absent';

/** One API's live snapshot for the whole page: one stream (or one polling loop) however many widgets show it. */
interface Channel<S> {
  base: string;
  hosts: Set<ReactiveControllerHost>;
  snapshot?: S;
  source?: EventSource;
  errors: number;
  etag?: string;
  timer?: ReturnType<typeof setTimeout>;
  api: ApiPresence;
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

  api(base: string): ApiPresence {
    return this.channels.get(base)?.api ?? 'unknown';
  }

  join(base: string, host: ReactiveControllerHost): void {
    this.listen();
    let channel = this.channels.get(base);
    if (!channel) {
      channel = { base, hosts: new Set(), errors: 0, api: 'unknown' };
      this.channels.set(base, channel);
      this.stream(channel);
      // Without EventSource, stream() has already polled.
      if ((this.options.fetchOnOpen || this.options.onMissing) && channel.source) void this.poll(channel);
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
    window.addEventListener('online', () => this.channels.forEach((channel) => channel.source || channel.api === 'absent' || this.stream(channel)));
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
      // An event of the API's stream proves the API is there, as the probe's answer would.
      channel.api = 'present';
      // The ETag names the snapshot of the last GET; after this event it may not be the one shown,
      // and a 304 would keep this event's snapshot when the server's state went back to the GET's.
      channel.etag = undefined;
      try {
        this.take(channel, JSON.parse((event as MessageEvent<string>).data) as S);
      } catch {
        // A malformed event is skipped: a poll's next event is whole again, and a board's list is
        // whole again at the next reconnect or poll.
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
    if (channel.api === 'absent') return;
    try {
      const { snapshot, etag } = await this.options.fetch(channel.base, voterId(), channel.etag);
      channel.etag = etag;
      if (channel.api !== 'present') {
        channel.api = 'present';
        if (!snapshot) channel.hosts.forEach((host) => host.requestUpdate());
      }
      if (snapshot) this.take(channel, snapshot);
    } catch (error) {
      if (channel.api !== 'present' && this.options.onMissing && error instanceof RequestError && missingApi(error)) {
        return this.giveUp(channel, error);
      }
      // keep the last snapshot; the next poll may get through
    }
    if (!channel.source && channel.hosts.size && this.channels.get(channel.base) === channel) {
      channel.timer = setTimeout(() => void this.poll(channel), POLL_INTERVAL_MS);
    }
  }

  /** The base answers, but not as the API (a feed on a static host): stop asking it. */
  private giveUp(channel: Channel<S>, error: RequestError): void {
    // The probe and the stream's fallback may both have been refused: say it once.
    if (channel.api === 'absent') return;
    channel.api = 'absent';
    channel.source?.close();
    channel.source = undefined;
    clearTimeout(channel.timer);
    this.options.onMissing?.(channel.base, error);
    channel.hosts.forEach((host) => host.requestUpdate());
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

  /** `absent` once the base has answered that it is not the API (see `onMissing`): nothing can be sent. */
  get api(): ApiPresence {
    return this.joined ? this.channels.api(this.joined) : 'unknown';
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
