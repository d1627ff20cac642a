import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getSnapshot, PollError, snapshotUrl, type PollSnapshot } from './poll-client.js';
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
  /** Whether `base` answers as a poll API: unknown until the first GET has its answer. */
  api: 'unknown' | 'present' | 'absent';
}

/** Answers that mean "no poll API here" (a static host), not "try again later". */
const ABSENT_STATUS = new Set([404, 405, 501]);
const absent = (error: PollError) => ABSENT_STATUS.has(error.status) || error.code === 'cors' || error.code === 'not-a-poll-api';

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
  window.addEventListener('online', () => channels.forEach((channel) => channel.source || channel.api === 'absent' || stream(channel)));
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
      // An event of the poll's stream proves the API is there, as the probe's answer would.
      channel.api = 'present';
      // The ETag names the snapshot of the last GET; after this event it may not be the one shown,
      // and a 304 would keep this event's snapshot when the server's state went back to the GET's.
      channel.etag = undefined;
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
  if (channel.api === 'absent') return;
  try {
    const { snapshot, etag } = await getSnapshot(channel.base, voterId(), channel.etag);
    channel.etag = etag;
    if (channel.api !== 'present') {
      channel.api = 'present';
      if (!snapshot) channel.hosts.forEach((host) => host.requestUpdate());
    }
    if (snapshot) accept(channel, snapshot);
  } catch (error) {
    if (channel.api !== 'present' && error instanceof PollError && absent(error)) return giveUp(channel, error);
    // keep the last results; the next poll may get through
  }
  if (!channel.source && channel.hosts.size) channel.timer = setTimeout(() => void poll(channel), POLL_INTERVAL_MS);
}

/**
 * The poll's base answers, but not as a poll API (a feed on a static host): voting cannot work here.
 * Said once per page in the console, for the webmaster; the widgets say it to the visitor.
 */
function giveUp(channel: Channel, error: PollError): void {
  // The probe and the stream's fallback may both have been refused: say it once.
  if (channel.api === 'absent') return;
  channel.api = 'absent';
  channel.source?.close();
  channel.source = undefined;
  clearTimeout(channel.timer);
  const cause =
    error.code === 'cors'
      ? 'its server does not allow this site (no Access-Control-Allow-Origin)'
      : error.code === 'not-a-poll-api'
        ? 'the answer is not a poll snapshot (JSON with id and status)'
        : `HTTP ${error.status}`;
  console.error(
    `civic-poll: no poll API at ${channel.base} (${cause}); voting is turned off. Serve the feed with \`civic-widgets serve\`, or set the poll's "endpoint" to a server that speaks the poll API.`,
  );
  channel.hosts.forEach((host) => host.requestUpdate());
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

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The base URL of the poll to follow (undefined: none), read at each of the host's updates. */
    private readonly baseOf: () => string | undefined,
  ) {
    host.addController(this);
  }

  get snapshot(): PollSnapshot | undefined {
    return this.channel?.snapshot;
  }

  /** `absent` once the poll's base has answered that it is not a poll API: no vote can be counted. */
  get api(): Channel['api'] {
    return this.channel?.api ?? 'unknown';
  }

  hostUpdate(): void {
    const base = this.baseOf();
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
      channel = { base: this.base, hosts: new Set(), errors: 0, api: 'unknown' };
      channels.set(this.base, channel);
      // The probe (a plain GET) runs beside the stream: EventSource cannot tell a missing API from
      // a network failure, and the GET's answer is also the first snapshot.
      stream(channel);
      void poll(channel);
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
