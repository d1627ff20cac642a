import type { FeedError } from './store.js';
import type { Feed } from '../contract/types.js';

/** The feed was loaded or changed. */
export class FeedLoadEvent extends Event {
  static readonly eventName = 'civic-feed-load';
  constructor(
    readonly url: string,
    readonly feed: Feed,
  ) {
    super(FeedLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The feed could not be loaded; `stale` says whether a last good copy is still shown. */
export class FeedErrorEvent extends Event {
  static readonly eventName = 'civic-feed-error';
  constructor(
    readonly url: string,
    readonly error: FeedError,
    readonly stale: boolean,
  ) {
    super(FeedErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-feed-load': FeedLoadEvent;
    'civic-feed-error': FeedErrorEvent;
  }
}
