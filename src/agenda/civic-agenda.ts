import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { memo } from '../widget/memo.js';
import { FeedWidget } from '../widget/feed-widget.js';
import { property } from 'lit/decorators.js';
import { renderFeedStatus, renderStaleNote } from '../feed/feed-status.js';
import { sessionPhase } from '../feed/select.js';
import type { Feed } from '../contract/types.js';
import { commonMessages } from '../i18n/common-messages.js';
import { count } from '../i18n/count.js';
import { encodeComponent } from '../i18n/well-formed.js';
import { renderCalendarLinks } from '../time/calendar-links.js';
import { sessionCalendarEntry } from '../time/calendar.js';
import { clock } from '../time/clock.js';
import { dayKey, formatTimeWithZone, resolveTimeZone } from '../time/format.js';
import { TickController } from '../time/tick-controller.js';
import { buildAgendaView, type AgendaView, type DayView, type SessionView } from './agenda-view.js';
import { AgendaFilterEvent } from './events.js';
import { filtersKey, filtersMatcher, hasFilters, parseFilters, validFilters, writeFilters, type AgendaFilters } from './filters.js';
import { HashController } from './hash-controller.js';
import { agendaMessages } from './messages.js';
import { agendaStyles } from './styles.js';

const warned = new WeakSet<Feed>();
/** Sessions in the first render: more than a tall screen holds. */
const FIRST_SCREEN = 30;
/** Sessions added by each later task: a few tens of milliseconds of work, so that input stays responsive. */
const CHUNK = 150;

/**
 * The event's programme: sessions grouped by day with their items, speakers, track, place and
 * languages; times in the visitor's zone with the event's beside them; a "now" marker and a live
 * badge; filters by day, track, language and text, kept in the URL hash so that a link can be shared
 * (`#agenda=day:2026-10-11;track:peer;lang:fr;q:water`; the name is the `hash-key`, else the `id`, else
 * `agenda`, `agenda-2`… by position). A long programme renders a screenful first and the rest in the
 * following tasks; all of it is in the document a moment later (find in page) and before printing.
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

  /**
   * Name of this agenda's filters in the URL hash (`#<hash-key>=track:peer`). Default: the element's
   * `id`, else `agenda` for the first agenda on the page, `agenda-2` for the second, and so on. Two
   * agendas share their filters only when given the same `hash-key`.
   */
  @property({ attribute: 'hash-key' }) hashKey?: string;

  private readonly location = new HashController(this);
  private readonly deriveView = memo(buildAgendaView);
  private readonly deriveSessions = memo((view: AgendaView) => view.days.flatMap((d) => d.sessions));
  private readonly deriveFilters = memo(validFilters);
  private readonly deriveShown = memo((sessions: SessionView[], filters: AgendaFilters) => new Set(sessions.filter(filtersMatcher(filters))));
  private readonly deriveTarget = memo(nextSession);
  private view?: AgendaView;
  private zone = '';
  private filters: AgendaFilters = {};
  private shown = new Set<SessionView>();
  private now = 0;
  private nowText = '';
  private nowAttr = '';
  private markerDay?: string;
  private target?: SessionView;
  private openCalendars = new Set<string>();
  /** Bumped when a calendar box opens or closes: the days that did not change are not re-rendered. */
  private calendarsVersion = 0;
  /** Position among the page's agendas without `id` or `hash-key`, taken when connected. */
  private position = 1;
  /**
   * Sessions rendered so far: a screenful first, then more in the next tasks, so that the first
   * screen of a programme of 10,000 sessions comes as fast as a small one's. All of them are in
   * the document a moment later (find in page), and at once before printing.
   */
  private limit = FIRST_SCREEN;
  private growing?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    new TickController(this, 60_000);
  }

  private get namespace(): string {
    return this.hashKey || this.id || (this.position > 1 ? `agenda-${this.position}` : 'agenda');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const root = this.getRootNode() as ParentNode;
    const unnamed = [...root.querySelectorAll('civic-agenda:not([id]):not([hash-key])')];
    this.position = unnamed.indexOf(this) + 1 || 1;
    addEventListener('beforeprint', this.onBeforePrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeprint', this.onBeforePrint);
    clearTimeout(this.growing);
    this.growing = undefined;
  }

  protected override willUpdate(): void {
    const feed = this.feed.state?.feed;
    if (!feed) {
      this.view = undefined;
      return;
    }
    this.zone = resolveTimeZone(this.timeZone, feed.event.timeZone);
    const { lang, ui } = this.locale;
    const view = (this.view = this.deriveView(feed, lang, this.zone, `${agendaMessages[ui].languages}${commonMessages[ui].colon} `));
    if (view.missingSpeakers.length && !warned.has(feed)) {
      warned.add(feed);
      console.warn(`[civic-widgets] <civic-agenda>: speakers not found in "speakers": ${view.missingSpeakers.join(', ')}`);
    }
    const sessions = this.deriveSessions(view);
    this.filters = this.deriveFilters(view, filtersKey(parseFilters(this.location.hash, this.namespace)));
    this.shown = this.deriveShown(sessions, this.filters);

    const now = clock.now();
    this.now = now;
    this.nowText = formatTimeWithZone(new Date(now), lang, this.zone);
    this.nowAttr = new Date(now - (now % 60_000)).toISOString();
    this.target = this.deriveTarget(sessions, Math.floor(now / 60_000));
    this.markerDay = dayKey(new Date(now), this.zone);
  }

  protected override updated(): void {
    if (this.view && this.limit < this.view.total && this.growing === undefined) {
      this.growing = setTimeout(() => {
        this.growing = undefined;
        this.limit += CHUNK;
        this.requestUpdate();
      });
    }
  }

  protected override render(): TemplateResult {
    const state = this.feed.state;
    const view = this.view;
    return html`<div part="base" class="base" lang=${this.locale.lang} dir=${this.locale.dir} @click=${this.onClick} @keydown=${this.onKeydown}>
      ${renderStaleNote(state, this.locale)}
      ${view ? this.renderProgramme(view) : renderFeedStatus(state, this.locale)}
    </div>`;
  }

  private renderProgramme(view: AgendaView): TemplateResult {
    const t = agendaMessages[this.locale.ui];
    if (!view.total) return html`<p class="notice" part="notice" role="status">${t.empty}</p>`;
    const filtered = hasFilters(this.filters);
    // The sessions shown come first; those a filter hides (still printed) once every shown one is in.
    let shownBudget = this.limit;
    let hiddenBudget = Math.max(0, this.limit - this.shown.size);
    const minute = Math.floor(this.now / 60_000);
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
      ${view.days.map((day) => {
        const rendered = day.sessions.filter((s) => (this.shown.has(s) ? shownBudget-- > 0 : hiddenBudget-- > 0));
        if (!rendered.length) return nothing;
        const complete = rendered.length === day.sessions.length;
        return guard(
          [day, rendered.length, this.shown, minute, this.calendarsVersion, this.locale.ui, this.pollHref, this.markerDay],
          () => this.renderDay(day, rendered, complete),
        );
      })}
    `;
  }

  private renderDay(day: DayView, rendered: SessionView[], complete: boolean): TemplateResult {
    // The "now" marker stands before the first session still to come today, or after the last one.
    const today = day.key === this.markerDay;
    const next = today ? rendered.find((s) => this.now < +s.start) : undefined;
    return html`<section class="day ${day.sessions.some((s) => this.shown.has(s)) ? '' : 'out'}" aria-labelledby="d-${day.key}">
      <h2 id="d-${day.key}"><time datetime=${day.key}>${day.label}</time></h2>
      <ul class="sessions">
        ${rendered.map((s) => [s === next ? this.renderNow() : nothing, this.renderSession(s)])}
        ${today && !next && complete ? this.renderNow() : nothing}
      </ul>
    </section>`;
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

  private renderSession(view: SessionView): TemplateResult {
    const t = agendaMessages[this.locale.ui];
    const s = view.details;
    const { id, status, joinUrl, poll } = view.session;
    const cancelled = status === 'cancelled';
    const phase = sessionPhase(view.session, this.now);
    const live = !cancelled && phase === 'live';
    const open = this.openCalendars.has(id);
    return html`<li class="session ${phase} ${status ?? ''} ${this.shown.has(view) ? '' : 'out'}">
      <article id="s-${id}" tabindex="-1">
        <h3 part="title" dir="auto">
          <span lang=${s.titleLang ?? nothing}>${s.title}</span>${live ? html` <span class="badge live">${t.live}</span>` : nothing}${status && status !== 'scheduled'
            ? html` <span class="badge">${t[status]}</span>`
            : nothing}
        </h3>
        <p class="when" part="time">
          <time datetime=${view.session.start}>${s.startText}</time>–<time datetime=${view.session.end}>${s.endText}</time>
          <span class="event-time">${s.eventTime}${s.eventDay ? html`<span class="day-shift">${` ${s.eventDay}`}</span>` : nothing}</span>
        </p>
        <p class="meta">
          ${s.meta}${joinUrl && !cancelled ? html` <a href=${joinUrl} target="_blank" rel="noopener noreferrer">${t.join}</a>` : nothing}
        </p>
        ${s.organizer ? html`<p class="meta organizer"><span>${t.organizedBy} <bdi>${s.organizer}</bdi></span></p>` : nothing}
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
              ${this.pollHref ? html`<a href=${this.pollHref.replaceAll('{poll}', encodeComponent(poll))}>${s.pollTitle}</a>` : s.pollTitle}
            </p>`
          : nothing}
        ${cancelled
          ? nothing
          : html`<button class="add" aria-expanded=${open ? 'true' : 'false'}>${commonMessages[this.locale.ui].addToCalendar}</button>
              ${open ? renderCalendarLinks(sessionCalendarEntry(this.feed.state!.feed!, view.session, this.locale.lang), this.locale.ui) : nothing}`}
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
    this.calendarsVersion++;
    this.requestUpdate();
  };

  /** Escape closes the calendar box that holds the focus and gives the focus back to its button. */
  private onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    const article = (e.composedPath()[0] as Element).closest?.('article');
    const id = article?.id.slice(2);
    if (id === undefined || !this.openCalendars.delete(id)) return;
    e.stopPropagation();
    this.calendarsVersion++;
    this.requestUpdate();
    article!.querySelector<HTMLElement>('button.add')?.focus();
  };

  /** Scrolls to the live (else the next) session and focuses it, showing every session first if a filter hides it. */
  private async jumpToNow(): Promise<void> {
    const target = this.target;
    if (!target) return;
    if (!this.shown.has(target)) await this.setFilters({});
    await this.renderUpTo(target);
    const article = this.renderRoot.querySelector<HTMLElement>(`#s-${CSS.escape(target.session.id)}`);
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    article?.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
    article?.focus({ preventScroll: true });
  }

  /** Renders every session up to `target` at once (a keyboard jump must not wait for the next chunks). */
  private async renderUpTo(target: SessionView): Promise<void> {
    const index = [...this.shown].indexOf(target);
    if (index < this.limit) return;
    this.limit = index + CHUNK;
    this.requestUpdate();
    await this.updateComplete;
  }

  /** The whole programme before printing: the print dialog lays out the document right after this event. */
  private onBeforePrint = () => {
    if (!this.view || this.limit >= this.view.total) return;
    this.limit = this.view.total;
    this.requestUpdate();
  };
}

/** The live session, else the next one to start, skipping cancelled ones. */
function nextSession(sessions: SessionView[], minute: number): SessionView | undefined {
  const now = minute * 60_000;
  const running = sessions.filter((s) => s.session.status !== 'cancelled');
  return running.find((s) => sessionPhase(s.session, now) === 'live') ?? running.find((s) => sessionPhase(s.session, now) === 'upcoming');
}
