import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onEverySecond } from './ticker.js';

/**
 * Re-renders its host as the clock moves: every second, or only when the `granularityMs` bucket
 * changes (60 000 for an agenda's "now" marker).
 */
export class TickController implements ReactiveController {
  private unsubscribe?: () => void;
  private bucket = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly granularityMs = 1000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onEverySecond((now) => {
      const bucket = Math.floor(now / this.granularityMs);
      if (bucket === this.bucket) return;
      this.bucket = bucket;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
