import type { ServerResponse } from 'node:http';
import type { BoardModeration, ModeratedQuestion } from '../../src/contract/admin.js';
import { nextTransition } from '../../src/contract/poll-rules.js';
import type { PollService } from '../poll-service.js';
import type { QuestionService } from '../question-service.js';
import { Coalescer, eventFrame, HEARTBEAT_MS } from '../event-stream.js';
import { SentList, Turns } from '../stream-delta.js';

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
  private readonly coalescer = new Coalescer(() => this.turns.run(() => this.flush()));
  private readonly heartbeat: NodeJS.Timeout;
  private transitionTimer: NodeJS.Timeout | undefined;
  /** Each board as every client last had it: what `partial` events compare with. */
  private readonly sentBoards = new Map<string, { board: BoardModeration; questions: SentList<ModeratedQuestion> }>();
  /** Opens and flushes one at a time, so that every client has the same boards. */
  private readonly turns = new Turns();

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

  /**
   * Starts streaming to `res` (headers written by the caller): every poll, and every board as the
   * other clients have it, once; then changes.
   */
  open(res: ServerResponse): Promise<void> {
    return this.turns.run(async () => {
      // Without other clients, what was last sent may be old: nothing was flushed since they left.
      const alone = this.clients.size === 0;
      // A client from the start of its turn: a change while its boards are read is flushed after it.
      this.clients.add(res);
      res.on('close', () => this.clients.delete(res));
      if (alone) this.armTransition();
      res.write('retry: 3000\n\n');
      for (const summary of await this.polls.list()) res.write(eventFrame('poll', JSON.stringify(summary)));
      for (const id of this.boards.catalog.questions.keys()) {
        const sent = alone ? undefined : this.sentBoards.get(id);
        // A board the other clients do not have yet (just added to a feed) is not remembered: its
        // next flush goes to everybody whole.
        const board = sent?.board ?? (await this.boards.moderation(id));
        if (alone) this.remember(board);
        res.write(eventFrame('board', JSON.stringify(board)));
      }
    });
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
    for (const id of boards) {
      // A board nobody has yet (added to a feed since) goes out whole.
      const { board, changed } = this.remember(await this.boards.moderation(id));
      this.send(eventFrame('board', JSON.stringify(changed ? { ...board, questions: changed, partial: true } : board)));
    }
  }

  /** The board as every client now has it, and the questions that changed since the last time. */
  private remember(board: BoardModeration): { board: BoardModeration; changed: ModeratedQuestion[] | undefined } {
    const known = this.sentBoards.get(board.id);
    const sent = known ?? { board, questions: new SentList<ModeratedQuestion>() };
    const changed = sent.questions.update(board.questions);
    sent.board = board;
    this.sentBoards.set(board.id, sent);
    return { board, changed: known ? changed : undefined };
  }

  private send(text: string): void {
    for (const res of this.clients) res.write(text);
  }
}
