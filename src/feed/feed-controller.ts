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
  private followed?: string;
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
    this.follow();
    return this.followed ? this.own : this.fromContext;
  }

  hostConnected(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.follow();
  }

  private follow(): void {
    const src = (this.host.isConnected && this.host.src) || undefined;
    if (src === this.followed) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.own = undefined;
    this.followed = src;
    if (!src) return;
    let subscribing = true;
    this.unsubscribe = feedStoreFor(src).subscribe((state) => {
      this.own = state;
      if (!subscribing) this.host.requestUpdate();
    }, this.host.refresh);
    subscribing = false;
  }
}
