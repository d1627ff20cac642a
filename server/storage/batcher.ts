/**
 * Group commit: items pushed while a batch is being written wait and go together in the next one,
 * so that one commit (one WAL write, one fsync) serves many votes. Each push resolves with its own
 * result once its batch has committed.
 */
export class Batcher<T, R> {
  private queue: { item: T; resolve(result: R): void; reject(error: unknown): void }[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]> | R[],
    private readonly maxBatch = 500,
  ) {}

  push(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) this.running = new Promise<void>((done) => setImmediate(done)).then(() => this.drain());
    });
  }

  /** Resolves once everything pushed so far is written (for a clean close). */
  async settle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((entry) => entry.item));
        batch.forEach((entry, i) => entry.resolve(results[i]!));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.running = undefined;
  }
}
