import { html, nothing, type TemplateResult } from 'lit';
import { FeedWidget } from '../widget/feed-widget.js';
import { pollIds } from '../widget/attribute-check.js';
import { property, state } from 'lit/decorators.js';
import { renderFeedStatus, renderStaleNote } from '../feed/feed-status.js';
import { pickPoll } from '../feed/select.js';
import { localize } from '../contract/text.js';
import type { Feed, Poll } from '../contract/types.js';
import { commonMessages } from '../i18n/common-messages.js';
import { count } from '../i18n/count.js';
import { numberFormat } from '../i18n/intl.js';
import { textLanguage } from '../i18n/text-language.js';
import { clock } from '../time/clock.js';
import { dateTimeFormat, resolveTimeZone } from '../time/format.js';
import { TickController } from '../time/tick-controller.js';
import { PollResultsEvent, PollVoteEvent } from './events.js';
import { LiveResults } from './live-results.js';
import { pollMessages, type PollMessages } from './messages.js';
import { PollError, pollBase, type PollSnapshot } from './poll-client.js';
import { pollStyles } from './styles.js';
import { shareOf, withVote } from './tally.js';
import { maxChoices, optionIds, pollStatus, type PollStatus } from '../contract/poll-rules.js';
import { sendVote, voteState, type VoteState } from './vote-queue.js';
import { voterId } from './voter-id.js';

/** Everything `render()` needs, derived in `willUpdate`. */
interface View {
  feed: Feed;
  poll: Poll;
  base: string;
  status: PollStatus;
  zone: string;
  vote: VoteState;
  /** The visitor's choices: a vote being sent or kept for a retry, else the server's record. */
  mine?: readonly string[];
  /** What to show: the server's snapshot, with the vote being sent already counted. */
  shown?: PollSnapshot;
  message: string;
  warn: boolean;
}

/**
 * A poll of the event feed: visitors vote on its questions and see the results arrive live.
 * Votes are tied to a random id kept in the page's localStorage (no cookies); a vote that fails on
 * the network is kept and sent again until it lands.
 *
 * @tag civic-poll
 * @csspart base - The widget's box.
 * @csspart title - The poll's title.
 * @csspart time - When the poll opens or closes, in the visitor's zone.
 * @csspart option - One answer (label with its radio button or checkbox).
 * @csspart button - The vote, change and table buttons.
 * @csspart item - One answer's result: text, count, share and bar.
 * @csspart bar - The bar of one answer's result.
 * @csspart notice - The loading and "no poll" notes.
 * @cssprop [--civic-poll-bar-color=var(--civic-color-accent)] - Fill of the result bars.
 * @cssprop [--civic-poll-bar-height=0.75em] - Height of the result bars.
 * @fires civic-poll-vote - Before a vote is sent (`PollVoteEvent`: `pollId`, `choices`); cancelable: `preventDefault()` stops the vote.
 * @fires civic-poll-results - The results arrived or changed (`PollResultsEvent`: `pollId`, `totals`, `voters`).
 */
export class CivicPoll extends FeedWidget {
  static override styles = pollStyles;



  /** @internal */
  static override acceptedValues = { ...FeedWidget.acceptedValues, poll: pollIds };

  /** Id of the poll to show; default: the poll of the live or next session, else the first. */
  @property() poll?: string;



  /** Shows only the title and the live results, large: for a projector during the session. */
  @property({ type: Boolean, reflect: true, attribute: 'results-only' }) resultsOnly = false;

  @state() private selected: readonly string[] = [];
  @state() private editing = false;
  @state() private asTable = false;
  @state() private askedEmpty = false;

  private readonly live = new LiveResults(this);
  private view?: View;
  private clockStatus?: PollStatus;
  /** Where focus goes after the next render: the first of these selectors that matches. */
  private focusAfter: string[] = [];
  private reported?: string;

  constructor() {
    super();
    // The poll opens and closes on the clock; the server is asked again when it does.
    new TickController(this, 1000);
  }

  protected override willUpdate(): void {
    const state = this.feed.state;
    const feed = state?.feed;
    const poll = feed && pickPoll(feed, clock.now(), this.poll);
    const base = poll && pollBase(poll, state.url);
    this.live.follow(base);
    if (!feed || !poll || !base) {
      this.view = undefined;
      return;
    }
    const snapshot = this.live.snapshot;
    const byClock = pollStatus({ opensAt: snapshot?.opensAt ?? poll.opensAt, closesAt: snapshot?.closesAt ?? poll.closesAt }, clock.now());
    if (this.clockStatus && byClock !== this.clockStatus) this.live.refresh();
    this.clockStatus = byClock;
    const session = feed.sessions.find((s) => s.id === poll.session || s.poll === poll.id);
    const vote = voteState(base);
    const t = pollMessages[this.locale.ui];
    const error = vote.error;
    let message = '';
    if (error && vote.choices) message = error.code === 'rate-limited' ? t.rateLimited : t.pending;
    else if (error) message = error.code === 'poll-not-open' ? t.notOpen : t.rejected;
    else if (vote.choices && !vote.sending) message = t.pending;
    else if (vote.sent) message = t.thanks;
    else if (this.askedEmpty) message = t.chooseSomething;
    this.view = {
      feed,
      poll,
      base,
      status: snapshot?.status ?? byClock,
      zone: resolveTimeZone(this.timeZone, session?.timeZone ?? feed.event.timeZone),
      vote,
      mine: vote.choices ?? snapshot?.myChoices,
      shown: snapshot && vote.sending && vote.choices ? withVote(snapshot, vote.choices) : snapshot,
      message,
      warn: !!error || !!vote.choices,
    };
  }

  protected override updated(): void {
    for (const selector of this.focusAfter.splice(0)) {
      const target = this.renderRoot.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        break;
      }
    }
    const snapshot = this.live.snapshot;
    const totals = snapshot?.totals;
    const key = totals && JSON.stringify([snapshot.voters, totals]);
    if (this.view && totals && key !== this.reported) {
      this.reported = key;
      this.dispatchEvent(new PollResultsEvent(this.view.poll.id, totals, snapshot.voters ?? 0));
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const state = this.feed.state;
    const status = renderFeedStatus(state, this.locale);
    const body =
      status !== nothing
        ? status
        : this.view
          ? this.renderPoll(this.view, pollMessages[this.locale.ui])
          : html`<p class="notice" part="notice">${pollMessages[this.locale.ui].noPoll}</p>`;
    return html`<div class="poll" part="base" lang=${lang} dir=${dir}>${renderStaleNote(state, this.locale)}${body}</div>`;
  }

  private text(view: View, text: Parameters<typeof localize>[0]): string {
    return localize(text, this.locale.lang, view.feed.languages);
  }

  /** The `lang` of a feed text shown in another language than the page's, for screen readers' voices. */
  private textLang(view: View, text: Parameters<typeof localize>[0]): string | typeof nothing {
    return textLanguage(text, this.locale.lang, view.feed.languages) ?? nothing;
  }

  /** "Thursday, June 18, 2026 at 5:00 PM CEST": one Intl call, so each language joins date and time its own way. */
  private when(view: View, iso: string | null | undefined): string {
    const date = new Date(iso ?? '');
    if (Number.isNaN(date.getTime())) return '';
    return dateTimeFormat(this.locale.lang, {
      timeZone: view.zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(date);
  }

  private renderPoll(view: View, t: PollMessages): TemplateResult {
    const { poll, status, shown, mine } = view;
    const opens = this.when(view, shown?.opensAt ?? poll.opensAt);
    const closes = this.when(view, shown?.closesAt ?? poll.closesAt);
    const when =
      status === 'scheduled' ? (opens ? t.opens(opens) : '') : status === 'open' ? (closes ? t.openUntil(closes) : '') : closes ? t.closed(closes) : t.closedNow;
    const showForm = !this.resultsOnly && status !== 'closed' && (this.editing || !mine?.length);
    const hidden = poll.results === 'after-close' ? t.afterClose : poll.results === 'after-vote' && !mine?.length ? t.afterVote : '';
    return html`
      <h2 part="title" lang=${this.textLang(view, poll.title)} dir="auto">${this.text(view, poll.title)}</h2>
      ${poll.prompt && !this.resultsOnly ? html`<p lang=${this.textLang(view, poll.prompt)} dir="auto">${this.text(view, poll.prompt)}</p>` : nothing}
      ${when ? html`<p class="when" part="time">${when}</p>` : nothing}
      ${this.resultsOnly ? nothing : showForm ? this.renderForm(view, t) : this.renderMine(view, t)}
      ${this.resultsOnly ? nothing : html`<p class="message ${view.warn ? 'warn' : ''}" role="status">${view.message}</p>`}
      ${shown?.totals ? this.renderResults(view, shown, t) : hidden && status !== 'closed' ? html`<p class="hint">${hidden}</p>` : nothing}
    `;
  }

  private renderForm(view: View, t: PollMessages): TemplateResult {
    const { poll, status } = view;
    const single = poll.mode === 'single';
    const optionCount = optionIds(poll).length;
    const max = maxChoices(poll);
    const full = !single && max < optionCount && this.selected.length >= max;
    const open = status === 'open';
    // Said once when the last allowed box is checked, since the others turn disabled under the
    // visitor's fingers; the visible line stays the fieldsets' description, hidden from browsing to
    // avoid reading it twice.
    const limit = t.limitReached(count(max, this.locale.lang));
    return html`<form @submit=${this.onSubmit} @change=${this.onChange}>
      <p id="hint" class="hint">${single ? t.chooseOne : t.chooseUpTo(count(max, this.locale.lang))}</p>
      ${poll.groups.map(
        (group) => html`<fieldset ?disabled=${!open} aria-describedby=${full ? 'hint limit' : 'hint'}>
          <legend lang=${this.textLang(view, group.title)} dir="auto">${this.text(view, group.title)}</legend>
          ${group.options.map((option) => {
            const checked = this.selected.includes(option.id);
            return html`<label class="option" part="option"
              ><input
                type=${single ? 'radio' : 'checkbox'}
                name="choice"
                .value=${option.id}
                .checked=${checked}
                ?disabled=${full && !checked}
              /><span lang=${this.textLang(view, option.text)} dir="auto">${this.text(view, option.text)}</span></label
            >`;
          })}
        </fieldset>`,
      )}
      ${full ? html`<p id="limit" class="hint" aria-hidden="true">${limit}</p>` : nothing}
      <p class="visually-hidden" role="status">${full ? limit : ''}</p>
      ${open
        ? html`<div class="actions">
            <button class="button" part="button">${t.vote}</button>
            ${this.editing && view.mine?.length
              ? html`<button class="button secondary" part="button" type="button" @click=${this.onKeep}>${t.keepVote}</button>`
              : nothing}
          </div>`
        : nothing}
    </form>`;
  }

  private renderMine(view: View, t: PollMessages): TemplateResult | typeof nothing {
    const mine = view.mine;
    if (!mine?.length) return nothing;
    const options = view.poll.groups.flatMap((g) => g.options);
    return html`<div class="mine" tabindex="-1">
      <h3>${t.yourVote}</h3>
      <ul>
        ${mine.map((id) => {
          const text = options.find((o) => o.id === id)?.text ?? id;
          return html`<li lang=${this.textLang(view, text)} dir="auto">${this.text(view, text)}</li>`;
        })}
      </ul>
      ${view.status === 'open'
        ? html`<div class="actions">
            <button class="button secondary" part="button" @click=${this.onEdit}>${t.changeVote}</button>
          </div>`
        : nothing}
    </div>`;
  }

  private renderResults(view: View, snapshot: PollSnapshot, t: PollMessages): TemplateResult {
    const lang = this.locale.lang;
    const number = numberFormat(lang);
    const percent = numberFormat(lang, { style: 'percent' });
    const rows = view.poll.groups.map((group) => ({
      title: this.text(view, group.title),
      lang: this.textLang(view, group.title),
      options: group.options.map((option) => {
        const count = snapshot.totals?.[option.id] ?? 0;
        const share = shareOf(count, snapshot);
        return { text: this.text(view, option.text), lang: this.textLang(view, option.text), count: number.format(count), percent: percent.format(share), share };
      }),
    }));
    return html`<section class="results" aria-labelledby="results">
      <h3 id="results">${t.results}</h3>
      <p>${t.voters}${commonMessages[this.locale.ui].colon} ${number.format(snapshot.voters ?? 0)}</p>
      <div aria-hidden="true" ?hidden=${this.asTable}>
        ${rows.map(
          (group) => html`<p class="group" lang=${group.lang} dir="auto">${group.title}</p>
            ${group.options.map(
              (row) => html`<div class="row" part="item">
                <span lang=${row.lang} dir="auto">${row.text}</span><span class="count">${row.count} · ${row.percent}</span>
                <div class="bar" part="bar"><div class="fill" .style=${`--share:${row.share}`}></div></div>
              </div>`,
            )}`,
        )}
      </div>
      <table class=${this.asTable ? '' : 'visually-hidden'}>
        <caption class="visually-hidden">${t.results}${commonMessages[this.locale.ui].colon} ${this.text(view, view.poll.title)}</caption>
        <thead>
          <tr><th scope="col">${t.question}</th><th scope="col">${t.votes}</th><th scope="col">${t.share}</th></tr>
        </thead>
        ${rows.map(
          (group) => html`<tbody>
            <tr><th scope="rowgroup" colspan="3" lang=${group.lang} dir="auto">${group.title}</th></tr>
            ${group.options.map((row) => html`<tr><th scope="row" lang=${row.lang} dir="auto">${row.text}</th><td>${row.count}</td><td>${row.percent}</td></tr>`)}
          </tbody>`,
        )}
      </table>
      ${this.resultsOnly
        ? nothing
        : html`<div class="actions">
            <button class="button secondary" part="button" aria-pressed=${this.asTable} @click=${this.onToggleTable}>${t.showTable}</button>
          </div>`}
    </section>`;
  }

  private onChange(event: Event): void {
    const form = event.currentTarget as HTMLFormElement;
    this.selected = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
    this.askedEmpty = false;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const view = this.view;
    const choices = this.selected;
    if (!view) return;
    if (!choices.length) {
      this.askedEmpty = true;
      return;
    }
    if (!this.dispatchEvent(new PollVoteEvent(view.poll.id, choices))) return;
    this.editing = false;
    this.askedEmpty = false;
    this.focusAfter = ['.mine button', '.mine'];
    try {
      await sendVote(view.base, voterId(), choices);
    } catch (error) {
      // A poll closed under the visitor: fetch its status now rather than at the next event.
      if ((error as PollError).code === 'poll-not-open') this.live.refresh();
    }
  }

  private onEdit(): void {
    this.selected = [...(this.view?.mine ?? [])];
    this.editing = true;
    this.focusAfter = ['input:checked', 'input'];
  }

  private onKeep(): void {
    this.editing = false;
    this.focusAfter = ['.mine button'];
  }

  private onToggleTable(): void {
    this.asTable = !this.asTable;
  }
}
