// Floor 2 of bench/first-render: floor 1 plus the session's start in the event's zone and in the
// visitor's, each with its zone name (two Intl.DateTimeFormat): the least a countdown must do to render.
import { html } from 'lit';
import { FeedFloor, text } from './feed-floor.js';

const options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

class LitFetchIntl extends FeedFloor {
  override render() {
    const session = this.feed?.sessions[0];
    if (!session || !this.feed) return html`<p>Loading…</p>`;
    const lang = document.documentElement.lang;
    const start = new Date(session.start);
    const atEvent = new Intl.DateTimeFormat(lang, { ...options, timeStyle: 'long', timeZone: session.timeZone ?? this.feed.event.timeZone });
    const atVisitor = new Intl.DateTimeFormat(lang, { ...options, timeStyle: 'long' });
    return html`<p part="title">${text(session.title, lang)}</p>
      <p><time datetime=${session.start}>${atEvent.format(start)} · ${atVisitor.format(start)}</time></p>`;
  }
}
customElements.define('lit-fetch-intl', LitFetchIntl);
