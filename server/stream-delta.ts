/**
 * What every client of a stream was last sent of a list, so that a change goes out as the items that
 * differ rather than the whole list again (a board of 200 questions is 50 KB; an upvote changes one).
 * It holds only while every client has exactly this list: a new client is sent `items` whole, and a
 * flush sends the difference to all; run both in one `Turns` so that they never interleave.
 */
export class SentList<T extends { id: string }> {
  private sent: readonly T[] | undefined;
  private json = new Map<string, string>();

  /** The list every client has, or undefined before the first. */
  get items(): readonly T[] | undefined {
    return this.sent;
  }

  /** Remembers `next` as sent, and returns its items that are new or differ from the last list. */
  update(next: readonly T[]): T[] {
    const json = new Map(next.map((item) => [item.id, JSON.stringify(item)]));
    const changed = next.filter((item) => this.json.get(item.id) !== json.get(item.id));
    this.sent = next;
    this.json = json;
    return changed;
  }

  clear(): void {
    this.sent = undefined;
    this.json.clear();
  }
}

/** Runs tasks one after another, each to its end (a stream's opens and flushes). */
export class Turns {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(task: () => Promise<R>): Promise<R> {
    const turn = this.tail.then(task);
    this.tail = turn.catch(() => {});
    return turn;
  }
}
