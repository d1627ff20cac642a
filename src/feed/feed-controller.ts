import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { feedContext } from './context.js';
import { feedStoreFor, type FeedState } from './store.js';

export type FeedHost = ReactiveControllerHost &
  HTMLElement & {
    src?: string;
    refresh?: number;
  };

let contextRoot: ContextRoot | undefined;

/**
 * A widget's feed: from its own `src` when it has one (anywhere on the page), otherwise from the
 * closest `<civic-event>`. Both paths end in the one store per URL.
 */
export class FeedController implements ReactiveController {
  private fromContext?: FeedState;
  private own?: FeedState;
  private followed?: { src: string; refresh?: number };
  private unsubscribe?: () => void;

  constructor(private readonly host: FeedHost) {
    host.addController(this);
    if (!contextRoot) {
      // Answers again the requests of widgets that upgraded before their <civic-event> was defined.
      contextRoot = new ContextRoot();
      contextRoot.attach(document.documentElement);
    }
    new ContextConsumer(host, {
      context: feedContext,
      subscribe: true,
      callback: (state) => {
        this.fromContext = state;
        host.requestUpdate();
      },
    });
  }

  /** The feed state to show; undefined when the widget has neither `src` nor a `<civic-event>`. */
  get state(): FeedState | undefined {
    return this.followed ? this.own : this.fromContext;
  }

  hostConnected(): void {
    this.follow();
  }

  /**
   * Before each update, as `@lit/task` does: a change of `src` or `refresh` resubscribes. This runs
   * after the host's `willUpdate`, so the host derives its view from the new state in one more update.
   */
  hostUpdate(): void {
    if (this.follow()) void this.host.updateComplete.then(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.follow();
  }

  /** Subscribes to the store of the host's current `src` and `refresh`; true when that changed anything. */
  private follow(): boolean {
    const src = (this.host.isConnected && this.host.src) || undefined;
    const refresh = this.host.refresh;
    if (src === this.followed?.src && (!src || refresh === this.followed?.refresh)) return false;
    const previous = this.unsubscribe;
    this.unsubscribe = undefined;
    this.own = undefined;
    this.followed = src ? { src, refresh } : undefined;
    if (src) {
      let subscribing = true;
      this.unsubscribe = feedStoreFor(src).subscribe((state) => {
        this.own = state;
        if (!subscribing) this.host.requestUpdate();
      }, refresh);
      subscribing = false;
    }
    // Unsubscribed after subscribing again: a new refresh for the same URL keeps its store and its feed.
    previous?.();
    return true;
  }
}
