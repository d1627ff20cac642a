import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FeedWidget } from '../widget/feed-widget.js';
import { property } from 'lit/decorators.js';
import { renderFeedStatus, renderStaleNote } from '../feed/feed-status.js';
import { sessionPhase } from '../feed/select.js';
import type { Feed } from '../contract/types.js';
import { commonMessages } from '../i18n/common-messages.js';
import { count } from '../i18n/count.js';
import { renderCalendarLinks } from '../time/calendar-links.js';
import { sessionCalendarEntry } from '../time/calendar.js';
import { clock } from '../time/clock.js';
import { dayKey, formatTimeWithZone, resolveTimeZone } from '../time/format.js';
import { TickController } from '../time/tick-controller.js';
import { buildAgendaView, type AgendaView, type SessionView } from './agenda-view.js';
import { AgendaFilterEvent } from './events.js';
import { filtersMatcher, hasFilters, parseFilters, writeFilters, type AgendaFilters } from './filters.js';
import { HashController } from './hash-controller.js';
import { agendaMessages } from './messages.js';
import { agendaStyles } from './styles.js';

const warned = new WeakSet<Feed>();

/**
 * The event's programme: sessions grouped by day with their items, speakers, track, place and
 * languages; times in the visitor's zone with the event's beside them; a "now" marker and a live
 * badge; filters by day, track, language and text, kept in the URL hash so that a link can be shared
 * (`#agenda=day:2026-10-11;track:peer;lang:fr;q:water`, or `#<id>=…` when the element has an `id`).
 *
 * @tag civic-agenda
 * @fires civic-agenda-filter - The visitor changed a filter (`AgendaFilterEvent`: `filters`, `shown`).
 * @csspart base - The root box.
 * @csspart title - A session's title.
 * @csspart time - A session's times.
 * @csspart item - One item of a session (opening, panel, break…).
 * @csspart now - The "now" marker.
 * @csspart button - The "jump to now" and "show all" buttons.
 * @csspart calendar - The "add to calendar" links.
 * @csspart notice - Loading, empty and "no match" messages.
 * @csspart error - The message shown when the feed cannot be loaded.
 * @cssprop [--civic-agenda-time-width=11rem] - Width of the time column on wide layouts.
 * @cssprop [--civic-agenda-max-height=none] - Scroll the programme inside the page when set.
 */
export class CivicAgenda extends FeedWidget {
  static override styles = agendaStyles;





  /** Where a session's guiding-question poll lives: a URL in which `{poll}` is replaced by the poll id (e.g. `/vote#{poll}`). Without it the poll is named, not linked. */
  @property({ attribute: 'poll-href' }) pollHref?: string;

  private readonly location = new HashController(this);
  private view?: AgendaView;
  /** What `view` was built from. */
  private built?: { feed: Feed; lang: string; zone: string };
  private zone = '';
  private filters: AgendaFilters = {};
  private shown = new Set<SessionView>();
  private now = 0;
  private nowText = '';
  private nowAttr = '';
  /** The session the "now" marker stands before; `null`: at the end of today. */
  private markerBefore?: SessionView | null;
  private markerDay?: string;
  private target?: SessionView;
  private openCalendars = new Set<string>();

  constructor() {
    super();
    new TickController(this, 60_000);
  }

  private get namespace(): string {
    return this.id || 'agenda';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const feed = this.feed.state?.feed;
    if (!feed) {
      this.view = this.built = undefined;
      return;
    }
    const built = this.built;
    if (changed.has('timeZone') || feed !== built?.feed) this.zone = resolveTimeZone(this.timeZone, feed.event.timeZone);
    const lang = this.locale.lang;
    let view = this.view!;
    if (feed !== built?.feed || lang !== built.lang || this.zone !== built.zone) {
      this.built = { feed, lang, zone: this.zone };
      view = this.view = buildAgendaView(feed, lang, this.zone, `${agendaMessages[this.locale.ui].languages}${commonMessages[this.locale.ui].colon} `);
      if (view.missingSpeakers.length && !warned.has(feed)) {
        warned.add(feed);
        console.warn(`[civic-widgets] <civic-agenda>: speakers not found in "speakers": ${view.missingSpeakers.join(', ')}`);
      }
    }
    const sessions = view.days.flatMap((d) => d.sessions);
    this.filters = parseFilters(this.location.hash, this.namespace);
    this.shown = new Set(sessions.filter(filtersMatcher(this.filters)));

    const now = clock.now();
    this.now = now;
    this.nowText = formatTimeWithZone(new Date(now), lang, this.zone);
    this.nowAttr = new Date(now - (now % 60_000)).toISOString();
    const running = sessions.filter((s) => s.session.status !== 'cancelled');
    this.target = running.find((s) => sessionPhase(s.session, now) === 'live') ?? running.find((s) => sessionPhase(s.session, now) === 'upcoming');
    this.markerDay = dayKey(new Date(now), this.zone);
    const today = view.days.find((d) => d.key === this.markerDay);
    this.markerBefore = today && (today.sessions.find((s) => now < +s.start) ?? null);
  }

  protected override render(): TemplateResult {
    const state = this.feed.state;
    const view = this.view;
    return html`<div part="base" class="base" lang=${this.locale.lang} dir=${this.locale.dir} @click=${this.onClick}>
      ${renderStaleNote(state, this.locale)}
      ${view ? this.renderProgramme(view) : renderFeedStatus(state, this.locale)}
    </div>`;
  }

  private renderProgramme(view: AgendaView): TemplateResult {
    const t = agendaMessages[this.locale.ui];
    if (!view.total) return html`<p class="notice" part="notice" role="status">${t.empty}</p>`;
    const filtered = hasFilters(this.filters);
    return html`
      ${view.zones ? html`<p class="note">${t.zoneNote(...view.zones)}</p>` : nothing}
      ${view.clockChanges.map((c) => html`<p class="note">${t.dstNote(c.city, c.date)}</p>`)}
      ${this.renderFilters(view)}
      <div class="status">
        <p role="status">${filtered ? (this.shown.size ? t.shown(count(this.shown.size, this.locale.lang), count(view.total, this.locale.lang)) : t.noMatch) : ''}</p>
        ${filtered ? html`<button class="button secondary" part="button" @click=${() => this.setFilters({})}>${t.clear}</button>` : nothing}
        ${view.days.length > 1 && this.target
          ? html`<button class="button jump" part="button" @click=${this.jumpToNow}>${t.jumpToNow}</button>`
          : nothing}
      </div>
      ${view.days.map(
        (day) => html`<section class="day ${day.sessions.some((s) => this.shown.has(s)) ? '' : 'out'}" aria-labelledby="d-${day.key}">
          <h2 id="d-${day.key}"><time datetime=${day.key}>${day.label}</time></h2>
          <ul class="sessions">
            ${day.sessions.map((s) => [s === this.markerBefore && day.key === this.markerDay ? this.renderNow() : nothing, this.renderSession(s)])}
            ${this.markerBefore === null && day.key === this.markerDay ? this.renderNow() : nothing}
          </ul>
        </section>`,
      )}
    `;
  }

  private renderNow(): TemplateResult {
    return html`<li class="now" part="now"><strong>${agendaMessages[this.locale.ui].now}</strong> <time datetime=${this.nowAttr}>${this.nowText}</time></li>`;
  }

  private renderFilters(view: AgendaView): TemplateResult {
    const t = agendaMessages[this.locale.ui];
    const f = this.filters;
    const select = (label: string, key: 'day' | 'track' | 'lang', options: { value: string; label: string }[]) =>
      options.length > 1
        ? html`<label
            >${label}
            <select @change=${(e: Event) => this.setFilters({ ...f, [key]: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!f[key]}>${t.all[key]}</option>
              ${options.map((o) => html`<option value=${o.value} ?selected=${f[key] === o.value}>${o.label}</option>`)}
            </select></label
          >`
        : nothing;
    return html`<div class="filters" role="search" aria-label=${t.filters}>
      ${select(t.day, 'day', view.days.map((d) => ({ value: d.key, label: d.label })))}
      ${select(t.track, 'track', view.tracks.map((x) => ({ value: x.id, label: x.title })))}
      ${select(t.language, 'lang', view.languages.map((x) => ({ value: x.tag, label: x.name })))}
      <label
        >${t.search}
        <input type="search" .value=${f.q ?? ''} @input=${(e: Event) => this.setFilters({ ...f, q: (e.target as HTMLInputElement).value })}
      /></label>
    </div>`;
  }

  private renderSession(s: SessionView): TemplateResult {
    const t = agendaMessages[this.locale.ui];
    const { id, status, joinUrl, poll } = s.session;
    const cancelled = status === 'cancelled';
    const phase = sessionPhase(s.session, this.now);
    const live = !cancelled && phase === 'live';
    const open = this.openCalendars.has(id);
    return html`<li class="session ${phase} ${status ?? ''} ${this.shown.has(s) ? '' : 'out'}">
      <article id="s-${id}" tabindex="-1">
        <h3 part="title" dir="auto">
          <span lang=${s.titleLang ?? nothing}>${s.title}</span>${live ? html` <span class="badge live">${t.live}</span>` : nothing}${status && status !== 'scheduled'
            ? html` <span class="badge">${t[status]}</span>`
            : nothing}
        </h3>
        <p class="when" part="time">
          <time datetime=${s.session.start}>${s.startText}</time>–<time datetime=${s.session.end}>${s.endText}</time>
          <span class="event-time">${s.eventTime}</span>
        </p>
        <p class="meta">
          ${s.meta}${joinUrl && !cancelled ? html` <a href=${joinUrl} target="_blank" rel="noopener noreferrer">${t.join}</a>` : nothing}
        </p>
        <p class="description" lang=${s.descriptionLang ?? nothing} dir="auto">${s.description}</p>
        ${s.speakers.length
          ? html`<ul class="speakers">
              ${s.speakers.map(
                (p) => html`<li>
                  ${p.photo ? html`<img src=${p.photo} alt="" width="40" height="40" loading="lazy" />` : nothing}
                  <span><strong>${p.url ? html`<a href=${p.url}>${p.name}</a>` : p.name}</strong> ${p.details}</span>
                </li>`,
              )}
            </ul>`
          : nothing}
        ${s.items.length
          ? html`<ol class="items">
              ${s.items.map(
                (item) => html`<li part="item">
                  <time datetime=${item.startAttr}>${item.startText}</time>–<time datetime=${item.endAttr}>${item.endText}</time>
                  <span lang=${item.lang ?? nothing} dir="auto">${item.line}</span>
                </li>`,
              )}
            </ol>`
          : nothing}
        ${poll
          ? html`<p class="poll">
              ${t.poll}${commonMessages[this.locale.ui].colon}
              ${this.pollHref ? html`<a href=${this.pollHref.replaceAll('{poll}', encodeURIComponent(poll))}>${s.pollTitle}</a>` : s.pollTitle}
            </p>`
          : nothing}
        ${cancelled
          ? nothing
          : html`<button class="add" aria-expanded=${open ? 'true' : 'false'}>${commonMessages[this.locale.ui].addToCalendar}</button>
              ${open ? renderCalendarLinks(sessionCalendarEntry(this.built!.feed, s.session, this.locale.lang), this.locale.ui) : nothing}`}
      </article>
    </li>`;
  }

  private async setFilters(filters: AgendaFilters): Promise<void> {
    this.location.hash = writeFilters(this.location.hash, this.namespace, filters);
    this.requestUpdate();
    await this.updateComplete;
    this.dispatchEvent(new AgendaFilterEvent(this.filters, this.shown.size));
  }

  /**
   * One listener for every "add to calendar" button (a disclosure: far cheaper to create 300 times
   * than `<details>`, and its links are only built when opened).
   */
  private onClick = (e: Event) => {
    const button = (e.target as Element).closest('button.add');
    const id = button?.closest('article')?.id.slice(2);
    if (id === undefined) return;
    if (!this.openCalendars.delete(id)) this.openCalendars.add(id);
    this.requestUpdate();
  };

  /** Scrolls to the live (else the next) session and focuses it, showing every session first if a filter hides it. */
  private async jumpToNow(): Promise<void> {
    const target = this.target;
    if (!target) return;
    if (!this.shown.has(target)) await this.setFilters({});
    const article = this.renderRoot.querySelector<HTMLElement>(`#s-${CSS.escape(target.session.id)}`);
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    article?.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
    article?.focus({ preventScroll: true });
  }
}
