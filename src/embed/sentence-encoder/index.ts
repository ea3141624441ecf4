import os from "node:os";
import type { EmbeddingsModel } from "@energetic-ai/embeddings";
import { withDefaults } from "../../core/options.ts";
import { BatchingQueue } from "../batching-queue.ts";
import { CourseEmbeddings, type ProgressCallback } from "../embeddings.ts";
import { EmbeddingWorkerPool } from "../worker-pool.ts";
import {
  embedWithSentenceEncoder,
  loadSentenceEncoder,
  SENTENCE_ENCODER_DIMENSIONS,
  SENTENCE_ENCODER_MODEL_ID,
} from "./model.ts";

export interface SentenceEncoderOptions {
  /** Worker threads for bulk embedding; 0 embeds on the calling thread. */
  workers?: number;
  batchSize?: number;
}

/** One worker per core, eight texts a batch. */
export const sentenceEncoderDefaults: Required<SentenceEncoderOptions> = {
  workers: Math.max(1, os.availableParallelism()),
  batchSize: 8,
};

/**
 * The default embedder (EMBEDDER=use). Queries embed on the calling thread, with no hand-off to
 * a worker, one batch at a time; bulk work (ingestion) is split into batches across worker
 * threads so every core is busy.
 */
export class SentenceEncoderEmbeddings extends CourseEmbeddings {
  readonly modelId = SENTENCE_ENCODER_MODEL_ID;
  readonly dimensions = SENTENCE_ENCODER_DIMENSIONS;
  private local: Promise<EmbeddingsModel> | undefined;
  private pool: EmbeddingWorkerPool | undefined;
  private readonly settings: Required<SentenceEncoderOptions>;
  private readonly inProcess: BatchingQueue<string, number[]>;

  constructor(options: SentenceEncoderOptions = {}) {
    super();
    this.settings = withDefaults(sentenceEncoderDefaults, options);
    this.inProcess = new BatchingQueue(
      async (texts) => embedWithSentenceEncoder(await this.localModel(), texts),
      this.settings.batchSize,
    );
  }

  private localModel(): Promise<EmbeddingsModel> {
    this.local ??= loadSentenceEncoder();
    return this.local;
  }

  override embedQuery(text: string): Promise<number[]> {
    return this.inProcess.push(text);
  }

  override async embedMany(texts: string[], onProgress?: ProgressCallback): Promise<number[][]> {
    if (texts.length === 0) return [];
    const { batchSize, workers } = this.settings;
    const batches: string[][] = [];
    for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize));
    let done = 0;
    const embedBatch = async (batch: string[]) => {
      const vectors =
        workers > 0 && batches.length > 1
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
      size: this.settings.workers,
      idleMs: 30_000,
    });
    return this.pool;
  }

  override async releaseIdle(): Promise<void> {
    await this.pool?.releaseIdle();
  }

  override async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}
