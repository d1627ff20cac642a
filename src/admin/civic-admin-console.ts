import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Feed } from '../contract/types.js';
import { localize } from '../contract/text.js';
import { count, plural } from '../i18n/count.js';
import { intl } from '../i18n/intl.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { hostStyles } from '../styles/host-styles.js';
import { AdminApi, AdminApiError, type BoardModeration, type FeedReport, type ModeratedQuestion, type ModerationAction, type PollSummary } from './api.js';
import { consoleStyles } from './console-styles.js';
import { fill, messages, voteCount, type AdminMessages } from './messages.js';
import { AdminStreamController } from './admin-stream-controller.js';
import { actionOutcome, boardCards, renderBoard, withQuestion, type BoardCard } from './question-boards.js';
import { renderGroup, resultGroups } from './results.js';
import { adminStyles } from './styles.js';

interface PollCard {
  summary: PollSummary;
  title: string;
  groups: ReturnType<typeof resultGroups>;
  votes: string;
}

/**
 * The organizer's console, served at `/admin/`: sign-in with the admin token, then every poll
 * (status, voters, live totals) with open now, close now, reset (confirmed, naming the poll and the
 * votes lost) and CSV export; every question board with its moderation queue (publish, reject,
 * answered, pinned, withdraw, CSV export), live; and every feed (validation, sessions, sources).
 *
 * @tag civic-admin-console
 */
export class CivicAdminConsole extends LitElement {
  static override styles = [hostStyles, adminStyles, consoleStyles];

  /** `auto` (follows the system), `light` or `dark`. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  @state() private signedIn: boolean | undefined;
  @state() private feeds: FeedReport[] = [];
  @state() private definitions = new Map<string, Feed>();
  @state() private notice = '';
  @state() private signInError = '';
  @state() private busy = false;
  @state() private confirming: PollSummary | undefined;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly locale = new LocaleController(this);
  private readonly stream = new AdminStreamController(this, () => void this.sessionLost());
  private readonly api = new AdminApi();
  private cards: PollCard[] = [];
  private cardInputs: readonly unknown[] = [];
  private boards: BoardCard[] = [];
  /** The unknown polls and boards that the feeds were last loaded again for. */
  private unknownTried = '';
  private feedsLoading = false;
  private boardInputs: readonly unknown[] = [];
  private t: AdminMessages = messages.en;

  override connectedCallback(): void {
    super.connectedCallback();
    // The one-time link landed here after a failure: say so once, and drop it from the address bar.
    const url = new URL(location.href);
    if (url.searchParams.get('link') === 'expired') {
      this.signInError = 'linkExpired';
      url.searchParams.delete('link');
      history.replaceState(null, '', url);
    }
    void this.checkSession();
  }

  protected override willUpdate(): void {
    this.t = messages[this.locale.ui];
    this.stream.enabled = this.signedIn === true;
    // The stream replaces its map on each event: derive the cards again only when an input changed.
    const inputs = [this.stream.polls, this.definitions, this.locale.lang] as const;
    if (inputs.some((input, i) => input !== this.cardInputs[i])) {
      this.cardInputs = inputs;
      this.cards = this.deriveCards();
    }
    const boardInputs = [this.stream.boards, this.definitions, this.locale.lang] as const;
    if (boardInputs.some((input, i) => input !== this.boardInputs[i])) {
      this.boardInputs = boardInputs;
      this.boards = boardCards(this.stream.boards.values(), this.definitions, this.locale.lang);
    }
  }

  protected override updated(): void {
    const dialog = this.dialog;
    if (dialog && this.confirming && !dialog.open) dialog.showModal();
    this.followNewFeeds();
  }

  /**
   * A poll or board the stream names but the feeds loaded at sign-in do not (a feed added or edited
   * since): load the feeds again, once per such set, so that its card gets its texts and options.
   */
  private followNewFeeds(): void {
    const defined = (feed: string, list: 'polls' | 'questions', id: string) => this.definitions.get(feed)?.[list]?.some((x) => x.id === id);
    const unknown = [
      ...[...this.stream.polls.values()].filter((p) => !defined(p.feed, 'polls', p.id)).map((p) => `poll ${p.id}`),
      ...[...this.stream.boards.values()].filter((b) => !defined(b.feed, 'questions', b.id)).map((b) => `board ${b.id}`),
    ].join(' ');
    if (!unknown || unknown === this.unknownTried || this.feedsLoading) return;
    this.unknownTried = unknown;
    void this.loadFeeds().catch(() => {});
  }

  protected override render(): TemplateResult {
    const { t } = this;
    const { lang, dir } = this.locale;
    return html`<div part="base" lang=${lang} dir=${dir} class="page">
      <header class="top">
        <h1>${t.console}</h1>
        ${this.signedIn
          ? html`${this.renderWaiting()}<span class="live ${this.stream.connected ? 'on' : ''}">${this.stream.connected ? t.live : t.reconnecting}</span>
              <button type="button" @click=${this.signOut}>${t.signOut}</button>`
          : nothing}
      </header>
      <p class="notice-line" role="status" aria-live="polite">${this.notice}</p>
      <main>${this.signedIn === undefined ? nothing : this.signedIn ? this.renderSignedIn() : this.renderSignIn()}</main>
      ${this.confirming ? this.renderConfirm(this.confirming) : nothing}
    </div>`;
  }

  /** A moderator watching the polls still sees that questions wait, and gets to the first in one press. */
  private renderWaiting(): TemplateResult | typeof nothing {
    const waiting = this.boards.reduce((sum, card) => sum + card.pending.length, 0);
    if (!waiting) return nothing;
    const first = () => this.renderRoot.querySelector<HTMLElement>('ul[data-list="pending"] button')?.focus();
    return html`<button type="button" class="waiting-count" @click=${first}>${fill(this.t.waitingCount, { n: intl(Intl.NumberFormat, this.locale.lang, {}).format(waiting) })}</button>`;
  }

  private renderSignIn(): TemplateResult {
    const { t } = this;
    const error = this.signInError ? (t[this.signInError as keyof AdminMessages] as string) : '';
    return html`<form class="sign-in" @submit=${this.signIn} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">${t.signInTitle}</h2>
      ${error ? html`<p class="error" role="alert" id="sign-in-error">${error}</p>` : nothing}
      <label for="token">${t.token}</label>
      <input id="token" name="token" type="password" autocomplete="current-password" required
        aria-describedby="token-hint ${error ? 'sign-in-error' : ''}" aria-invalid=${error ? 'true' : 'false'} />
      <p id="token-hint" class="hint">${t.tokenHint}</p>
      <button class="primary" type="submit" ?disabled=${this.busy}>${t.signIn}</button>
    </form>`;
  }

  private renderSignedIn(): TemplateResult {
    const { t } = this;
    return html`<section aria-labelledby="polls-title">
        <h2 id="polls-title">${t.polls}</h2>
        <ul class="cards" role="list">${this.cards.map((card) => this.renderPoll(card))}</ul>
      </section>
      ${this.boards.length
        ? html`<section aria-labelledby="questions-title">
            <h2 id="questions-title">${t.questions}</h2>
            <ul class="cards boards" role="list">${this.boards.map((card) => renderBoard(card, { t, lang: this.locale.lang, votes: this.votesText, act: this.moderate }))}</ul>
          </section>`
        : nothing}
      <section aria-labelledby="feeds-title">
        <h2 id="feeds-title">${t.feeds}</h2>
        <ul class="cards" role="list">${this.feeds.map((feed) => this.renderFeed(feed))}</ul>
      </section>`;
  }

  private renderPoll({ summary, title, groups, votes }: PollCard): TemplateResult {
    const { t } = this;
    const { lang } = this.locale;
    const id = `poll-${summary.id}`;
    return html`<li class="card" aria-labelledby=${id}>
      <div class="card-head">
        <h3 id=${id}>${title}</h3>
        <span class="badge ${summary.status}">${t[summary.status]}</span>
      </div>
      <p class="meta">${t.voters}: <strong>${intl(Intl.NumberFormat, lang, {}).format(summary.voters)}</strong> · ${votes}</p>
      <div class="actions" role="group" aria-label=${`${t.actions}: ${title}`}>
        <button type="button" class="primary" ?disabled=${this.busy || summary.status === 'open'} @click=${() => this.act(summary, 'open')}>${t.openNow}</button>
        <button type="button" ?disabled=${this.busy || summary.status === 'closed'} @click=${() => this.act(summary, 'close')}>${t.closeNow}</button>
        <button type="button" class="danger" ?disabled=${this.busy} @click=${() => (this.confirming = summary)}>${t.reset}</button>
        <a class="button" href=${`/api/admin/polls/${encodeURIComponent(summary.id)}/export?format=csv`} download=${`${summary.id}.csv`}>${t.exportCsv}</a>
        <a class="button" href=${`/present/${encodeURIComponent(summary.id)}?lang=${encodeURIComponent(this.locale.ui)}`}>${t.present}</a>
      </div>
      <div class="results" aria-label=${`${t.totals}: ${title}`} role="group">${groups.map((group) => renderGroup(group, lang, groups.length > 1 ? 4 : 0))}</div>
    </li>`;
  }

  private renderFeed(feed: FeedReport): TemplateResult {
    const { t } = this;
    const { lang } = this.locale;
    const languages = this.definitions.get(feed.name)?.languages ?? [];
    const when = (iso: string | null) => (iso ? intl(Intl.DateTimeFormat, lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : t.never);
    const issues = (label: string, list: FeedReport['errors'], kind: string) =>
      list.length ? html`<p class="issues-title ${kind}">${label} (${list.length})</p><ul class="issues">${list.map((issue) => html`<li><code>${issue.path}</code>: ${issue.message}</li>`)}</ul>` : nothing;
    return html`<li class="card">
      <div class="card-head">
        <h3>${feed.url ? html`<a href=${feed.url}>${localize(feed.title, lang, languages)}</a>` : localize(feed.title, lang, languages)}</h3>
        <span class="badge ${feed.errors.length ? 'closed' : 'open'}">${feed.errors.length ? t.errors : t.valid}</span>
      </div>
      <p class="meta">${t.loadedAt}: ${when(feed.loadedAt)}</p>
      ${issues(t.errors, feed.errors, 'error-list')} ${issues(t.warnings, feed.warnings, 'warning-list')}
      ${feed.sources.length
        ? html`<ul class="sources">${feed.sources.map(
            (source) => html`<li><strong>${source.type}</strong> <code>${source.location}</code> · ${t.lastSync}: ${when(source.lastSync)}${source.lastError ? html` · ${t.lastError}: ${source.lastError}` : nothing}</li>`,
          )}</ul>`
        : nothing}
      <details>
        <summary>${t.sessions} (${feed.sessions.length})</summary>
        <ul class="sessions">${feed.sessions.map((session) => html`<li>${localize(session.title, lang, languages)} · <time datetime=${session.start}>${when(session.start)}</time></li>`)}</ul>
      </details>
    </li>`;
  }

  private renderConfirm(summary: PollSummary): TemplateResult {
    const { t } = this;
    const title = this.cards.find((card) => card.summary.id === summary.id)?.title ?? summary.title;
    const votes = this.votesText(summary.voters);
    return html`<dialog aria-labelledby="confirm-text" @close=${() => (this.confirming = undefined)}>
      <form method="dialog">
        <p id="confirm-text">${fill(t.confirmReset, { poll: title, votes })}</p>
        <div class="actions">
          <button type="submit" value="cancel" autofocus>${t.cancel}</button>
          <button type="button" class="danger primary" @click=${() => this.reset(summary)}>${t.resetConfirm}</button>
        </div>
      </form>
    </dialog>`;
  }

  private deriveCards(): PollCard[] {
    const { lang } = this.locale;
    const cards: PollCard[] = [];
    for (const summary of this.stream.polls.values()) {
      const feed = this.definitions.get(summary.feed);
      const poll = feed?.polls?.find((p) => p.id === summary.id);
      const languages = feed?.languages ?? [];
      cards.push({
        summary,
        title: poll ? localize(poll.title, lang, languages) : summary.title,
        groups: poll ? resultGroups(poll, languages, lang, summary.totals, summary.scores) : [],
        votes: this.votesText(Object.values(summary.totals).reduce((a, b) => a + b, 0)),
      });
    }
    return cards;
  }

  private readonly votesText = (n: number): string => {
    const c = count(n, this.locale.lang);
    return plural(c, voteCount[this.locale.ui]).replace('{n}', c.text);
  };

  private async checkSession(): Promise<void> {
    try {
      this.signedIn = (await this.api.session()) !== undefined;
      if (this.signedIn) await this.loadFeeds();
    } catch (error) {
      this.signedIn = false;
      this.notice = fill(this.t.failed, { message: (error as Error).message });
    }
  }

  private async sessionLost(): Promise<void> {
    const session = await this.api.session().catch(() => undefined);
    if (session) {
      // A server restart, say: the session is still good, so follow the stream again.
      this.stream.retry();
      return;
    }
    this.signedIn = false;
    this.signInError = 'sessionEnded';
  }

  private async loadFeeds(): Promise<void> {
    this.feedsLoading = true;
    try {
      const { feeds } = await this.api.get<{ feeds: FeedReport[] }>('/api/admin/feeds');
      const definitions = new Map<string, Feed>();
      await Promise.all(feeds.map(async (feed) => feed.url && definitions.set(feed.name, (await (await fetch(feed.url)).json()) as Feed)));
      this.feeds = feeds;
      this.definitions = definitions;
    } finally {
      this.feedsLoading = false;
    }
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    this.busy = true;
    try {
      await this.api.signIn(input.value);
      this.signInError = '';
      this.signedIn = true;
      await this.loadFeeds();
    } catch (error) {
      const code = error instanceof AdminApiError ? error.code : '';
      this.signInError = code === 'rate-limited' ? 'tooMany' : code === 'unauthorized' ? 'wrongToken' : '';
      if (!this.signInError) this.notice = fill(this.t.failed, { message: (error as Error).message });
      input.select();
    } finally {
      this.busy = false;
    }
  }

  private async signOut(): Promise<void> {
    await this.api.signOut().catch(() => {});
    this.signedIn = false;
    this.stream.polls = new Map();
  }

  private async act(summary: PollSummary, action: 'open' | 'close'): Promise<void> {
    await this.run(async () => {
      const next = await this.api.post<PollSummary>(`/api/admin/polls/${encodeURIComponent(summary.id)}/${action}`);
      this.stream.put(next);
      const title = this.cards.find((card) => card.summary.id === next.id)?.title ?? next.title;
      this.notice = fill(this.t.done, { poll: title, status: this.t[next.status].toLowerCase() });
    });
  }

  private async reset(summary: PollSummary): Promise<void> {
    this.dialog?.close();
    await this.run(async () => {
      const next = await this.api.post<PollSummary>(`/api/admin/polls/${encodeURIComponent(summary.id)}/reset`);
      this.stream.put(next);
      const title = this.cards.find((card) => card.summary.id === next.id)?.title ?? next.title;
      this.notice = fill(this.t.done, { poll: title, status: this.t[next.status].toLowerCase() });
    });
  }

  /**
   * One moderator's decision. The question usually leaves the list it was in: focus goes to the
   * question that took its place (or the list's heading), so that a keyboard user goes on from there.
   */
  private readonly moderate = async (board: BoardModeration, question: ModeratedQuestion, action: ModerationAction): Promise<void> => {
    const item = this.renderRoot.querySelector<HTMLElement>(`li[data-board="${CSS.escape(board.id)}"] li[data-question="${CSS.escape(question.id)}"]`);
    const list = item?.parentElement?.dataset['list'];
    const index = item?.parentElement ? [...item.parentElement.children].indexOf(item) : 0;
    await this.run(async () => {
      const path = `/api/admin/questions/${encodeURIComponent(board.id)}/${encodeURIComponent(question.id)}/${action}`;
      const next = await this.api.post<ModeratedQuestion>(path);
      const latest = this.stream.boards.get(board.id) ?? board;
      this.stream.putBoard(withQuestion(latest, next));
      const text = [...next.text].length > 60 ? `${[...next.text].slice(0, 59).join('')}…` : next.text;
      this.notice = fill(this.t.questionDone, { question: text, state: actionOutcome(this.t, action) });
    });
    await this.updateComplete;
    const card = this.renderRoot.querySelector<HTMLElement>(`li[data-board="${CSS.escape(board.id)}"]`);
    if (!card || !list) return;
    // A toggle's button is named by its "on" action: `unpin` was pressed on the `pin` button.
    const button = action.replace(/^un/, '');
    const same = card.querySelector<HTMLElement>(`ul[data-list="${list}"] li[data-question="${CSS.escape(question.id)}"] button[data-action="${button}"]`);
    const items = card.querySelectorAll<HTMLElement>(`ul[data-list="${list}"] > li`);
    const neighbour = items[Math.min(index, items.length - 1)]?.querySelector<HTMLElement>('button');
    (same ?? neighbour ?? card.querySelector<HTMLElement>(`[data-heading="${list}"]`))?.focus();
  };

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    try {
      await work();
    } catch (error) {
      if (error instanceof AdminApiError && error.status === 401) {
        this.signedIn = false;
        this.signInError = 'sessionEnded';
      } else this.notice = fill(this.t.failed, { message: (error as Error).message });
    } finally {
      this.busy = false;
    }
  }
}
