import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { feedContext } from '../feed/context.js';
import { FeedController } from '../feed/feed-controller.js';
import { FeedErrorEvent, FeedLoadEvent } from '../feed/events.js';
import type { FeedState } from '../feed/store.js';
import { AttributeCheck, seconds } from '../widget/attribute-check.js';

/**
 * Loads one event feed and shares it with every civic widget placed inside it, so that the page makes
 * one request however many widgets it shows. It adds no box of its own (`display: contents`).
 *
 * @tag civic-event
 * @slot - The widgets, and any other content.
 * @fires civic-feed-load - The feed loaded or changed (`FeedLoadEvent`: `url`, `feed`).
 * @fires civic-feed-error - The feed could not be loaded (`FeedErrorEvent`: `url`, `error`, `stale`).
 */
export class CivicEvent extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** URL of the event's JSON feed, absolute or relative to the page. */
  @property({ reflect: true }) src?: string;

  /** Seconds between revalidations of the feed; default: the feed's `Cache-Control: max-age`, else 300. */
  @property({ type: Number }) refresh?: number;

  private readonly feed = new FeedController(this);
  private readonly provider = new ContextProvider(this, { context: feedContext });
  private announced?: FeedState;

  constructor() {
    super();
    new AttributeCheck(this, { refresh: seconds });
  }

  protected override willUpdate(): void {
    this.provider.setValue(this.feed.state);
  }

  protected override updated(_changed: PropertyValues): void {
    const state = this.feed.state;
    if (!state || state === this.announced) return;
    this.announced = state;
    if (state.status === 'ready' && state.feed) this.dispatchEvent(new FeedLoadEvent(state.url, state.feed));
    if (state.error) this.dispatchEvent(new FeedErrorEvent(state.url, state.error, state.status === 'stale'));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
