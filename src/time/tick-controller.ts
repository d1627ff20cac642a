import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onEverySecond } from './ticker.js';

/**
 * Re-renders its host as the clock moves: every second, or only when the `granularityMs` bucket
 * changes (60 000 for an agenda's "now" marker). Like relative-time-element, it stops when no change
 * is due: `due()` is read after each of the host's updates (a countdown whose session has ended or
 * was cancelled returns false), and the ticker is left or joined accordingly.
 */
export class TickController implements ReactiveController {
  private unsubscribe?: () => void;
  private bucket = -1;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly granularityMs = 1000,
    private readonly due: () => boolean = () => true,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.follow(true);
  }

  hostUpdate(): void {
    this.follow(this.due());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow(false);
  }

  private follow(ticking: boolean): void {
    if (ticking && this.connected && !this.unsubscribe) {
      this.bucket = -1;
      this.unsubscribe = onEverySecond((now) => {
        const bucket = Math.floor(now / this.granularityMs);
        if (bucket === this.bucket) return;
        this.bucket = bucket;
        this.host.requestUpdate();
      });
    } else if (!ticking && this.unsubscribe) {
      this.unsubscribe();
      this.unsubscribe = undefined;
    }
  }
}
