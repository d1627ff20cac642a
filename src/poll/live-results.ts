import type { ReactiveControllerHost } from 'lit';
import { LiveChannels, LiveSnapshot } from '../net/live-channel.js';
import type { RequestError } from '../net/request.js';
import { getSnapshot, snapshotUrl, type PollSnapshot } from './poll-client.js';
import { onVote } from './vote-queue.js';

/**
 * The poll's base answers, but not as a poll API (a feed on a static host): voting cannot work here.
 * Said once per page in the console, for the webmaster; the widgets say it to the visitor.
 */
function reportMissing(base: string, error: RequestError): void {
  const cause =
    error.code === 'cors'
      ? 'its server does not allow this site (no Access-Control-Allow-Origin)'
      : error.code === 'not-a-poll-api'
        ? 'the answer is not a poll snapshot (JSON with id and status)'
        : `HTTP ${error.status}`;
  console.error(
    `civic-poll: no poll API at ${base} (${cause}); voting is turned off. Serve the feed with \`civic-widgets serve\`, or set the poll's "endpoint" to a server that speaks the poll API.`,
  );
}

const polls = new LiveChannels<PollSnapshot>({
  event: 'totals',
  streamUrl: (base, voter) => snapshotUrl(base, voter, '/stream'),
  fetch: getSnapshot,
  // A stream event sent before a vote's answer may arrive after it: keep the newer one.
  merge: (next, previous) =>
    previous?.updatedAt && next.updatedAt && Date.parse(next.updatedAt) < Date.parse(previous.updatedAt) ? previous : next,
  // The probe (a plain GET) runs beside the stream, and its answer is also the first snapshot.
  onMissing: reportMissing,
});

// A vote's answer is the freshest snapshot there is; every widget showing that poll takes it.
onVote((base, snapshot) => (snapshot ? polls.accept(base, snapshot) : polls.touch(base)));

/**
 * The live snapshot of the poll at `base` for the widget that owns it: from the poll's event stream,
 * falling back to polling with `If-None-Match` when the stream keeps failing. `api` is `absent` once
 * the poll's base has answered that it is not a poll API: no vote can be counted.
 */
export class LiveResults extends LiveSnapshot<PollSnapshot> {
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    /** The base URL of the poll to follow (undefined: none), read at each of the host's updates. */
    private readonly baseOf: () => string | undefined,
  ) {
    super(host, polls);
  }

  hostUpdate(): void {
    this.follow(this.baseOf());
  }
}
