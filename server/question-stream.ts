import type { ServerResponse } from 'node:http';
import type { QuestionBoard } from '../src/contract/types.js';
import type { QuestionService } from './question-service.js';
import { eventFrame, HEARTBEAT_MS, StreamChannel, StreamHub, write, type StreamClient } from './event-stream.js';

/**
 * The open streams of one question board. The stream carries the public snapshot only (published
 * questions, no voter's own data), so one frame serves every client and a flush reads and serializes
 * the list once.
 */
function boardChannel(board: QuestionBoard, service: QuestionService): StreamChannel<StreamClient> {
  return new StreamChannel<StreamClient>({
    now: () => service.now(),
    flush: async (clients) => {
      const text = await frame(board, service);
      for (const client of clients) write(client, text);
    },
    nextTransition: (now) => [board.opensAt, board.closesAt].map((d) => (d ? Date.parse(d) : NaN)).find((t) => t > now),
  });
}

async function frame(board: QuestionBoard, service: QuestionService): Promise<string> {
  return eventFrame('questions', JSON.stringify({ ...service.base(board), ...(await service.publicList(board.id)) }));
}

/** The SSE side of the question boards: one channel per board and one heartbeat for all. */
export class QuestionHub {
  private readonly boards = new Map<string, { board: QuestionBoard; channel: StreamChannel<StreamClient> }>();
  private readonly hub: StreamHub<StreamChannel<StreamClient>>;

  constructor(private readonly service: QuestionService, heartbeatMs = HEARTBEAT_MS) {
    const channels = new Map<string, StreamChannel<StreamClient>>();
    for (const [id, { board }] of service.catalog.questions) {
      const channel = boardChannel(board, service);
      this.boards.set(id, { board, channel });
      channels.set(id, channel);
    }
    this.hub = new StreamHub(channels, heartbeatMs);
    service.onChange((boardId) => {
      if (boardId) channels.get(boardId)?.changed();
      else channels.forEach((channel) => channel.changed());
    });
  }

  /** Starts streaming to `res`, whose headers the caller has written. */
  async open(boardId: string, res: ServerResponse): Promise<void> {
    res.write('retry: 3000\n\n');
    const { board, channel } = this.boards.get(boardId)!;
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
