import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { pollIds } from '../widget/attribute-check.js';
import { property, state } from 'lit/decorators.js';
import { renderFeedStatus, renderStaleNote } from '../feed/feed-status.js';
import { commonMessages } from '../i18n/common-messages.js';
import { resolveTimeZone } from '../time/format.js';
import { FeedWidget } from '../widget/feed-widget.js';
import { memo } from '../widget/memo.js';
import { PollResultsEvent, PollVoteEvent } from './events.js';
import { LiveResults } from './live-results.js';
import { pollMessages, type PollMessages } from './messages.js';
import type { RequestError } from '../net/request.js';
import { renderChoiceForm, renderMine } from './poll-form.js';
import { renderRankedResults, renderResults } from './poll-results.js';
import { longDateTime, pollTexts, rankedResults, resultsView, voteView, type PollTexts, type VoteView } from './poll-view.js';
import { moveDown, moveUp, placeAt } from './ranking.js';
import { announce, renderRankingForm } from './ranking-form.js';
import { ShownPoll } from './shown-poll.js';
import { sendVote, voteState } from './vote-queue.js';
import { voterId } from './voter-id.js';
import { pollStyles } from './styles.js';

/** Everything `render()` needs, derived once per update. */
interface View extends VoteView {
  texts: PollTexts;
  base: string;
  zone: string;
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
 * @fires civic-poll-results - The results arrived or changed (`PollResultsEvent`: `pollId`, `totals`, `voters`, and `scores` in ranking polls).
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
  /** Ranking polls: what the last move did, for screen readers. */
  @state() private announcement = '';

  private readonly shown: ShownPoll = new ShownPoll(
    this,
    () => ({ state: this.feed.state, poll: this.poll, dates: this.live.snapshot }),
    () => this.forgetForm(),
    // The poll opens or closes on the clock: ask the server now rather than at its next event.
    () => this.live.refresh(),
  );
  private readonly live: LiveResults = new LiveResults(this, () => this.shown.base);
  private readonly texts = memo(pollTexts);
  private readonly results = memo(resultsView);
  private readonly ranked = memo(rankedResults);
  private view?: View;
  /** Where focus goes after the next render: the first of these selectors that matches. */
  private focusAfter: string[] = [];
  private reported?: string;

  // Controllers follow their inputs in hostUpdate, which Lit runs after willUpdate: the view that
  // needs their answers (which poll, its snapshot) is derived here, after them and before render().
  protected override update(changed: PropertyValues<this>): void {
    this.view = this.derive();
    super.update(changed);
  }

  private derive(): View | undefined {
    const { poll, base, byClock } = this.shown;
    const feed = this.feed.state?.feed;
    if (!feed || !poll || !base || !byClock) return undefined;
    const session = feed.sessions.find((s) => s.id === poll.session || s.poll === poll.id);
    const texts = this.texts(feed, poll, this.locale.lang);
    return {
      texts,
      base,
      zone: resolveTimeZone(this.timeZone, session?.timeZone ?? feed.event.timeZone),
      ...voteView(this.live.snapshot, byClock, voteState(base), this.askedEmpty, texts.rule),
    };
  }

  /** Another poll is shown: what the visitor ticked, typed or was told belongs to the previous one. */
  private forgetForm(): void {
    this.selected = [];
    this.editing = false;
    this.askedEmpty = false;
    this.announcement = '';
    this.focusAfter = [];
    this.reported = undefined;
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
    const key = totals && JSON.stringify([snapshot.id, snapshot.voters, totals, snapshot.scores]);
    if (this.view && totals && key !== this.reported) {
      this.reported = key;
      this.dispatchEvent(new PollResultsEvent(this.view.texts.poll.id, totals, snapshot.voters ?? 0, snapshot.scores));
    }
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const state = this.feed.state;
    const status = renderFeedStatus(state, this.locale);
    const t = pollMessages[this.locale.ui];
    const body = status !== nothing ? status : this.view ? this.renderPoll(this.view, t) : html`<p class="notice" part="notice">${t.noPoll}</p>`;
    return html`<div class="panel" part="base" lang=${lang} dir=${dir}>${renderStaleNote(state, this.locale)}${body}</div>`;
  }

  private renderPoll(view: View, t: PollMessages): TemplateResult {
    const { texts, status, shown, mine } = view;
    const lang = this.locale.lang;
    const opens = longDateTime(shown?.opensAt ?? texts.poll.opensAt, lang, view.zone);
    const closes = longDateTime(shown?.closesAt ?? texts.poll.closesAt, lang, view.zone);
    const when =
      status === 'scheduled' ? (opens ? t.opens(opens) : '') : status === 'open' ? (closes ? t.openUntil(closes) : '') : closes ? t.closed(closes) : t.closedNow;
    const unavailable = this.live.api === 'absent';
    const hidden = texts.poll.results === 'after-close' ? t.afterClose : texts.poll.results === 'after-vote' && !mine?.length ? t.afterVote : '';
    return html`
      <h2 part="title" lang=${texts.title.lang ?? nothing} dir="auto">${texts.title.text}</h2>
      ${texts.prompt && !this.resultsOnly ? html`<p lang=${texts.prompt.lang ?? nothing} dir="auto">${texts.prompt.text}</p>` : nothing}
      ${when && !unavailable ? html`<p class="when" part="time">${when}</p>` : nothing}
      ${unavailable ? html`<p class="message warn" role="status">${t.unavailable}</p>` : this.renderVoting(view, t)}
      ${shown?.totals
        ? this.renderResults(texts, shown, t)
        : hidden && status !== 'closed' && !unavailable
          ? html`<p class="hint">${hidden}</p>`
          : nothing}
    `;
  }

  private renderResults(texts: PollTexts, shown: NonNullable<View['shown']>, t: PollMessages): TemplateResult {
    const lang = this.locale.lang;
    const common = { texts, t, colon: commonMessages[this.locale.ui].colon, asTable: this.asTable, resultsOnly: this.resultsOnly, onToggleTable: this.onToggleTable };
    return texts.rule.ranked ? renderRankedResults({ ...common, results: this.ranked(texts, shown, lang) }) : renderResults({ ...common, results: this.results(texts, shown, lang) });
  }

  private renderVoting(view: View, t: PollMessages): TemplateResult | typeof nothing {
    if (this.resultsOnly) return nothing;
    const { texts, status, mine } = view;
    const open = status === 'open';
    // Probe first: the form is offered once the poll's API has answered as one.
    const input = {
      texts,
      t,
      lang: this.locale.lang,
      open: open && this.live.api === 'present',
      selected: this.selected,
      changing: this.editing && !!mine?.length,
      onSubmit: this.onSubmit,
      onKeep: this.onKeep,
    };
    const form =
      status !== 'closed' && (this.editing || !mine?.length)
        ? texts.rule.ranked
          ? renderRankingForm({ ...input, announcement: this.announcement, onRank: this.onRank, onUp: this.onUp, onDown: this.onDown })
          : renderChoiceForm({ ...input, onChange: this.onChange })
        : mine?.length
          ? renderMine(texts, mine, t, open, this.onEdit)
          : nothing;
    const note = view.note === 'chooseSomething' && texts.rule.ranked ? t.rankSomething : view.note ? t[view.note] : '';
    return html`${form}<p class="message ${view.warn ? 'warn' : ''}" role="status">${note}</p>`;
  }

  private readonly onChange = (event: Event): void => {
    const form = event.currentTarget as HTMLFormElement;
    this.selected = [...form.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
    this.askedEmpty = false;
  };

  /** After a move, focus stays on the moved answer's control (Lit moves its row, which blurs it). */
  private rankTo(id: string, ranking: string[], control: string): void {
    const texts = this.view?.texts;
    if (!texts) return;
    this.selected = ranking;
    this.askedEmpty = false;
    this.announcement = announce(pollMessages[this.locale.ui], texts.options.get(id)?.text ?? id, ranking, id, this.locale.lang);
    const row = `[data-option="${CSS.escape(id)}"]`;
    this.focusAfter = [`${row} ${control}:not(:disabled)`, `${row} .move:not(:disabled)`, `${row} select`];
  }

  private readonly onRank = (id: string, rank: number): void => {
    const max = this.view?.texts.max ?? 0;
    this.rankTo(id, placeAt(this.selected, id, rank, max), 'select');
  };

  private readonly onUp = (id: string): void => {
    this.rankTo(id, moveUp(this.selected, id, this.view?.texts.max ?? 0), '.up');
  };

  private readonly onDown = (id: string): void => {
    this.rankTo(id, moveDown(this.selected, id, this.view?.texts.max ?? 0), '.down');
  };

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const view = this.view;
    const choices = this.selected;
    if (!view) return;
    if (!choices.length) {
      this.askedEmpty = true;
      return;
    }
    if (!this.dispatchEvent(new PollVoteEvent(view.texts.poll.id, choices))) return;
    this.editing = false;
    this.askedEmpty = false;
    this.announcement = '';
    this.focusAfter = ['.mine button', '.mine'];
    try {
      await sendVote(view.base, voterId(), choices);
    } catch (error) {
      // A poll closed under the visitor: fetch its status now rather than at the next event.
      if ((error as RequestError).code === 'poll-not-open') this.live.refresh();
    }
  };

  private readonly onEdit = (): void => {
    this.selected = [...(this.view?.mine ?? [])];
    this.editing = true;
    this.focusAfter = ['input:checked', 'input', 'select'];
  };

  private readonly onKeep = (): void => {
    this.editing = false;
    this.focusAfter = ['.mine button'];
  };

  private readonly onToggleTable = (): void => {
    this.asTable = !this.asTable;
  };
}
