import { html, nothing, type TemplateResult } from 'lit';
import { FeedWidget } from '../widget/feed-widget.js';
import { sessionIds } from '../widget/attribute-check.js';
import { property } from 'lit/decorators.js';
import { renderFeedStatus, renderStaleNote } from '../feed/feed-status.js';
import { pickSession, sessionPhase, type SessionPhase } from '../feed/select.js';
import { localize } from '../contract/text.js';
import type { Session } from '../contract/types.js';
import { commonMessages } from '../i18n/common-messages.js';
import { numberFormat, unitFormat } from '../i18n/intl.js';
import { textLanguage } from '../i18n/text-language.js';
import { sessionCalendarEntry, type CalendarEntry } from '../time/calendar.js';
import { renderCalendarLinks } from '../time/calendar-links.js';
import { clock } from '../time/clock.js';
import { formatDate, formatShortDate, formatTimeWithZone, localTimeZone, resolveTimeZone, zoneCity } from '../time/format.js';
import { TickController } from '../time/tick-controller.js';
import { countdownParts, spokenDuration, UNITS, type CountdownParts } from './countdown-parts.js';
import { CountdownEndEvent, CountdownStartEvent } from './events.js';
import { countdownMessages } from './messages.js';
import { countdownStyles } from './styles.js';

type Phase = SessionPhase | 'cancelled' | 'postponed';

/**
 * Counts down to a session, then says it is live (with its join link) and then that it has ended
 * (with its recording when the feed has one). A cancelled or postponed session says so instead.
 * Every countdown on the page ticks from one timer, aligned to the second, paused while the page is
 * hidden, and reads the clock corrected by the feed server's `Date` header.
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



  // Derived in willUpdate.
  private shown?: Session;
  private phase?: Phase;
  private heading = '';
  private headingLang?: string;
  private parts: CountdownParts = countdownParts(0);
  private units: Intl.NumberFormatPart[][] = [];
  private spoken = '';
  private when = '';
  private calendar?: CalendarEntry;
  private recordingUrl?: string;
  private announcement = '';
  private seen?: { session: Session; phase: Phase };
  private wentLive?: string;
  private pending: Event[] = [];

  constructor() {
    super();
    // Re-renders once a second from the page's one ticker; the host keeps the controller.
    new TickController(this);
  }

  protected override willUpdate(): void {
    const feed = this.feed.state?.feed;
    const now = clock.now();
    const session = feed && pickSession(feed, now, this.session);
    const { lang, ui } = this.locale;
    this.shown = session;
    this.phase = undefined;
    if (!feed || !session) return;
    const phase: Phase = session.status === 'cancelled' || session.status === 'postponed' ? session.status : sessionPhase(session, now);
    this.observe(session, phase, now);
    this.phase = phase;
    this.heading = localize(session.title, lang, feed.languages);
    this.headingLang = textLanguage(session.title, lang, feed.languages);
    const start = new Date(session.start);
    this.parts = countdownParts(start.getTime() - now);
    this.units = phase === 'upcoming' ? this.unitPieces(this.layout === 'compact') : [];
    this.spoken = spokenDuration(this.parts, lang);
    this.when = this.startLine(start, session.timeZone ?? feed.event.timeZone, this.layout === 'compact');
    this.calendar = phase === 'upcoming' ? sessionCalendarEntry(feed, session, lang) : undefined;
    this.recordingUrl = feed.recordings?.find((r) => r.session === session.id)?.url;
    this.announcement = phase === 'live' && this.wentLive === session.id ? countdownMessages[ui].wentLive(this.heading) : '';
  }

  /** Queues the start and end events for transitions seen while shown; never for the first look. */
  private observe(session: Session, phase: Phase, now: number): void {
    const before = this.seen;
    this.seen = { session, phase };
    if (!before) return;
    if (before.session.id !== session.id) {
      // The default selection moves on to the next session as soon as the live one ends.
      if (before.phase === 'live' && sessionPhase(before.session, now) === 'ended') this.pending.push(new CountdownEndEvent(before.session));
      return;
    }
    if (before.phase === 'upcoming' && phase === 'live') {
      this.wentLive = session.id;
      this.pending.push(new CountdownStartEvent(session));
    }
    if ((before.phase === 'upcoming' || before.phase === 'live') && phase === 'ended') this.pending.push(new CountdownEndEvent(session));
  }

  /**
   * "Thursday, June 18, 2026, 3:00 PM CEST, Madrid · 9:00 AM EDT your time"; compact: "Jun 18, 9:00 AM EDT"
   * in the zone the `time-zone` attribute asks for.
   */
  private startLine(start: Date, eventZone: string, compact: boolean): string {
    const { lang, ui } = this.locale;
    const zone = resolveTimeZone(this.timeZone, eventZone);
    const comma = ui === 'ar' ? '، ' : ', ';
    if (compact) return `${formatShortDate(start, lang, zone)}${comma}${formatTimeWithZone(start, lang, zone)}`;
    const atEvent = `${formatTimeWithZone(start, lang, eventZone)}${comma}${zoneCity(eventZone)}`;
    const atVisitor = formatTimeWithZone(start, lang, zone);
    // "your time" also when an unknown zone fell back to the visitor's, or when the visitor is in the zone named.
    const local = zone === localTimeZone();
    const visitor = atVisitor === formatTimeWithZone(start, lang, eventZone) ? '' : ` · ${atVisitor} ${local ? commonMessages[ui].yourTime : zoneCity(zone)}`;
    return `${formatDate(start, lang, zone)}${comma}${atEvent}${visitor}`;
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
    const title = html`<span class="title" part="title" lang=${this.headingLang ?? nothing} dir="auto">${this.heading}</span>`;
    const time = html`<time part="time" datetime=${new Date(session.start).toISOString()}>${this.when}</time>`;
    return compact
      ? html`<div class="line">${title} ${this.renderState(session)} <span class="when">${time}</span></div>`
      : html`${title} ${this.renderState(session)}
          <p class="when">${time}</p>
          ${this.calendar ? renderCalendarLinks(this.calendar, this.locale.ui) : nothing}`;
  }

  private renderState(session: Session): TemplateResult {
    const t = countdownMessages[this.locale.ui];
    switch (this.phase) {
      case 'upcoming':
        return this.renderTimer();
      case 'live':
        return html`<span class="live-mark"><span class="dot" aria-hidden="true"></span>${t.live}</span>
          ${session.joinUrl ? html`<a class="button" part="button" href=${session.joinUrl} target="_blank" rel="noopener">${t.join}</a>` : nothing}`;
      case 'ended':
        return html`<span class="phase">${t.ended}</span>
          ${this.recordingUrl ? html`<a class="recording" href=${this.recordingUrl}>${t.recording}</a>` : nothing}`;
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

  /** Each unit as Intl's pieces: "2" and " days", in the language's order. */
  private unitPieces(compact: boolean): Intl.NumberFormatPart[][] {
    const { lang } = this.locale;
    const parts = this.parts;
    // Compact drops the leading zero units ("5 min 10 s"); full keeps four boxes that do not jump.
    const first = compact ? Math.max(0, UNITS.findIndex((u) => parts[u] > 0)) : 0;
    return UNITS.slice(first).map((unit) => {
      const pieces = unitFormat(lang, unit, compact ? 'narrow' : 'long').formatToParts(parts[unit]);
      // Arabic says "يوم" for one day and "يومان" for two, with no digit: the box still shows one.
      if (!pieces.some((p) => p.type === 'integer')) pieces.unshift({ type: 'integer', value: numberFormat(lang).format(parts[unit]) }, { type: 'literal', value: ' ' });
      return pieces;
    });
  }
}
