import type { ServerResponse } from 'node:http';
import type { QuestionBoard } from '../src/contract/types.js';
import type { QuestionService } from './question-service.js';
import { COALESCE_MS, HEARTBEAT_MS, write } from './sse.js';

const MAX_TIMER = 2 ** 31 - 1;

/**
 * Every open stream of one question board. The stream carries the public snapshot only (published
 * questions, no voter's own data), so one frame serves every client: a change schedules one flush
 * (leading edge, then at most one per COALESCE_MS) that reads and serializes the list once.
 */
class BoardBroadcaster {
  readonly clients = new Set<{ res: ServerResponse }>();
  private timer: NodeJS.Timeout | undefined;
  private transitionTimer: NodeJS.Timeout | undefined;
  private lastFlush = 0;

  constructor(
    private readonly board: QuestionBoard,
    private readonly service: QuestionService,
  ) {}

  async add(res: ServerResponse): Promise<void> {
    const client = { res };
    this.clients.add(client);
    res.on('close', () => {
      this.clients.delete(client);
      if (!this.clients.size) clearTimeout(this.transitionTimer);
    });
    if (this.clients.size === 1) this.armTransition();
    write(client, await this.frame());
  }

  changed(): void {
    if (this.timer || this.clients.size === 0) return;
    const wait = Math.max(0, this.lastFlush + COALESCE_MS - Date.now());
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  ping(): void {
    for (const client of this.clients) write(client, ': ping\n\n');
  }

  close(): void {
    clearTimeout(this.timer);
    clearTimeout(this.transitionTimer);
    for (const client of this.clients) client.res.end();
    this.clients.clear();
  }

  private async frame(): Promise<string> {
    const questions = await this.service.publishedQuestions(this.board.id);
    return `event: questions\ndata: ${JSON.stringify({ ...this.service.base(this.board), questions })}\n\n`;
  }

  private async flush(): Promise<void> {
    this.lastFlush = Date.now();
    try {
      const frame = await this.frame();
      for (const client of this.clients) write(client, frame);
    } catch {
      // The store is unreachable for a moment: the next change tries again rather than drop streams.
    } finally {
      this.timer = undefined;
    }
  }

  /** Opening and closing by date is a change too: streams hear it when it happens. */
  private armTransition(): void {
    clearTimeout(this.transitionTimer);
    const now = this.service.now();
    const at = [this.board.opensAt, this.board.closesAt].map((d) => (d ? Date.parse(d) : NaN)).find((t) => t > now);
    if (at === undefined) return;
    this.transitionTimer = setTimeout(() => {
      if (this.service.now() >= at) this.changed();
      this.armTransition();
    }, Math.min(at - now + 5, MAX_TIMER));
    this.transitionTimer.unref();
  }
}

/** The SSE side of the question boards: one broadcaster per board and one heartbeat for all. */
export class QuestionHub {
  private readonly boards = new Map<string, BoardBroadcaster>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(service: QuestionService, heartbeatMs = HEARTBEAT_MS) {
    for (const [id, { board }] of service.catalog.questions) this.boards.set(id, new BoardBroadcaster(board, service));
    service.onChange((boardId) => {
      if (boardId) this.boards.get(boardId)?.changed();
      else this.boards.forEach((board) => board.changed());
    });
    this.heartbeat = setInterval(() => this.boards.forEach((board) => board.ping()), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Starts streaming to `res`, whose headers the caller has written. */
  open(boardId: string, res: ServerResponse): Promise<void> {
    res.write('retry: 3000\n\n');
    return this.boards.get(boardId)!.add(res);
  }

  get streams(): number {
    let count = 0;
    for (const board of this.boards.values()) count += board.clients.size;
    return count;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const board of this.boards.values()) board.close();
  }
}
