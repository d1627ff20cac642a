import type { Feed, QuestionBoard } from '../contract/types.js';
import { pickSession } from '../feed/select.js';

/** The board named by `id`, else the board of the session `pickSession` chooses, else the first board. */
export function pickBoard(feed: Feed, now: number, id?: string | null): QuestionBoard | undefined {
  const boards = feed.questions ?? [];
  if (id) return boards.find((b) => b.id === id);
  const session = pickSession(feed, now);
  return (session && boards.find((b) => b.session === session.id)) ?? boards[0];
}
