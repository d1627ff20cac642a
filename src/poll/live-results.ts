import type { ReactiveControllerHost } from 'lit';
import { LiveChannels, LiveSnapshot } from '../net/live-channel.js';
import { getSnapshot, snapshotUrl, type PollSnapshot } from './poll-client.js';
import { onVote } from './vote-queue.js';

export { POLL_INTERVAL_MS } from '../net/live-channel.js';

const polls = new LiveChannels<PollSnapshot>({
  event: 'totals',
  streamUrl: (base, voter) => snapshotUrl(base, voter, '/stream'),
  fetch: getSnapshot,
  // A stream event sent before a vote's answer may arrive after it: keep the newer one.
  merge: (next, previous) =>
    previous?.updatedAt && next.updatedAt && Date.parse(next.updatedAt) < Date.parse(previous.updatedAt) ? previous : next,
});

// A vote's answer is the freshest snapshot there is; every widget showing that poll takes it.
onVote((base, snapshot) => (snapshot ? polls.accept(base, snapshot) : polls.touch(base)));

/**
 * The live snapshot of the poll at `base` for the widget that owns it: from the poll's event stream,
 * falling back to polling with `If-None-Match` when the stream keeps failing.
 */
export class LiveResults extends LiveSnapshot<PollSnapshot> {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, polls);
  }
}
