import type { ServerResponse } from 'node:http';

/** At most ~4 events per second per stream, however fast changes arrive. */
export const COALESCE_MS = 250;
/** Often enough for proxies that drop connections idle for 30 s or more. */
export const HEARTBEAT_MS = 15_000;
/** A client that reads slower than this many buffered bytes is dropped rather than buffered forever. */
const MAX_BUFFERED = 1 << 20;
/** setTimeout fires at once for longer delays (a signed 32-bit count of milliseconds). */
const MAX_TIMER = 2 ** 31 - 1;

/** One Server-Sent Events frame carrying `json` as its data. */
export function eventFrame(event: string, json: string): string {
  return `event: ${event}\ndata: ${json}\n\n`;
}

export function write(client: { res: ServerResponse }, text: string): void {
  if (client.res.writableLength > MAX_BUFFERED) client.res.destroy();
  else client.res.write(text);
}

/**
 * Runs `flush` on the leading edge of a change, then at most once per COALESCE_MS, never two at once.
 * A change that arrives while a flush runs gets a flush of its own after it: the running one may have
 * read the store before that change. A flush that throws (the store unreachable for a moment) is
 * dropped: the next change tries again rather than the streams being closed.
 */
export class Coalescer {
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;
  private running = false;
  private again = false;

  constructor(private readonly flush: () => Promise<void>) {}

  schedule(): void {
    if (this.running) this.again = true;
    if (this.timer || this.running) return;
    const wait = Math.max(0, this.lastFlush + COALESCE_MS - Date.now());
    this.timer = setTimeout(() => void this.run(), wait);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.again = false;
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    this.lastFlush = Date.now();
    try {
      await this.flush();
    } catch {
      // See the class comment: the next change tries again.
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }
}

/**
 * Wakes up when the next date-driven change (a poll or board opening or closing) is due: such a change
 * touches no store, so nothing else would tell the streams.
 */
export class TransitionTimer {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly now: () => number,
    /** The next instant something changes by date, if any. */
    private readonly next: (now: number) => number | undefined,
    private readonly due: (at: number) => void,
  ) {}

  arm(): void {
    clearTimeout(this.timer);
    const now = this.now();
    const at = this.next(now);
    if (at === undefined) return;
    this.timer = setTimeout(() => {
      this.due(at);
      this.arm();
    }, Math.min(at - now + 5, MAX_TIMER));
    this.timer.unref();
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}

export interface StreamClient {
  res: ServerResponse;
}

export interface ChannelOptions<C extends StreamClient> {
  now: () => number;
  /** Writes the current state to every client. */
  flush: (clients: ReadonlySet<C>) => Promise<void>;
  /** The next instant the state changes by date alone. */
  nextTransition: (now: number) => number | undefined;
  /** Forgets what the owner keeps about a client that went away. */
  forget?: (client: C) => void;
}

/**
 * The open streams of one poll or board: a change schedules one coalesced flush to all of them, a
 * date-driven change counts as a change, and a closed connection is forgotten.
 */
export class StreamChannel<C extends StreamClient> {
  readonly clients = new Set<C>();
  private readonly coalescer: Coalescer;
  private readonly transition: TransitionTimer;

  constructor(private readonly options: ChannelOptions<C>) {
    this.coalescer = new Coalescer(() => options.flush(this.clients));
    this.transition = new TransitionTimer(options.now, options.nextTransition, (at) => {
      if (options.now() >= at) this.changed();
    });
  }

  get size(): number {
    return this.clients.size;
  }

  add(client: C): void {
    this.clients.add(client);
    client.res.on('close', () => this.remove(client));
    if (this.clients.size === 1) this.transition.arm();
  }

  changed(): void {
    if (this.clients.size > 0) this.coalescer.schedule();
  }

  /** The poll's or board's definition changed (its feed was edited): tell the streams, and re-time its dates. */
  redefined(): void {
    if (this.clients.size === 0) return;
    this.transition.arm();
    this.coalescer.schedule();
  }

  ping(): void {
    for (const client of this.clients) write(client, ': ping\n\n');
  }

  close(): void {
    this.coalescer.cancel();
    this.transition.cancel();
    for (const client of this.clients) client.res.end();
    this.clients.clear();
  }

  private remove(client: C): void {
    this.clients.delete(client);
    this.options.forget?.(client);
    if (this.clients.size === 0) this.transition.cancel();
  }
}

/**
 * One broadcaster per poll or board, made at its first stream (so that a feed added while the server
 * runs streams too), and one heartbeat for all their streams.
 */
export class StreamHub<B extends { readonly channel: Pick<StreamChannel<never>, 'size' | 'ping' | 'close'> }> {
  private readonly broadcasters = new Map<string, B>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly create: (id: string) => B,
    heartbeatMs: number,
  ) {
    this.heartbeat = setInterval(() => this.broadcasters.forEach(({ channel }) => channel.ping()), heartbeatMs);
    this.heartbeat.unref();
  }

  /** The broadcaster of `id`, made now if it has none yet. */
  for(id: string): B {
    let broadcaster = this.broadcasters.get(id);
    if (!broadcaster) this.broadcasters.set(id, (broadcaster = this.create(id)));
    return broadcaster;
  }

  /** The broadcaster of `id` if it has streamed: a change to a poll nobody follows needs none. */
  existing(id: string): B | undefined {
    return this.broadcasters.get(id);
  }

  all(): IterableIterator<B> {
    return this.broadcasters.values();
  }

  /** Open streams, all channels together (the tests check that closed ones are forgotten). */
  get streams(): number {
    let count = 0;
    for (const { channel } of this.broadcasters.values()) count += channel.size;
    return count;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const { channel } of this.broadcasters.values()) channel.close();
  }
}
