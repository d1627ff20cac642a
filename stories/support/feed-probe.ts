import { ContextConsumer } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { feedContext } from '../../src/feed/context.js';
import { renderFeedStatus } from '../../src/feed/feed-status.js';
import type { FeedState } from '../../src/feed/store.js';
import { localize } from '../../src/contract/text.js';
import { LocaleController } from '../../src/i18n/locale-controller.js';
import { hostStyles } from '../../src/styles/host-styles.js';

/**
 * Stories only: shows what the closest `<civic-event>` shares (status, event, counts), built from the
 * same blocks as the widgets (hostStyles, renderFeedStatus, LocaleController), so that the provider's
 * stories show something and the theming story has a second surface to style.
 */
export class StoryFeedProbe extends LitElement {
  static override styles = [
    hostStyles,
    css`
      [part='base'] {
        padding: var(--_space);
        border: 1px dashed var(--_border);
        border-radius: var(--_radius);
      }
      [part='title'] {
        margin: 0 0 0.25em;
        font-size: 1.1em;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25em 1em;
        margin: 0;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
      }
    `,
  ];

  private state?: FeedState;
  private readonly locale = new LocaleController(this);

  constructor() {
    super();
    new ContextConsumer(this, {
      context: feedContext,
      subscribe: true,
      callback: (state) => {
        this.state = state;
        this.requestUpdate();
      },
    });
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const feed = this.state?.feed;
    return html`<div part="base" lang=${lang} dir=${dir}>
      <p part="title">Feed shared by &lt;civic-event&gt;</p>
      ${renderFeedStatus(this.state, this.locale)}
      ${feed
        ? html`<dl>
            <dt>status</dt>
            <dd>${this.state?.status}</dd>
            <dt>event</dt>
            <dd>${localize(feed.event.title, lang, feed.languages)}</dd>
            <dt>sessions</dt>
            <dd>${feed.sessions.length}</dd>
            <dt>polls</dt>
            <dd>${feed.polls?.length ?? 0}</dd>
            <dt>recordings</dt>
            <dd>${feed.recordings?.length ?? 0}</dd>
          </dl>`
        : ''}
    </div>`;
  }
}

/**
 * Called from each story file: a bare side-effect import would be dropped by the production build,
 * because package.json's `sideEffects` lists only the library's define files.
 */
export function defineFeedProbe(): void {
  if (!customElements.get('story-feed-probe')) customElements.define('story-feed-probe', StoryFeedProbe);
}

declare global {
  interface HTMLElementTagNameMap {
    'story-feed-probe': StoryFeedProbe;
  }
}
