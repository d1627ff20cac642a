import { html, nothing, type TemplateResult } from 'lit';
import { FeedWidget } from '../widget/feed-widget.js';
import { sessionIds } from '../widget/attribute-check.js';
import { property } from 'lit/decorators.js';
import { renderFeedStatus, renderStaleNote } from '../feed/feed-status.js';
import { pickSession, sessionPhase } from '../feed/select.js';
import type { Session } from '../contract/types.js';
import { commonMessages } from '../i18n/common-messages.js';
import { renderCalendarLinks } from '../time/calendar-links.js';
import { clock } from '../time/clock.js';
import { TickController } from '../time/tick-controller.js';
import { countdownParts, spokenDuration, UNITS, type CountdownParts } from './countdown-parts.js';
import { buildCountdownView, type CountdownView, type Phase } from './countdown-view.js';
import { CountdownEndEvent, CountdownStartEvent } from './events.js';
import { unitParts } from '../i18n/unit-parts.js';
import { memo } from '../widget/memo.js';
import { countdownMessages } from './messages.js';
import { countdownStyles } from './styles.js';


/**
 * Counts down to a session, then says it is live (with its join link) and then that it has ended
 * (with its recording when the feed has one). A cancelled or postponed session says so instead.
 * Every countdown on the page ticks from one timer, aligned to the second, paused while the page is
 * hidden, and reads the clock corrected by the feed server's `Date` header. On a repeat visit it
 * renders at once from the copy stored at the last one, but says "live now" only once the feed's
 * server confirms it (until then: the title, the time and "Loading…").
 *
 * @tag civic-countdown
 * @csspart base - The widget's box.
 * @csspart title - The session's title.
 * @csspart unit - One unit of the countdown (days, hours, minutes, seconds).
 * @csspart time - The start date and time, in the event's zone and the visitor's.
 * @csspart button - The "join" link while the session is live.
 * @csspart calendar - The "add to calendar" links.
 * @csspart notice - Loading, no-session and stale-feed notices.
 * @cssprop [--civic-countdown-value-size=2em] - Size of the numbers in the full layout.
 * @cssprop [--civic-countdown-unit-background=var(--civic-color-subtle)] - Background of each unit.
 * @cssprop [--civic-countdown-live-color=var(--civic-color-live)] - Color of the "live now" mark.
 * @cssprop [--civic-countdown-gap=0.5rem] - Space between the units.
 * @fires civic-countdown-start - The session went live while shown (`CountdownStartEvent`: `session`).
 *   Not fired when the widget first renders a session that is already live.
 * @fires civic-countdown-end - The session ended while shown (`CountdownEndEvent`: `session`). Not
 *   fired for a session that had already ended; when the page was hidden for the whole session, only
 *   this event fires.
 */
export class CivicCountdown extends FeedWidget {
  static override styles = countdownStyles;



  /** @internal */
  static override acceptedValues = { ...FeedWidget.acceptedValues, session: sessionIds, layout: ['full', 'compact'] };

  /** Id of the session to count down to; default: the one live now, else the next, else the last. */
  @property() session?: string;


  /** `full` (default: units, start time, join and calendar links) or `compact` (one line). */
  @property({ reflect: true }) layout: 'full' | 'compact' = 'full';



  private readonly deriveView = memo(buildCountdownView);
  /** The links (with the .ics file's DTSTAMP) are made once per session and language, not every second. */
  private readonly deriveCalendarLinks = memo(renderCalendarLinks);

  // Derived in willUpdate; `parts`, `units` and `spoken` every second, the rest when `view` changes.
  private shown?: Session;
  private phase?: Phase;
  private view?: CountdownView;
  private calendarLinks?: TemplateResult;
  private parts: CountdownParts = countdownParts(0);
  private units: Intl.NumberFormatPart[][] = [];
  private spoken = '';
  private announcement = '';
  private seen?: { session: Session; phase: Phase };
  private wentLive?: string;
  private pending: Event[] = [];

  constructor() {
    super();
    // Re-renders once a second from the page's one ticker while a change is due.
    new TickController(this, 1000, () => this.changeIsDue());
  }

  /**
   * Upcoming and live sessions change with time; an ended or cancelled one does not (only a new feed
   * changes it). A postponed one shown by default gives way to the next session once its slot is over.
   */
  private changeIsDue(): boolean {
    return this.phase === 'upcoming' || this.phase === 'live' || this.phase === 'checking' || (this.phase === 'postponed' && !this.session);
  }

  protected override willUpdate(): void {
    const feed = this.feed.state?.feed;
    const now = clock.now();
    const session = feed && pickSession(feed, now, this.session);
    const { lang, ui } = this.locale;
    this.shown = session;
    this.phase = undefined;
    if (!feed || !session) return;
    let phase: Phase = session.status === 'cancelled' || session.status === 'postponed' ? session.status : sessionPhase(session, now);
    // A copy from the last visit (status still `loading`) may be outdated: it may count down, but it
    // never says "live now" (nor offers the join link) for a session the feed may have cancelled or moved.
    if (phase === 'live' && this.feed.state?.status === 'loading') phase = 'checking';
    this.observe(session, phase, now);
    this.phase = phase;
    const compact = this.layout === 'compact';
    const view = (this.view = this.deriveView(feed, session, phase, lang, ui, this.timeZone, compact));
    this.calendarLinks = view.calendar && this.deriveCalendarLinks(view.calendar, ui);
    this.parts = countdownParts(Date.parse(session.start) - now);
    this.units = phase === 'upcoming' ? this.unitPieces(compact) : [];
    this.spoken = spokenDuration(this.parts, lang);
    this.announcement = phase === 'live' && this.wentLive === session.id ? countdownMessages[ui].wentLive(view.heading) : '';
  }

  /** Queues the start and end events for transitions seen while shown; never for the first look. */
  private observe(session: Session, phase: Phase, now: number): void {
    const before = this.seen;
    this.seen = { session, phase };
    if (!before) return;
    const running = before.phase === 'upcoming' || before.phase === 'live' || before.phase === 'checking';
    if (before.session.id !== session.id) {
      // The default selection moves on to the next session as soon as the shown one ends, also when
      // the page was hidden from before its start until after its end.
      if (running && sessionPhase(before.session, now) === 'ended') this.pending.push(new CountdownEndEvent(before.session));
      return;
    }
    if (before.phase === 'upcoming' && phase === 'live') {
      this.wentLive = session.id;
      this.pending.push(new CountdownStartEvent(session));
    }
    if (running && phase === 'ended') this.pending.push(new CountdownEndEvent(session));
  }

  protected override updated(): void {
    const events = this.pending;
    this.pending = [];
    for (const event of events) this.dispatchEvent(event);
  }

  protected override render(): TemplateResult {
    const { lang, dir } = this.locale;
    const state = this.feed.state;
    const compact = this.layout === 'compact';
    return html`<div part="base" class="base ${compact ? 'compact' : 'full'} ${this.phase ?? ''}" lang=${lang} dir=${dir}>
      ${renderFeedStatus(state, this.locale)} ${renderStaleNote(state, this.locale)}
      ${state?.feed ? this.renderSession(compact) : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  private renderSession(compact: boolean): TemplateResult {
    const t = countdownMessages[this.locale.ui];
    const session = this.shown;
    if (!session) return html`<p class="notice" part="notice">${t.noSession}</p>`;
    const view = this.view!;
    const title = html`<span class="title" part="title" lang=${view.headingLang ?? nothing} dir="auto">${view.heading}</span>`;
    const time = html`<time part="time" datetime=${view.startAttr}>${view.when}</time>`;
    return compact
      ? html`<div class="line">${title} ${this.renderState(session)} <span class="when">${time}</span></div>`
      : html`${title} ${this.renderState(session)}
          <p class="when">${time}</p>
          ${this.calendarLinks ?? nothing}`;
  }

  private renderState(session: Session): TemplateResult {
    const t = countdownMessages[this.locale.ui];
    switch (this.phase) {
      case 'upcoming':
        return this.renderTimer();
      case 'live':
        return html`<span class="live-mark"><span class="dot" aria-hidden="true"></span>${t.live}</span>
          ${session.joinUrl ? html`<a class="button" part="button" href=${session.joinUrl} target="_blank" rel="noopener">${t.join}</a>` : nothing}`;
      case 'checking':
        return html`<span class="phase" aria-busy="true">${commonMessages[this.locale.ui].loading}</span>`;
      case 'ended':
        return html`<span class="phase">${t.ended}</span>
          ${this.view?.recordingUrl ? html`<a class="recording" href=${this.view.recordingUrl}>${t.recording}</a>` : nothing}`;
      default:
        return html`<span class="phase">${this.phase === 'cancelled' ? t.cancelled : t.postponed}</span>`;
    }
  }

  private renderTimer(): TemplateResult {
    const t = countdownMessages[this.locale.ui];
    return html`<div class="timer" role="timer" aria-live="off" aria-atomic="true" aria-label=${t.timeLeft}>
      <span class="visually-hidden">${t.startsIn(this.spoken)}</span>
      <span class="units" aria-hidden="true">${this.units.map(
        (pieces) => html`<span class="unit" part="unit">${pieces.map((p) =>
          p.type === 'integer' ? html`<span class="value">${p.value}</span>` : html`<span class="label">${p.value}</span>`,
        )}</span>`,
      )}</span>
    </div>`;
  }

  /** Each unit as Intl's pieces: "2" and " days", in the language's order, with the number said once. */
  private unitPieces(compact: boolean): Intl.NumberFormatPart[][] {
    const { lang } = this.locale;
    const parts = this.parts;
    // Compact drops the leading zero units ("5 min 10 s"); full keeps four boxes that do not jump.
    const first = compact ? Math.max(0, UNITS.findIndex((u) => parts[u] > 0)) : 0;
    return UNITS.slice(first).map((unit) => unitParts(lang, unit, parts[unit], compact ? 'narrow' : 'long'));
  }
}
