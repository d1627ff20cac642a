import type { ServerResponse } from 'node:http';
import { nextTransition } from '../src/contract/poll-rules.js';
import type { QuestionsSnapshot, QuestionView } from '../src/contract/questions.js';
import type { QuestionBoard } from '../src/contract/types.js';
import type { QuestionService } from './question-service.js';
import { eventFrame, HEARTBEAT_MS, StreamChannel, StreamHub, write, type StreamClient } from './event-stream.js';
import { SentList, Turns } from './stream-delta.js';

/**
 * The open streams of one question board. The stream carries the public snapshot only (published
 * questions, no voter's own data), so one frame serves every client and a flush reads and serializes
 * the list once. After a client's first event, each event carries only the questions that changed
 * (`partial`): during a busy session upvotes change the board several times a second, and a phone
 * should not download the whole list each time. The board is looked up at each use: dates edited in
 * the feed apply to open streams.
 */
class BoardBroadcaster {
  readonly channel: StreamChannel<StreamClient>;
  private readonly sent = new SentList<QuestionView>();
  private readonly turns = new Turns();
  private rejected: string[] = [];

  constructor(
    private latest: QuestionBoard,
    private readonly service: QuestionService,
  ) {
    this.channel = new StreamChannel<StreamClient>({
      now: () => service.now(),
      flush: (clients) => this.turns.run(() => this.flush(clients)),
      nextTransition: (now) => nextTransition(this.board, now),
      forget: () => this.channel.size === 0 && this.sent.clear(),
    });
  }

  private get board(): QuestionBoard {
    this.latest = this.service.catalog.questions.get(this.latest.id)?.board ?? this.latest;
    return this.latest;
  }

  /** A new stream is sent, whole, the list that every other stream has; the next change reaches all alike. */
  open(res: ServerResponse): Promise<void> {
    return this.turns.run(async () => {
      // Without other streams, what was last sent may be old: nothing was flushed since they left.
      const alone = this.channel.size === 0;
      const client = { res };
      // A client from the start of its turn: a change while the list is read is flushed after it.
      this.channel.add(client);
      if (alone || !this.sent.items) this.remember(await this.service.publicList(this.latest.id));
      write(client, frame({ ...this.service.base(this.board), questions: [...this.sent.items!], rejected: this.rejected }));
    });
  }

  /** What every stream now has; answers the questions that changed. */
  private remember(list: Pick<QuestionsSnapshot, 'questions' | 'rejected'>): QuestionView[] {
    this.rejected = list.rejected ?? [];
    return this.sent.update(list.questions);
  }

  private async flush(clients: ReadonlySet<StreamClient>): Promise<void> {
    const changed = this.remember(await this.service.publicList(this.latest.id));
    const text = frame({ ...this.service.base(this.board), questions: changed, rejected: this.rejected, partial: true });
    for (const client of clients) write(client, text);
  }
}

function frame(snapshot: QuestionsSnapshot): string {
  return eventFrame('questions', JSON.stringify(snapshot));
}

/** The SSE side of the question boards: one broadcaster per board and one heartbeat for all. */
export class QuestionHub {
  private readonly hub: StreamHub<BoardBroadcaster>;

  constructor(service: QuestionService, heartbeatMs = HEARTBEAT_MS) {
    this.hub = new StreamHub((id) => new BoardBroadcaster(service.entry(id).board, service), heartbeatMs);
    service.catalog.onServe(({ feed }) => feed.questions?.forEach((board) => this.hub.existing(board.id)?.channel.redefined()));
    service.onChange((boardId) => {
      if (boardId) this.hub.existing(boardId)?.channel.changed();
      else for (const { channel } of this.hub.all()) channel.changed();
    });
  }

  /** Starts streaming to `res`, whose headers the caller has written (the route checked that the board exists). */
  async open(boardId: string, res: ServerResponse): Promise<void> {
    res.write('retry: 3000\n\n');
    await this.hub.for(boardId).open(res);
  }

  get streams(): number {
    return this.hub.streams;
  }

  close(): void {
    this.hub.close();
  }
}
