// Floor 1 of bench/first-render: the least any Lit widget fed by a JSON feed does before it shows
// something, fetch the feed and render a session's title.
import { html } from 'lit';
import { FeedFloor, text } from './feed-floor.js';

class LitFetch extends FeedFloor {
  override render() {
    const session = this.feed?.sessions[0];
    return session ? html`<p part="title">${text(session.title, document.documentElement.lang)}</p>` : html`<p>Loading…</p>`;
  }
}
customElements.define('lit-fetch', LitFetch);
