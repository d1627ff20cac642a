// Floor 2 of bench/first-render: floor 1 plus the session's start in the event's zone and in the
// visitor's, each with its zone name (two Intl.DateTimeFormat): the least a countdown must do to render.
import { LitElement, css, html } from 'lit';

interface Feed {
  sessions: { title: string | Record<string, string>; start: string; timeZone?: string }[];
  event: { timeZone: string };
}

const text = (value: string | Record<string, string>, lang: string): string =>
  typeof value === 'string' ? value : (value[lang] ?? Object.values(value)[0] ?? '');

const options: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

class LitFetchIntl extends LitElement {
  static override properties = { src: {}, feed: { state: true } };
  declare src: string;
  declare feed?: Feed;
  static override styles = css`:host{display:block}`;

  override connectedCallback(): void {
    super.connectedCallback();
    void fetch(this.src).then(async (response) => (this.feed = (await response.json()) as Feed));
  }

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
