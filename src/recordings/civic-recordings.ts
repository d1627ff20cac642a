import { html, nothing } from 'lit';
import { FeedWidget } from '../widget/feed-widget.js';
import { sessionIds } from '../widget/attribute-check.js';
import { property, state } from 'lit/decorators.js';
import { renderFeedStatus, renderStaleNote } from '../feed/feed-status.js';
import { commonMessages } from '../i18n/common-messages.js';
import { count as countOf } from '../i18n/count.js';
import { textLanguage } from '../i18n/text-language.js';
import type { Text } from '../contract/types.js';
import { captionFor } from './embed-url.js';
import { describe, type Entry } from './entries.js';
import { buildRecordingsView, type RecordingsView, type TagView } from './recordings-view.js';
import { memo } from '../widget/memo.js';
import { languageName, listFormat } from '../i18n/intl.js';
import { RecordingPlayEvent } from './events.js';
import { filterRecordings } from './filter.js';
import { messages, type RecordingsMessages } from './messages.js';
import { styles } from './styles.js';

const PROVIDERS = { youtube: 'YouTube', vimeo: 'Vimeo', file: '' };

/**
 * The event's recordings, searchable and filterable, with privacy-first players: nothing is requested
 * from YouTube or Vimeo until the visitor presses play. Before that the poster is the feed's
 * `thumbnail` (served by the organizer) or a neutral placeholder; after, the provider's
 * privacy-enhanced player (youtube-nocookie.com, Vimeo with `dnt=1`) or, for `provider: "file"`, a
 * native `<video>` with caption tracks. One player is open at a time.
 *
 * @tag civic-recordings
 * @fires civic-recordings-play - The visitor pressed play (`RecordingPlayEvent`: `recordingId`, `provider`).
 * @csspart base - The widget's root.
 * @csspart item - One recording.
 * @csspart title - A recording's title.
 * @csspart time - A recording's date.
 * @csspart play - The poster button that loads the player.
 * @csspart button - The "Show more" button.
 * @csspart notice - Loading, empty and stale notices.
 * @csspart error - The feed error.
 * @cssprop [--civic-recordings-min-width=16rem] - Narrowest a recording's card gets before the grid wraps.
 * @cssprop [--civic-recordings-poster-background=var(--civic-color-subtle)] - Background of a poster without a thumbnail.
 */
export class CivicRecordings extends FeedWidget {
  static override styles = styles;




  /** @internal */
  static override acceptedValues = { ...FeedWidget.acceptedValues, session: sessionIds, group: ['session'] };

  /** Only this session's recordings (a session id); default: all. */
  @property() session?: string;

  /** `session`: grouped under their session titles in programme order; default: newest first. */
  @property() group = '';

  /** Recordings rendered at first and added by each "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 24;


  @state() private query = '';
  @state() private language = '';
  @state() private tag = '';
  @state() private pages = 1;
  @state() private playing?: string;

  private readonly deriveView = memo(buildRecordingsView);
  private readonly deriveFound = memo((entries: Entry[], query: string, language: string, tag: string) => filterRecordings(entries, { query, language, tag }));
  private view!: RecordingsView;
  private found: Entry[] = [];
  private shown: Entry[] = [];

  protected override willUpdate(): void {
    const { lang, ui } = this.locale;
    const view = (this.view = this.deriveView(this.feed.state?.feed, lang, ui, this.timeZone, this.group === 'session', this.session));
    this.found = this.deriveFound(view.entries, this.query, this.language, this.tag);
    this.shown = describe(this.found.slice(0, this.pages * Math.max(1, this.pageSize || 24)), lang);
  }

  protected override render() {
    const state = this.feed.state;
    return html`<div part="base" lang=${this.locale.lang} dir=${this.locale.dir}>
      ${state?.feed ? [renderStaleNote(state, this.locale), this.renderList(messages[this.locale.ui])] : renderFeedStatus(state, this.locale)}
    </div>`;
  }

  private renderList(t: RecordingsMessages) {
    const { lang, ui } = this.locale;
    const total = this.view.entries.length;
    const found = this.found.length;
    const count = (n: number) => countOf(n, lang).text;
    if (!total) return html`<p class="notice" part="notice">${t.none}</p>`;
    const shown = this.shown;
    const grouped = this.group === 'session';
    const select = (label: string, key: 'language' | 'tag', values: TagView[]) =>
      values.length < 2
        ? nothing
        : html`<label>
            ${label}
            <select @change=${(e: Event) => this.filter(key, (e.target as HTMLSelectElement).value)}>
              <option value="">${t.all[key]}</option>
              ${values.map((v) => html`<option value=${v.value} lang=${v.lang ?? nothing} ?selected=${v.value === this[key]}>${v.label}</option>`)}
            </select>
          </label>`;
    const search = html`<form class="filters" role="search" @submit=${(e: Event) => e.preventDefault()}>
      <label>
        ${t.search}
        <input type="search" .value=${this.query} @input=${(e: Event) => this.filter('query', (e.target as HTMLInputElement).value)} />
      </label>
      ${select(t.language, 'language', this.view.languages.map((v) => ({ value: v, label: languageName(v, ui) })))} ${select(t.tags, 'tag', this.view.tags)}
    </form>`;
    return html`
      ${total > 1 ? search : nothing}
      <p class="count" role="status">${found < total ? t.matching(count(found), count(total)) : t.total(count(total))}</p>
      ${found ? nothing : html`<p class="notice" part="notice">${t.noMatch}</p>`}
      ${(grouped ? runsBySession(shown) : [shown]).map((entries) =>
        grouped
          ? html`<section>
              <h2 class="group" lang=${this.textLang(entries[0]!.session?.title)} dir="auto">${entries[0]!.sessionTitle || t.other}</h2>
              ${this.renderItems(entries, t)}
            </section>`
          : this.renderItems(entries, t),
      )}
      ${shown.length < found
        ? html`<button part="button" class="button secondary" @click=${this.showMore}>${t.more(count(shown.length), count(found))}</button>`
        : nothing}
    `;
  }

  /** The `lang` of a feed text shown in another language than the page's, for screen readers' voices. */
  private textLang(text: Text | undefined) {
    return textLanguage(text, this.locale.lang, this.feed.state?.feed?.languages) ?? nothing;
  }

  private renderItems(entries: Entry[], t: RecordingsMessages) {
    const { ui } = this.locale;
    const meta = (label: string, values: string[]) => (values.length ? html`<p class="meta">${label}${commonMessages[ui].colon} ${listFormat(this.locale.lang).format(values)}</p>` : nothing);
    return html`<ul class="list">
      ${entries.map((e) => {
        const r = e.recording;
        return html`<li part="item" class="item">
          <h3 part="title" lang=${this.textLang(r.title)} dir="auto">${e.title}</h3>
          ${this.playing === r.id ? this.renderPlayer(e) : this.renderPoster(e, t)}
          <p class="meta">
            ${e.sessionTitle && this.group !== 'session' ? html`<span lang=${this.textLang(e.session?.title)} dir="auto">${e.sessionTitle}</span>` : nothing}
            ${e.when === undefined ? nothing : html`<time part="time" datetime=${new Date(e.when).toISOString()}>${e.date}</time>`}
            ${e.duration ? html`<time class="duration" datetime=${r.duration!}>${e.duration}</time>` : nothing}
            ${r.language ? html`<span>${languageName(r.language, ui)}</span>` : nothing}
          </p>
          ${meta(t.captions, (r.captions ?? []).map((c) => languageName(c.language, ui)))} ${meta(t.speakers, e.speakers)}
          ${e.tags.length ? html`<ul class="tags" aria-label=${t.tags}>${e.tags.map((value) => {
                const tag = this.view.tag(value);
                return html`<li lang=${tag.lang ?? nothing}>${tag.label}</li>`;
              })}</ul>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  private renderPoster(e: Entry, t: RecordingsMessages) {
    const r = e.recording;
    const provider = PROVIDERS[r.provider];
    // An id we cannot read means no privacy-enhanced embed: link to the provider instead.
    if (provider && !e.embed) return r.url ? html`<a href=${r.url} target="_blank" rel="noopener">${provider}</a>` : nothing;
    const label = `${t.play}: ${e.title}${provider ? ` (${t.loads(provider)})` : ''}`;
    return html`<div class="player">
        ${r.thumbnail ? html`<img src=${r.thumbnail} alt="" loading="lazy" />` : html`<span class="placeholder" aria-hidden="true">${e.title}</span>`}
        <button part="play" class="poster" aria-label=${label} @click=${() => this.play(e)}><span class="play" aria-hidden="true"><span>${t.play}</span></span></button>
      </div>
      ${provider ? html`<p class="privacy">${t.notice(provider)}</p>` : nothing}`;
  }

  private renderPlayer(e: Entry) {
    const r = e.recording;
    const preferred = captionFor(r, this.locale.lang);
    const tracks = (r.captions ?? []).map(
      (c) => html`<track kind="captions" srclang=${c.language} label=${languageName(c.language, this.locale.ui)} src=${c.url ?? nothing} ?default=${c === preferred} />`,
    );
    return html`<div class="player">
      ${r.provider === 'file'
        ? html`<video controls preload="none" autoplay src=${r.url ?? nothing} aria-label=${e.title}>${tracks}</video>`
        : html`<iframe
            src=${e.embed!}
            title=${`${e.title} (${PROVIDERS[r.provider]})`}
            allow="autoplay; fullscreen; picture-in-picture"
            allowfullscreen
            referrerpolicy="strict-origin-when-cross-origin"
          ></iframe>`}
    </div>`;
  }

  /** A new search starts at the first page; an open player closes rather than restart where its card moved to. */
  private filter(key: 'query' | 'language' | 'tag', value: string): void {
    this[key] = value;
    this.pages = 1;
    this.playing = undefined;
  }

  /** Focus goes to the first new card, so that keyboard and screen-reader users land on what was added. */
  private async showMore(): Promise<void> {
    const first = this.shown.length;
    this.pages++;
    await this.updateComplete;
    this.renderRoot.querySelectorAll('[part=item]')[first]?.querySelector<HTMLElement>('[part=play], a')?.focus();
  }

  private async play(e: Entry): Promise<void> {
    const r = e.recording;
    this.dispatchEvent(new RecordingPlayEvent(r.id, r.provider));
    this.playing = r.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('iframe, video')?.focus();
  }
}

/** Consecutive entries of the same session, in the order given. */
function runsBySession(entries: Entry[]): Entry[][] {
  const runs: Entry[][] = [];
  for (const e of entries) {
    const last = runs.at(-1);
    if (last && last[0]!.session === e.session) last.push(e);
    else runs.push([e]);
  }
  return runs;
}
