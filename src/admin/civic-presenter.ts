import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { PollSnapshot } from '../contract/poll-snapshot.js';
import { localize } from '../contract/text.js';
import { count } from '../i18n/count.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { hostStyles } from '../styles/host-styles.js';
import { AdminApi, type PollSummary, type PresentData } from './api.js';
import { fill, messages, type AdminMessages } from './messages.js';
import { AdminStreamController } from './admin-stream-controller.js';
import { presenterStyles } from './presenter-styles.js';
import { renderGroup, renderGroupTitle, resultGroups, type ResultGroup } from './results.js';
import { adminStyles } from './styles.js';

/** What the presenter shows of a poll, from the admin stream (signed in) or the visitors' stream. */
interface Figures {
  status: 'scheduled' | 'open' | 'closed';
  voters: number;
  totals?: Record<string, number>;
  scores?: Record<string, number>;
}

const SHORTCUTS = [
  ['→ N', 'next'],
  ['← P', 'previous'],
  ['R', 'reveal'],
  ['O', 'openNow'],
  ['F', 'fullScreen'],
  ['?', 'help'],
] as const;

/**
 * The presenter view at `/present/<pollId>`: the poll's title and guiding questions, live bars and
 * numbers, a QR code and short URL to vote, legible from the back of a room. Results stay hidden
 * until revealed (button or `R`) or until the poll closes. Opening and closing need a console session.
 *
 * @tag civic-presenter
 */
export class CivicPresenter extends LitElement {
  static override styles = [hostStyles, adminStyles, presenterStyles];

  /** The poll id. */
  @property({ reflect: true }) poll = '';
  /** `auto` (follows the system), `light` or `dark`. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  @state() private data: PresentData | undefined;
  @state() private publicFigures: Figures | undefined;
  @state() private revealed = false;
  @state() private signedIn = false;
  @state() private helpOpen = false;
  @state() private error = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly locale = new LocaleController(this);
  private readonly stream = new AdminStreamController(this, () => void this.sessionLost());
  private readonly api = new AdminApi();
  private publicSource: EventSource | undefined;
  private t: AdminMessages = messages.en;
  private view: { title: string; prompt: string; groups: ResultGroup[]; figures: Figures | undefined; visible: boolean; voters: string } | undefined;
  private readonly onKey = (event: KeyboardEvent) => this.key(event);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
    window.addEventListener('popstate', this.onPop);
    void this.api.session().then((session) => (this.signedIn = session !== undefined), () => {});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
    window.removeEventListener('popstate', this.onPop);
    this.publicSource?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.t = messages[this.locale.ui];
    if (changed.has('poll') && this.poll) this.load();
    // Signed in: the console's stream, with every total whatever the poll's results rule.
    this.stream.enabled = this.signedIn;
    if (this.signedIn) this.followPublic(undefined);
    else if (this.data) this.followPublic(this.data.poll.id);
    const summary: PollSummary | undefined = this.stream.polls.get(this.poll);
    const figures = this.signedIn ? summary : this.publicFigures;
    const data = this.data;
    if (!data || data.poll.id !== this.poll) {
      this.view = undefined;
      return;
    }
    const { lang } = this.locale;
    const closed = figures?.status === 'closed';
    const visible = (this.revealed || closed) && figures?.totals !== undefined;
    const c = count(figures?.voters ?? 0, lang);
    this.view = {
      title: localize(data.poll.title, lang, data.languages),
      prompt: data.poll.prompt ? localize(data.poll.prompt, lang, data.languages) : '',
      groups: resultGroups(data.poll, data.languages, lang, figures?.totals, figures?.scores),
      figures,
      visible,
      voters: c.text,
    };
  }

  protected override updated(): void {
    const dialog = this.dialog;
    if (dialog && this.helpOpen && !dialog.open) dialog.showModal();
  }

  protected override render(): TemplateResult {
    const { t, view, data } = this;
    const { lang, dir } = this.locale;
    if (this.error) return html`<div part="base" lang=${lang} dir=${dir} class="stage"><p class="error" role="alert">${this.error}</p></div>`;
    if (!view || !data) return html`<div part="base" lang=${lang} dir=${dir} class="stage" aria-busy="true"></div>`;
    const status = view.figures?.status;
    return html`<div part="base" lang=${lang} dir=${dir} class="stage">
      <main class="main">
        <p class="event">${localize(data.event, lang, data.languages)}</p>
        <h1>${view.title}</h1>
        ${view.prompt ? html`<p class="prompt">${view.prompt}</p>` : nothing}
        <p class="meta">
          ${status ? html`<span class="badge ${status}">${t[status]}</span>` : nothing}
          <span class="voters">${t.voters}: <strong>${view.voters}</strong></span>
          ${view.figures?.scores ? html`<span>${t.score}</span>` : nothing}
        </p>
        <section class="results ${view.visible ? 'shown' : 'hidden'}" aria-label=${t.totals}>
          ${view.visible
            ? view.groups.map((group) => renderGroup(group, lang, 2))
            : html`<p class="hidden-note">${t.hidden}</p>
                ${view.groups.map((group) => html`<div class="group">${renderGroupTitle(group, 2)}</div>`)}`}
        </section>
      </main>
      <aside class="vote">
        <img class="qr" src=${data.qr} alt=${`${t.voteAt} ${data.shortUrl}`} width="290" height="290" />
        <p class="vote-at">${t.voteAt}<br /><strong class="short-url">${data.shortUrl}</strong></p>
      </aside>
      <nav class="controls" aria-label=${t.shortcuts}>
        <button type="button" @click=${() => this.go(data.previous)} ?disabled=${!data.previous || data.previous === data.poll.id}>${t.previous}</button>
        <button type="button" class="primary" aria-pressed=${view.visible ? 'true' : 'false'} @click=${this.toggleReveal} ?disabled=${status === 'closed'}>
          ${view.visible ? t.hide : t.reveal}
        </button>
        ${this.signedIn
          ? html`<button type="button" @click=${this.toggleOpen}>${status === 'open' ? t.closeNow : t.openNow}</button>`
          : html`<a class="button" href="/admin/">${t.signInTitle}</a>`}
        <button type="button" @click=${() => this.go(data.next)} ?disabled=${!data.next || data.next === data.poll.id}>${t.next}</button>
        <button type="button" @click=${this.fullScreen}>${t.fullScreen}</button>
        <button type="button" aria-haspopup="dialog" @click=${() => (this.helpOpen = true)}>${t.help} (?)</button>
      </nav>
      ${this.helpOpen ? this.renderHelp() : nothing}
    </div>`;
  }

  private renderHelp(): TemplateResult {
    const { t } = this;
    return html`<dialog aria-labelledby="help-title" @close=${() => (this.helpOpen = false)}>
      <h2 id="help-title">${t.help}</h2>
      <dl class="keys">
        ${SHORTCUTS.map(([keys, label]) => html`<dt><kbd>${keys}</kbd></dt><dd>${label === 'reveal' ? `${t.reveal} / ${t.hide}` : label === 'openNow' ? `${t.openNow} / ${t.closeNow}` : t[label]}</dd>`)}
      </dl>
      ${this.signedIn ? nothing : html`<p>${t.signInForControls}</p>`}
      <form method="dialog"><button type="submit" autofocus>${t.close}</button></form>
    </dialog>`;
  }

  /** Signed out elsewhere, or the session expired: fall back to the visitors' stream. */
  private async sessionLost(): Promise<void> {
    const session = await this.api.session().catch(() => undefined);
    if (session) this.stream.retry();
    else this.signedIn = false;
  }

  private async load(): Promise<void> {
    const id = this.poll;
    try {
      const res = await fetch(`/api/present/${encodeURIComponent(id)}`);
      const body = (await res.json()) as PresentData & { error?: { message: string } };
      if (id !== this.poll) return;
      if (!res.ok) throw new Error(body.error?.message ?? res.statusText);
      this.error = '';
      this.data = body;
    } catch (error) {
      this.error = fill(this.t.failed, { message: (error as Error).message });
    }
  }

  private followPublic(id: string | undefined): void {
    const url = id ? `/api/polls/${encodeURIComponent(id)}/stream` : undefined;
    if (this.publicSource?.url.endsWith(url ?? '\0')) return;
    this.publicSource?.close();
    this.publicSource = undefined;
    if (!url) return;
    const source = new EventSource(url);
    this.publicSource = source;
    source.addEventListener('totals', (event) => {
      const snapshot = JSON.parse((event as MessageEvent<string>).data) as PollSnapshot & { scores?: Record<string, number> };
      this.publicFigures = { status: snapshot.status, voters: snapshot.voters ?? 0, totals: snapshot.totals, scores: snapshot.scores };
    });
  }

  private readonly onPop = () => {
    const id = decodeURIComponent(location.pathname.split('/').pop() ?? '');
    if (id) this.poll = id;
  };

  private go(id: string | null): void {
    if (!id || id === this.poll) return;
    const url = new URL(location.href);
    url.pathname = `/present/${encodeURIComponent(id)}`;
    history.pushState(null, '', url);
    this.revealed = false;
    this.publicFigures = undefined;
    this.poll = id;
  }

  private toggleReveal(): void {
    this.revealed = !this.revealed;
  }

  private async toggleOpen(): Promise<void> {
    if (!this.signedIn) return;
    const status = this.view?.figures?.status;
    try {
      const next = await this.api.post<PollSummary>(`/api/admin/polls/${encodeURIComponent(this.poll)}/${status === 'open' ? 'close' : 'open'}`);
      this.stream.put(next);
    } catch (error) {
      this.error = fill(this.t.failed, { message: (error as Error).message });
    }
  }

  private fullScreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  }

  private key(event: KeyboardEvent): void {
    // The open dialog has the keyboard (Esc, Tab); `helpOpen` turns false only at its `close` event, a task later.
    if (event.ctrlKey || event.metaKey || event.altKey || this.dialog?.open) return;
    // A focused button or field keeps its own keys (Space, Enter); the room's shortcuts are letters and arrows.
    const rtl = this.locale.dir === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const k = event.key;
    if (k === forward || k === 'n' || k === 'N' || k === 'PageDown') this.go(this.data?.next ?? null);
    else if (k === back || k === 'p' || k === 'P' || k === 'PageUp') this.go(this.data?.previous ?? null);
    else if (k === 'r' || k === 'R') this.toggleReveal();
    else if (k === 'o' || k === 'O') void this.toggleOpen();
    else if (k === 'f' || k === 'F') this.fullScreen();
    else if (k === '?') this.helpOpen = true;
    else return;
    event.preventDefault();
  }
}
