import os from "node:os";
import type { EmbeddingsModel } from "@energetic-ai/embeddings";
import { BatchingQueue } from "../batching-queue.ts";
import { CourseEmbeddings, type ProgressCallback } from "../embeddings.ts";
import { EmbeddingWorkerPool } from "../worker-pool.ts";
import { embedWithUse, loadUseModel, USE_DIMENSIONS, USE_MODEL_ID } from "./model.ts";

export interface UseEmbeddingsOptions {
  /** Worker threads for bulk embedding; 0 embeds on the calling thread. Default: one per core. */
  workers?: number;
  batchSize?: number;
}

/**
 * The default embedder. Queries embed on the calling thread (≈15 ms, no hand-off), one batch at a
 * time; bulk work (ingestion) is split into batches across worker threads so every core is busy.
 */
export class UseEmbeddings extends CourseEmbeddings {
  readonly modelId = USE_MODEL_ID;
  readonly dimensions = USE_DIMENSIONS;
  private local: Promise<EmbeddingsModel> | undefined;
  private pool: EmbeddingWorkerPool | undefined;
  private readonly workers: number;
  private readonly batchSize: number;
  private readonly inProcess: BatchingQueue<string, number[]>;

  constructor(options: UseEmbeddingsOptions = {}) {
    super();
    this.workers = options.workers ?? Math.max(1, os.availableParallelism());
    this.batchSize = options.batchSize ?? 8;
    this.inProcess = new BatchingQueue(
      async (texts) => embedWithUse(await this.localModel(), texts),
      this.batchSize,
    );
  }

  private localModel(): Promise<EmbeddingsModel> {
    this.local ??= loadUseModel();
    return this.local;
  }

  override embedQuery(text: string): Promise<number[]> {
    return this.inProcess.push(text);
  }

  override async embedMany(texts: string[], onProgress?: ProgressCallback): Promise<number[][]> {
    if (texts.length === 0) return [];
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) batches.push(texts.slice(i, i + this.batchSize));
    let done = 0;
    const embedBatch = async (batch: string[]) => {
      const vectors =
        this.workers > 0 && batches.length > 1
          ? await this.workerPool().run(batch)
          : await this.inProcess.pushAll(batch);
      done += batch.length;
      onProgress?.(done, texts.length);
      return vectors;
    };
    const results = await Promise.all(batches.map(embedBatch));
    return results.flat();
  }

  private workerPool(): EmbeddingWorkerPool {
    this.pool ??= new EmbeddingWorkerPool({
      entry: new URL("./worker-entry.mjs", import.meta.url),
      workerData: null,
      size: this.workers,
      idleMs: 30_000,
    });
    return this.pool;
  }

  override async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}
