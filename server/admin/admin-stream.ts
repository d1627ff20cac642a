import type { ServerResponse } from 'node:http';
import { nextTransition } from '../../src/contract/poll-rules.js';
import type { PollService } from '../poll-service.js';
import { Coalescer, eventFrame, HEARTBEAT_MS } from '../event-stream.js';

/**
 * `/api/admin/stream`: every poll's full summary (totals whatever the poll's `results` rule, status,
 * voters) for the console and the presenter, one `poll` event per changed poll, coalesced like the
 * visitors' streams.
 */
export class AdminStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly pending = new Set<string>();
  private readonly coalescer = new Coalescer(() => this.flush());
  private readonly heartbeat: NodeJS.Timeout;
  private transitionTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly service: PollService,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    service.onChange((change) => {
      if (change.kind === 'external') for (const id of service.catalog.polls.keys()) this.changed(id);
      else if (change.kind !== 'questions') this.changed(change.pollId);
    });
    this.heartbeat = setInterval(() => this.clients.forEach((res) => res.write(': ping\n\n')), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Starts streaming to `res` (headers written by the caller): every poll once, then changes. */
  async open(res: ServerResponse): Promise<void> {
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
    res.write('retry: 3000\n\n');
    if (this.clients.size === 1) this.armTransition();
    for (const summary of await this.service.list()) res.write(frame(summary));
  }

  close(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.transitionTimer);
    this.coalescer.cancel();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  /** A poll that opens or closes by its dates changes nothing in the store: wake up when one does. */
  private armTransition(): void {
    clearTimeout(this.transitionTimer);
    const now = this.service.now();
    const due = [...this.service.catalog.polls.values()].map(({ poll }) => ({ id: poll.id, at: nextTransition(poll, now) }));
    const next = Math.min(...due.map(({ at }) => at ?? Infinity));
    if (!Number.isFinite(next) || this.clients.size === 0) return;
    this.transitionTimer = setTimeout(() => {
      for (const { id, at } of due) if (at !== undefined && at <= this.service.now()) this.changed(id);
      this.armTransition();
    }, Math.min(next - now + 5, 2 ** 31 - 1));
    this.transitionTimer.unref();
  }

  private changed(pollId: string): void {
    if (this.clients.size === 0) return;
    this.pending.add(pollId);
    this.coalescer.schedule();
  }

  /** Throws when the store is unreachable for a moment: the next change sends fresh figures. */
  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    for (const id of ids) {
      const text = frame(await this.service.summary(id));
      for (const res of this.clients) res.write(text);
    }
  }
}

function frame(data: unknown): string {
  return eventFrame('poll', JSON.stringify(data));
}
