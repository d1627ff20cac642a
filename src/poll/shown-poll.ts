import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedState } from '../feed/store.js';
import { pickPoll } from '../feed/select.js';
import type { Poll } from '../contract/types.js';
import { pollStatus, type PollDates, type PollStatus } from '../contract/poll-rules.js';
import { clock } from '../time/clock.js';
import { onEverySecond } from '../time/ticker.js';
import { pollBase } from './poll-client.js';

/** What decides which poll a widget shows: its feed, its `poll` attribute, and the dates the server reports. */
export interface ShownPollInputs {
  state: FeedState | undefined;
  poll: string | undefined;
  /** The server's dates when it has said them (they win over the feed's). */
  dates: PollDates | undefined;
}

/**
 * The poll a widget shows and its status by the clock. The clock is read every second, but the host
 * is asked to render only when the pick (the default moves to the next session's poll) or the status
 * by the clock changes: a poll between two such moments costs no render and no storage read.
 */
export class ShownPoll implements ReactiveController {
  poll?: Poll;
  /** The poll's API base URL. */
  base?: string;
  /** The status by the clock alone (the server's snapshot says better once it has answered). */
  byClock?: PollStatus;
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly inputs: () => ShownPollInputs,
    /** Called in `hostUpdate` when the shown poll changed (another poll, or none). */
    private readonly onPollChange: (previous: string | undefined) => void,
    /** Called when the status by the clock changed for the same poll, so the server can be asked. */
    private readonly onClockChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onEverySecond(() => {
      const { poll, base, byClock } = this.derive();
      if (poll !== this.poll || base !== this.base || byClock !== this.byClock) this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  hostUpdate(): void {
    const { poll, base, byClock } = this.derive();
    const previous = this.base;
    const changed = base !== previous;
    const ticked = !changed && byClock !== this.byClock && this.byClock !== undefined;
    this.poll = poll;
    this.base = base;
    this.byClock = byClock;
    if (changed) this.onPollChange(previous);
    else if (ticked) this.onClockChange();
  }

  private derive(): { poll?: Poll; base?: string; byClock?: PollStatus } {
    const { state, poll: id, dates } = this.inputs();
    const now = clock.now();
    const poll = state?.feed && pickPoll(state.feed, now, id);
    if (!poll || !state) return {};
    const base = pollBase(poll, state.url);
    // The server's dates only count for the poll they were reported for.
    const own = base === this.base && dates ? dates : undefined;
    return { poll, base, byClock: pollStatus({ opensAt: own?.opensAt ?? poll.opensAt, closesAt: own?.closesAt ?? poll.closesAt }, now) };
  }
}
