import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { pollStatus } from '../contract/poll-rules.js';
import { characters, cleanText, NAME_MAX, QUESTION_MAX, type BoardStatus, type QuestionsSnapshot } from '../contract/questions.js';
import { localize } from '../contract/text.js';
import type { Feed, QuestionBoard } from '../contract/types.js';
import { renderFeedStatus, renderStaleNote } from '../feed/feed-status.js';
import { count } from '../i18n/count.js';
import { textLanguage } from '../i18n/text-language.js';
import { retryable, type RequestError } from '../net/request.js';
import { voterId } from '../poll/voter-id.js';
import { clock } from '../time/clock.js';
import { dateTimeFormat, resolveTimeZone } from '../time/format.js';
import { TickController } from '../time/tick-controller.js';
import { FeedWidget } from '../widget/feed-widget.js';
import { memo } from '../widget/memo.js';
import { QuestionAskEvent, QuestionUpvoteEvent } from './events.js';
import { LiveQuestions } from './live-questions.js';
import { questionMessages, type QuestionMessages } from './messages.js';
import { pickBoard } from './pick-board.js';
import { questionsBase } from './question-client.js';
import { askQuestion, landedQuestions, onQuestionRequest, pendingUpvote, setUpvote, unsentQuestions } from './question-queue.js';
import { boardView, type Mine, type Order, type Row } from './question-view.js';
import { questionStyles } from './styles.js';

/** The counter is announced when the characters left cross one of these (not at every key). */
const ANNOUNCE_AT = [50, 20, 10, 0];

type Outcome = 'thanks' | 'thanksModeration' | 'kept' | 'tooLong' | 'writeSomething' | 'notOpen' | 'rateLimited' | 'refused';

interface Board {
  feed: Feed;
  board: QuestionBoard;
  base: string;
  status: BoardStatus;
  zone: string;
}

/**
 * An audience Q&A: visitors ask questions (plain text, at most 280 characters, an optional name)
 * and upvote the others', and see the list change live. On a board with `"moderation": "pre"` a
 * question appears once an organizer publishes it; meanwhile its author sees it as pending. A
 * question or upvote that fails on the network is kept in the page's localStorage and sent again
 * until it lands, even after a reload. Visitors are a random id (no cookies), as for polls.
 *
 * @tag civic-questions
 * @csspart base - The widget's box.
 * @csspart title - The board's title.
 * @csspart time - When questions open or close, in the visitor's zone.
 * @csspart item - One question.
 * @csspart button - The ask button and each upvote button.
 * @csspart notice - The loading and "no board" notes.
 * @cssprop --civic-questions-max-height - Height after which the list scrolls; default: none.
 * @fires civic-questions-ask - Before a question is sent (`QuestionAskEvent`: `boardId`, `text`, `name`); cancelable: `preventDefault()` stops it.
 * @fires civic-questions-upvote - A visitor upvoted a question or took the upvote back (`QuestionUpvoteEvent`: `boardId`, `questionId`, `upvoted`).
 */
export class CivicQuestions extends FeedWidget {
  static override styles = questionStyles;

  /** Id of the question board to show; default: the board of the live or next session, else the first. */
  @property() board?: string;

  /** `votes` (most upvoted first, the default) or `newest`. Pinned questions come first, answered ones last. */
  @property({ reflect: true }) order: Order = 'votes';

  @state() private draft = '';
  @state() private name = '';
  @state() private outcome?: Outcome;
  /** Bumped at every change of a question or upvote request, so that the view is derived again. */
  @state() private requests = 0;

  private readonly live = new LiveQuestions(this);
  private current?: Board;
  private list?: { rows: Row[]; mine: Mine[] };
  private announcement = '';
  private bucket?: number;
  private clockStatus?: BoardStatus;
  private unsubscribe?: () => void;
  private focusDraft = false;

  private readonly derive = memo((snapshot: QuestionsSnapshot | undefined, base: string, _requests: number, order: Order) =>
    boardView(snapshot, unsentQuestions(base), landedQuestions(base), (id) => pendingUpvote(base, id), order),
  );

  constructor() {
    super();
    // Boards open and close on the clock; the server is asked again when they do.
    new TickController(this, 1000);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onQuestionRequest((base) => {
      if (base === this.current?.base) this.requests++;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  protected override willUpdate(): void {
    const state = this.feed.state;
    const feed = state?.feed;
    const board = feed && pickBoard(feed, clock.now(), this.board);
    const base = board && questionsBase(board, state.url);
    this.live.follow(base);
    if (!feed || !board || !base) {
      this.current = this.list = undefined;
      return;
    }
    const snapshot = this.live.snapshot;
    const byClock = pollStatus({ opensAt: snapshot?.opensAt ?? board.opensAt, closesAt: snapshot?.closesAt ?? board.closesAt }, clock.now());
    if (this.clockStatus && byClock !== this.clockStatus) this.live.refresh();
    this.clockStatus = byClock;
    const session = feed.sessions.find((s) => s.id === board.session);
    this.current = {
      feed,
      board,
      base,
      status: snapshot?.status ?? byClock,
      zone: resolveTimeZone(this.timeZone, session?.timeZone ?? feed.event.timeZone),
    };
    this.list = this.derive(snapshot, base, this.requests, this.order === 'newest' ? 'newest' : 'votes');
    // Said when the characters left cross a threshold, with the exact number at that moment.
    const left = QUESTION_MAX - characters(this.draft);
    const bucket = left < 0 ? ANNOUNCE_AT.length : ANNOUNCE_AT.findLastIndex((at) => left <= at);
    if (bucket !== this.bucket) {
      const t = questionMessages[this.locale.ui];
      this.announcement = left < 0 ? t.tooLong : bucket >= 0 ? t.left(count(left, this.locale.lang)) : '';
      this.bucket = bucket;
    }
  }

  protected override updated(): void {
    if (!this.focusDraft) return;
    this.focusDraft = false;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  protected override render() {
    const { lang, dir } = this.locale;
    const state = this.feed.state;
    const t = questionMessages[this.locale.ui];
    const status = renderFeedStatus(state, this.locale);
    const body =
      status !== nothing
        ? status
        : this.current && this.list
          ? this.renderBoard(this.current, this.list, t)
          : html`<p class="notice" part="notice">${t.noBoard}</p>`;
    return html`<div class="panel" part="base" lang=${lang} dir=${dir}>${renderStaleNote(state, this.locale)}${body}</div>`;
  }

  private when(view: Board, iso: string | null | undefined): string {
    const date = new Date(iso ?? '');
    if (Number.isNaN(date.getTime())) return '';
    return dateTimeFormat(this.locale.lang, {
      timeZone: view.zone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(date);
  }

  private renderBoard(view: Board, list: { rows: Row[]; mine: Mine[] }, t: QuestionMessages): TemplateResult {
    const { board, status } = view;
    const title = localize(board.title, this.locale.lang, view.feed.languages);
    const opens = this.when(view, board.opensAt);
    const closes = this.when(view, board.closesAt);
    const when = status === 'scheduled' ? (opens ? t.opens(opens) : t.notOpen) : status === 'open' ? (closes ? t.openUntil(closes) : '') : t.closed;
    return html`
      <h2 part="title" lang=${textLanguage(board.title, this.locale.lang, view.feed.languages) ?? nothing} dir="auto">${title}</h2>
      ${when ? html`<p class="when" part="time">${when}</p>` : nothing}
      ${status === 'open' ? this.renderForm(t) : nothing}
      <p class="message ${this.outcome && this.outcome !== 'thanks' && this.outcome !== 'thanksModeration' ? 'warn' : ''}" role="status">
        ${this.outcome ? t[this.outcome] : ''}
      </p>
      ${list.mine.length ? this.renderMine(list.mine, t) : nothing}
      <section class="list" aria-labelledby="questions-heading">
        <div class="list-head">
          <h3 id="questions-heading">${t.questions}</h3>
          <fieldset class="order" @change=${this.onOrder}>
            <legend>${t.sortBy}</legend>
            ${(['votes', 'newest'] as const).map(
              (order) =>
                html`<label><input type="radio" name="order" .value=${order} .checked=${this.order === order} />${order === 'votes' ? t.byVotes : t.newest}</label>`,
            )}
          </fieldset>
        </div>
        ${list.rows.length
          ? html`<ol>
              ${list.rows.map((row) => this.renderRow(row, status === 'open', t))}
            </ol>`
          : html`<p class="hint">${t.none}</p>`}
      </section>
    `;
  }

  private renderForm(t: QuestionMessages): TemplateResult {
    const left = QUESTION_MAX - characters(this.draft);
    const over = left < 0;
    return html`<form novalidate @submit=${this.onSubmit}>
      <label for="question">${t.yourQuestion}</label>
      <textarea
        id="question"
        rows="3"
        aria-describedby="counter"
        aria-invalid=${over ? 'true' : 'false'}
        .value=${this.draft}
        @input=${this.onDraft}
      ></textarea>
      <p id="counter" class="counter ${over ? 'over' : ''}">${over ? t.over(count(-left, this.locale.lang)) : t.left(count(left, this.locale.lang))}</p>
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <label for="name">${t.yourName} <span class="hint">${t.optional}</span></label>
      <input id="name" autocomplete="name" maxlength=${NAME_MAX} .value=${this.name} @input=${this.onName} />
      <div class="actions"><button class="button" part="button">${t.ask}</button></div>
    </form>`;
  }

  private renderMine(mine: Mine[], t: QuestionMessages): TemplateResult {
    return html`<section class="mine" aria-labelledby="mine-heading">
      <h3 id="mine-heading">${t.mine}</h3>
      <ul>
        ${mine.map(
          (q) => html`<li part="item">
            <p class="text" dir="auto">${q.text}</p>
            <p class="meta">
              ${q.name ? html`<span dir="auto">${q.name}</span>` : nothing}
              <span class="mark ${q.state === 'kept' ? 'warn' : ''}"
                >${q.state === 'sending' ? t.sending : q.state === 'kept' ? t.kept : t.waitingModeration}</span
              >
            </p>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderRow(row: Row, open: boolean, t: QuestionMessages): TemplateResult {
    const votes = t.votes(count(row.votes, this.locale.lang));
    return html`<li part="item" class=${row.pinned ? 'pinned' : ''}>
      <div class="body">
        <p class="text" dir="auto">${row.text}</p>
        <p class="meta">
          <span dir="auto">${row.name ?? t.anonymous}</span>
          ${row.pinned ? html`<span class="mark">${t.pinned}</span>` : nothing}
          ${row.answered ? html`<span class="mark done">${t.answered}</span>` : nothing}
          ${row.upvotePending ? html`<span class="mark warn">${t.sending}</span>` : nothing}
        </p>
      </div>
      ${open
        ? html`<button
            class="button upvote ${row.upvoted ? '' : 'secondary'}"
            part="button"
            aria-pressed=${row.upvoted ? 'true' : 'false'}
            @click=${() => this.onUpvote(row)}
          >
            <span aria-hidden="true">▲</span><span aria-hidden="true">${count(row.votes, this.locale.lang).text}</span
            ><span class="visually-hidden">${t.upvote}, ${votes}</span>
          </button>`
        : html`<p class="count">${votes}</p>`}
    </li>`;
  }

  private onDraft(event: InputEvent): void {
    this.draft = (event.target as HTMLTextAreaElement).value;
  }

  private onName(event: InputEvent): void {
    this.name = (event.target as HTMLInputElement).value;
  }

  private onOrder(event: Event): void {
    this.order = (event.target as HTMLInputElement).value === 'newest' ? 'newest' : 'votes';
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const view = this.current;
    if (!view) return;
    const text = cleanText(this.draft);
    const name = cleanText(this.name) || undefined;
    if (!text || characters(text) > QUESTION_MAX) {
      this.outcome = text ? 'tooLong' : 'writeSomething';
      this.focusDraft = true;
      return;
    }
    if (!this.dispatchEvent(new QuestionAskEvent(view.board.id, text, name))) return;
    const draft = this.draft;
    this.draft = '';
    this.outcome = undefined;
    try {
      const sending = askQuestion(view.base, voterId(), text, name);
      this.requests++; // the question is stored: show it as being sent
      const receipt = await sending;
      this.outcome = receipt.status === 'pending' ? 'thanksModeration' : 'thanks';
    } catch (error) {
      const code = (error as RequestError).code;
      // The queue's own rule: what it keeps for a retry is what the visitor is told is kept.
      if (code === 'rate-limited') this.outcome = 'rateLimited';
      else if (retryable(error as RequestError)) this.outcome = 'kept';
      else {
        // Refused for good: give the visitor their words back to edit, unless they started another.
        if (!this.draft) this.draft = draft;
        this.outcome = code === 'board-not-open' ? 'notOpen' : code === 'question-too-long' ? 'tooLong' : 'refused';
        if (code === 'board-not-open') this.live.refresh();
      }
    }
  }

  private onUpvote(row: Row): void {
    const view = this.current;
    if (!view) return;
    const on = !row.upvoted;
    this.dispatchEvent(new QuestionUpvoteEvent(view.board.id, row.id, on));
    setUpvote(view.base, row.id, voterId(), on).catch((error: RequestError) => {
      if (error.code === 'board-not-open') this.live.refresh();
    });
    this.requests++; // the wish is stored: show it now, before its answer

  }
}
