// What both floors of bench/first-render do alike: fetch the feed named by `src` and keep it.
import { LitElement, css } from 'lit';

export interface Feed {
  sessions: { title: string | Record<string, string>; start: string; timeZone?: string }[];
  event: { timeZone: string };
}

export const text = (value: string | Record<string, string>, lang: string): string =>
  typeof value === 'string' ? value : (value[lang] ?? Object.values(value)[0] ?? '');

export class FeedFloor extends LitElement {
  static override properties = { src: {}, feed: { state: true } };
  declare src: string;
  declare feed?: Feed;
  static override styles = css`:host{display:block}`;

  override connectedCallback(): void {
    super.connectedCallback();
    void fetch(this.src).then(async (response) => (this.feed = (await response.json()) as Feed));
  }
}
