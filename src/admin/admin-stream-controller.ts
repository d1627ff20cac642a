import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BoardModeration, PollSummary } from './api.js';
import { mergeBoard } from './question-boards.js';

/**
 * Follows `/api/admin/stream` while `enabled` (the host is signed in): `polls` holds the latest
 * summary of every poll and `boards` every question board, each map replaced (not mutated) on each
 * event so that `willUpdate` sees the change.
 */
export class AdminStreamController implements ReactiveController {
  polls: ReadonlyMap<string, PollSummary> = new Map();
  boards: ReadonlyMap<string, BoardModeration> = new Map();
  connected = false;
  enabled = false;
  private source: EventSource | undefined;
  /** Refused by the server: no new attempt until `retry()` or until disabled and enabled again. */
  private refused = false;

  /** `onRefused`: the server refused the stream (the session ended): the host checks its session. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onRefused: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.enabled && !this.source && !this.refused) this.start();
    if (!this.enabled) {
      this.refused = false;
      if (this.source) this.stop();
    }
  }

  retry(): void {
    this.refused = false;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** An action's own answer is newer than the stream's last word: show it now. */
  put(summary: PollSummary): void {
    this.polls = new Map(this.polls).set(summary.id, summary);
    this.host.requestUpdate();
  }

  putBoard(board: BoardModeration): void {
    this.boards = new Map(this.boards).set(board.id, board);
    this.host.requestUpdate();
  }

  private start(): void {
    const source = new EventSource('/api/admin/stream');
    this.source = source;
    source.addEventListener('open', () => {
      this.connected = true;
      this.host.requestUpdate();
    });
    source.addEventListener('error', () => {
      this.connected = false;
      // EventSource retries by itself after a dropped connection, but gives up on an HTTP error (401).
      if (source.readyState === EventSource.CLOSED) {
        this.stop();
        this.refused = true;
        this.onRefused();
      }
      this.host.requestUpdate();
    });
    source.addEventListener('poll', (event) => this.put(JSON.parse((event as MessageEvent<string>).data) as PollSummary));
    source.addEventListener('board', (event) => {
      const board = JSON.parse((event as MessageEvent<string>).data) as BoardModeration;
      this.putBoard(board.partial ? mergeBoard(this.boards.get(board.id), board) : board);
    });
  }

  private stop(): void {
    this.source?.close();
    this.source = undefined;
    this.connected = false;
  }
}
