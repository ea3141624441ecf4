import { Worker } from "node:worker_threads";

interface Job {
  texts: string[];
  resolve: (vectors: number[][]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
}

export interface WorkerPoolOptions {
  /** Module the workers run; it answers `{texts}` messages with `{vectors}` or `{error}`. */
  entry: URL;
  workerData: unknown;
  size: number;
  /** Terminate idle workers after this long; they are started again on demand. */
  idleMs?: number;
}

/**
 * A fixed-size pool of embedding workers. Each worker holds its own copy of the model, so
 * batches embed on every core at once; a worker that dies fails only its own batch.
 */
export class EmbeddingWorkerPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Workers alive now, busy or idle. */
  get workers(): number {
    return this.slots.length;
  }

  run(texts: string[]): Promise<number[][]> {
    if (this.closed) return Promise.reject(new Error("embedding pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ texts, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    clearTimeout(this.idleTimer);
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === undefined);
      if (!slot && this.slots.length < this.options.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      slot.job = job;
      // A busy worker keeps the process alive; an idle one must not.
      slot.worker.ref();
      slot.worker.postMessage({ texts: job.texts });
    }
    if (this.slots.every((s) => s.job === undefined) && this.options.idleMs !== undefined) {
      this.idleTimer = setTimeout(() => void this.terminateWorkers(), this.options.idleMs);
      this.idleTimer.unref();
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.entry, { workerData: this.options.workerData });
    worker.unref();
    const slot: Slot = { worker, job: undefined };
    worker.on("message", (message: { vectors?: number[][]; error?: string }) => {
      const job = slot.job;
      slot.job = undefined;
      worker.unref();
      if (job) {
        if (message.vectors) job.resolve(message.vectors);
        else job.reject(new Error(message.error ?? "embedding worker failed"));
      }
      this.dispatch();
    });
    const fail = (error: Error) => {
      this.slots = this.slots.filter((s) => s !== slot);
      slot.job?.reject(error);
      slot.job = undefined;
      if (!this.closed) this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (this.slots.includes(slot)) fail(new Error(`embedding worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Terminates the workers that are idle now, without waiting for `idleMs`; busy ones finish. */
  releaseIdle(): Promise<void> {
    clearTimeout(this.idleTimer);
    return this.terminateWorkers();
  }

  private async terminateWorkers(): Promise<void> {
    const idle = this.slots.filter((s) => s.job === undefined);
    this.slots = this.slots.filter((s) => s.job !== undefined);
    await Promise.all(idle.map((s) => s.worker.terminate()));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    for (const job of this.queue.splice(0)) job.reject(new Error("embedding pool closed"));
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
