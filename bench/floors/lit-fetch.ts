// Floor 1 of bench/first-render: the least any Lit widget fed by a JSON feed does before it shows
// something, fetch the feed and render a session's title.
import { LitElement, css, html } from 'lit';

interface Feed {
  sessions: { title: string | Record<string, string>; start: string; timeZone?: string }[];
  event: { timeZone: string };
}

export const text = (value: string | Record<string, string>, lang: string): string =>
  typeof value === 'string' ? value : (value[lang] ?? Object.values(value)[0] ?? '');

class LitFetch extends LitElement {
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
    return session ? html`<p part="title">${text(session.title, document.documentElement.lang)}</p>` : html`<p>Loading…</p>`;
  }
}
customElements.define('lit-fetch', LitFetch);
