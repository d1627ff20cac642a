import type { ServerResponse } from 'node:http';
import { nextTransition } from '../src/contract/poll-rules.js';
import type { QuestionBoard } from '../src/contract/types.js';
import type { QuestionService } from './question-service.js';
import { eventFrame, HEARTBEAT_MS, StreamChannel, StreamHub, write, type StreamClient } from './event-stream.js';

/**
 * The open streams of one question board. The stream carries the public snapshot only (published
 * questions, no voter's own data), so one frame serves every client and a flush reads and serializes
 * the list once. The board is looked up at each use: dates edited in the feed apply to open streams.
 */
function boardChannel(first: QuestionBoard, service: QuestionService): StreamChannel<StreamClient> {
  let latest = first;
  const board = () => (latest = service.catalog.questions.get(first.id)?.board ?? latest);
  return new StreamChannel<StreamClient>({
    now: () => service.now(),
    flush: async (clients) => {
      const text = await frame(board(), service);
      for (const client of clients) write(client, text);
    },
    nextTransition: (now) => nextTransition(board(), now),
  });
}

async function frame(board: QuestionBoard, service: QuestionService): Promise<string> {
  return eventFrame('questions', JSON.stringify({ ...service.base(board), ...(await service.publicList(board.id)) }));
}

/**
 * The SSE side of the question boards: one channel per board, made at its first stream (so that a
 * feed added while the server runs streams too), and one heartbeat for all.
 */
export class QuestionHub {
  private readonly channels = new Map<string, StreamChannel<StreamClient>>();
  private readonly hub: StreamHub<StreamChannel<StreamClient>>;

  constructor(
    private readonly service: QuestionService,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.hub = new StreamHub(this.channels, heartbeatMs);
    service.catalog.onServe(({ feed }) => feed.questions?.forEach((board) => this.channels.get(board.id)?.redefined()));
    service.onChange((boardId) => {
      if (boardId) this.channels.get(boardId)?.changed();
      else this.channels.forEach((channel) => channel.changed());
    });
  }

  /** Starts streaming to `res`, whose headers the caller has written (the route checked that the board exists). */
  async open(boardId: string, res: ServerResponse): Promise<void> {
    res.write('retry: 3000\n\n');
    const { board } = this.service.entry(boardId);
    let channel = this.channels.get(boardId);
    if (!channel) this.channels.set(boardId, (channel = boardChannel(board, this.service)));
    const client = { res };
    channel.add(client);
    write(client, await frame(board, this.service));
  }

  get streams(): number {
    return this.hub.streams;
  }

  close(): void {
    this.hub.close();
  }
}
