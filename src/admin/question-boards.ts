import { html, nothing, type TemplateResult } from 'lit';
import { sortQuestions } from '../contract/questions.js';
import { localize } from '../contract/text.js';
import type { Feed } from '../contract/types.js';
import { intl } from '../i18n/intl.js';
import { statusCounts } from '../contract/admin.js';
import type { BoardModeration, ModeratedQuestion, ModerationAction } from './api.js';
import type { AdminMessages } from './messages.js';

/** One question board as the console shows it: its title in the console's language, and three lists. */
export interface BoardCard {
  board: BoardModeration;
  title: string;
  /** Oldest first: a moderation queue is served in the order it was asked. */
  pending: ModeratedQuestion[];
  /** As visitors see them: pinned first, answered last, most upvoted first. */
  published: ModeratedQuestion[];
  /** Newest first, to take one back quickly. */
  rejected: ModeratedQuestion[];
}

/** What a card needs from the console: its words, its language, and what its buttons call. */
export interface BoardContext {
  t: AdminMessages;
  lang: string;
  /** "3 votes" in the console's language. */
  votes: (n: number) => string;
  act: (board: BoardModeration, question: ModeratedQuestion, action: ModerationAction) => void;
}

export function boardCards(boards: Iterable<BoardModeration>, definitions: ReadonlyMap<string, Feed>, lang: string): BoardCard[] {
  return [...boards].map((board) => {
    const feed = definitions.get(board.feed);
    const defined = feed?.questions?.find((b) => b.id === board.id);
    const oldestFirst = [...board.questions].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const by = (status: ModeratedQuestion['status']) => oldestFirst.filter((q) => q.status === status);
    return {
      board,
      title: defined ? localize(defined.title, lang, feed?.languages ?? []) : board.title,
      pending: by('pending'),
      published: sortQuestions(by('published'), 'votes'),
      rejected: by('rejected').reverse(),
    };
  });
}

/** The board with one question replaced by a moderator's answer, before the stream says so. */
export function withQuestion(board: BoardModeration, question: ModeratedQuestion): BoardModeration {
  const questions = board.questions.map((q) => (q.id === question.id ? question : q));
  return { ...board, questions, ...statusCounts(questions) };
}

/** A `partial` board event applied to the board the console has: changed questions by id, new ones last (newest). */
export function mergeBoard(current: BoardModeration | undefined, change: BoardModeration): BoardModeration {
  const { partial: _, ...summary } = change;
  if (!current) return summary;
  const changed = new Map(change.questions.map((q) => [q.id, q]));
  const known = new Set(current.questions.map((q) => q.id));
  const questions = [...current.questions.map((q) => changed.get(q.id) ?? q), ...change.questions.filter((q) => !known.has(q.id))];
  return { ...summary, questions };
}

/** What the console's status line says after an action ("Published", "Not pinned"…). */
export function actionOutcome(t: AdminMessages, action: ModerationAction): string {
  const outcomes: Record<ModerationAction, string> = {
    publish: t.published,
    reject: t.rejected,
    answer: t.answered,
    unanswer: t.notAnswered,
    pin: t.pinned,
    unpin: t.notPinned,
  };
  return outcomes[action];
}

export function renderBoard(card: BoardCard, context: BoardContext): TemplateResult {
  const { board } = card;
  const { t, lang } = context;
  const id = `board-${board.id}`;
  const number = intl(Intl.NumberFormat, lang, {});
  const list = (status: ModeratedQuestion['status'], questions: ModeratedQuestion[], empty: string, buttons: (q: ModeratedQuestion) => TemplateResult) =>
    questions.length
      ? html`<ul class="questions" role="list" data-list=${status}>${questions.map((q) => renderQuestion(board, q, context, buttons(q)))}</ul>`
      : html`<p class="empty">${empty}</p>`;
  const button = (q: ModeratedQuestion, action: ModerationAction, label: string, kind = '') =>
    html`<button type="button" class=${kind} data-action=${action} @click=${() => context.act(board, q, action)}>${label}</button>`;
  const toggle = (q: ModeratedQuestion, on: boolean, action: ModerationAction, off: ModerationAction, label: string) =>
    html`<button type="button" class="toggle" data-action=${action} aria-pressed=${on ? 'true' : 'false'} @click=${() => context.act(board, q, on ? off : action)}>${on ? html`<span aria-hidden="true">✓&nbsp;</span>` : nothing}${label}</button>`;

  return html`<li class="card board" aria-labelledby=${id} data-board=${board.id}>
    <div class="card-head">
      <h3 id=${id}>${card.title}</h3>
      <span class="badge ${board.status}">${t[board.status]}</span>
    </div>
    <p class="meta">${board.moderation === 'pre' ? t.moderationPre : t.moderationNone}</p>
    <div class="actions">
      <a class="button" href=${`/api/admin/questions/${encodeURIComponent(board.id)}/export?format=csv`} download=${`${board.id}-questions.csv`}>${t.exportCsv}</a>
    </div>
    ${board.moderation === 'pre' || card.pending.length
      ? html`<h4 tabindex="-1" data-heading="pending">${t.waiting} (${number.format(card.pending.length)})</h4>
          ${list('pending', card.pending, t.noneWaiting, (q) => html`${button(q, 'publish', t.publish, 'primary')} ${button(q, 'reject', t.reject, 'danger')}`)}`
      : nothing}
    <h4 tabindex="-1" data-heading="published">${t.published} (${number.format(card.published.length)})</h4>
    ${list(
      'published',
      card.published,
      t.nonePublished,
      (q) => html`${toggle(q, q.answered, 'answer', 'unanswer', t.answered)} ${toggle(q, q.pinned, 'pin', 'unpin', t.pinned)}
        ${button(q, 'reject', t.withdraw, 'danger')}`,
    )}
    ${card.rejected.length
      ? html`<details>
          <summary data-heading="rejected">${t.rejected} (${number.format(card.rejected.length)})</summary>
          ${list('rejected', card.rejected, '', (q) => button(q, 'publish', t.publish))}
        </details>`
      : nothing}
  </li>`;
}

function renderQuestion(board: BoardModeration, q: ModeratedQuestion, { lang, votes }: BoardContext, buttons: TemplateResult): TemplateResult {
  const id = `q-${board.id}-${q.id}`;
  const asked = intl(Intl.DateTimeFormat, lang, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(q.createdAt));
  // Visitors' text is bound as text, never as HTML, here as everywhere.
  return html`<li class="question ${q.status}" data-question=${q.id}>
    <p class="question-text" id=${id} dir="auto">${q.text}</p>
    <p class="question-meta">${[q.name && html`<bdi>${q.name}</bdi>`, html`<time datetime=${q.createdAt}>${asked}</time>`, q.status === 'published' ? votes(q.votes) : '']
      .filter(Boolean)
      .map((part, i) => html`${i ? ' · ' : ''}${part}`)}</p>
    <div class="actions" role="group" aria-labelledby=${id}>${buttons}</div>
  </li>`;
}
