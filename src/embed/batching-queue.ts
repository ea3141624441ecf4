interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Feeds a model one batch at a time, first come first served, batching whatever queued up while
 * the previous batch ran. Calling the TF.js model concurrently instead makes every call advance
 * in lockstep, so under load all of them finish as late as the last one.
 */
export class BatchingQueue<T, R> {
  private readonly waiting: Waiting<T, R>[] = [];
  private running = false;

  constructor(
    private readonly runBatch: (items: T[]) => Promise<R[]>,
    private readonly maxBatch: number,
  ) {}

  push(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.drain();
    });
  }

  pushAll(items: readonly T[]): Promise<R[]> {
    return Promise.all(items.map((item) => this.push(item)));
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const results = await this.runBatch(batch.map((w) => w.item));
          for (const [i, w] of batch.entries()) w.resolve(results[i] as R);
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
