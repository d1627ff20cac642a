import type { ServerResponse } from 'node:http';
import type { BoardModeration } from '../../src/contract/admin.js';
import { nextTransition } from '../../src/contract/poll-rules.js';
import type { PollService } from '../poll-service.js';
import type { QuestionService } from '../question-service.js';
import { Coalescer, eventFrame, HEARTBEAT_MS } from '../event-stream.js';

/**
 * `/api/admin/stream` for the console and the presenter: one `poll` event per changed poll (its full
 * summary, totals whatever the poll's `results` rule) and one `board` event per changed question
 * board, coalesced like the visitors' streams. A board's first event has every question (pending and
 * rejected ones too); later ones only the questions that changed (`partial`): during a busy session
 * upvotes change a board several times a second, and a moderator's phone should not download the
 * whole list each time.
 */
export class AdminStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly pendingPolls = new Set<string>();
  private readonly pendingBoards = new Set<string>();
  private readonly coalescer = new Coalescer(() => this.flush());
  private readonly heartbeat: NodeJS.Timeout;
  private transitionTimer: NodeJS.Timeout | undefined;
  /** Each board's questions as the last `board` event left them (JSON by id): what `partial` events compare with. */
  private readonly sentBoards = new Map<string, Map<string, string>>();

  constructor(
    private readonly polls: PollService,
    private readonly boards: QuestionService,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    polls.onChange((change) => {
      if (change.kind === 'external') this.changed(this.pendingPolls, polls.catalog.polls.keys());
      else if (change.kind !== 'questions') this.changed(this.pendingPolls, [change.pollId]);
    });
    boards.onChange((boardId) => this.changed(this.pendingBoards, boardId ? [boardId] : boards.catalog.questions.keys()));
    // An edited feed may have added a poll or board, or moved their dates.
    polls.catalog.onServe(({ feed }) => {
      this.changed(this.pendingPolls, (feed.polls ?? []).map((poll) => poll.id));
      this.changed(this.pendingBoards, (feed.questions ?? []).map((board) => board.id));
      if (this.clients.size > 0) this.armTransition();
    });
    this.heartbeat = setInterval(() => this.clients.forEach((res) => res.write(': ping\n\n')), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Starts streaming to `res` (headers written by the caller): every poll and board once, then changes. */
  async open(res: ServerResponse): Promise<void> {
    this.clients.add(res);
    res.on('close', () => {
      this.clients.delete(res);
      if (this.clients.size === 0) this.sentBoards.clear();
    });
    res.write('retry: 3000\n\n');
    if (this.clients.size === 1) this.armTransition();
    for (const summary of await this.polls.list()) res.write(eventFrame('poll', JSON.stringify(summary)));
    for (const id of this.boards.catalog.questions.keys()) res.write(eventFrame('board', JSON.stringify(await this.boards.moderation(id))));
  }

  close(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.transitionTimer);
    this.coalescer.cancel();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  /** A poll or board that opens or closes by its dates changes nothing in the store: wake up when one does. */
  private armTransition(): void {
    clearTimeout(this.transitionTimer);
    const now = this.polls.now();
    const dated = [
      ...[...this.polls.catalog.polls.values()].map(({ poll }) => ({ id: poll.id, at: nextTransition(poll, now), into: this.pendingPolls })),
      ...[...this.boards.catalog.questions.values()].map(({ board }) => ({ id: board.id, at: nextTransition(board, now), into: this.pendingBoards })),
    ];
    const next = Math.min(...dated.map(({ at }) => at ?? Infinity));
    if (!Number.isFinite(next) || this.clients.size === 0) return;
    this.transitionTimer = setTimeout(() => {
      for (const { id, at, into } of dated) if (at !== undefined && at <= this.polls.now()) this.changed(into, [id]);
      this.armTransition();
    }, Math.min(next - now + 5, 2 ** 31 - 1));
    this.transitionTimer.unref();
  }

  private changed(into: Set<string>, ids: Iterable<string>): void {
    if (this.clients.size === 0) return;
    for (const id of ids) into.add(id);
    this.coalescer.schedule();
  }

  /** Throws when the store is unreachable for a moment: the next change sends fresh figures. */
  private async flush(): Promise<void> {
    const polls = [...this.pendingPolls];
    const boards = [...this.pendingBoards];
    this.pendingPolls.clear();
    this.pendingBoards.clear();
    for (const id of polls) this.send(eventFrame('poll', JSON.stringify(await this.polls.summary(id))));
    for (const id of boards) this.send(eventFrame('board', JSON.stringify(this.boardChange(await this.boards.moderation(id)))));
  }

  /**
   * The board with only the questions that differ from the previous event. A client that connected
   * since then had a full board that is at least as new, and updating by id is safe on it too.
   */
  private boardChange(board: BoardModeration): BoardModeration {
    const before = this.sentBoards.get(board.id);
    const now = new Map(board.questions.map((q) => [q.id, JSON.stringify(q)]));
    this.sentBoards.set(board.id, now);
    if (!before) return board;
    return { ...board, questions: board.questions.filter((q) => before.get(q.id) !== now.get(q.id)), partial: true };
  }

  private send(text: string): void {
    for (const res of this.clients) res.write(text);
  }
}
