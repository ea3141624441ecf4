import { Embeddings } from "@langchain/core/embeddings";

export type ProgressCallback = (done: number, total: number) => void;

/**
 * LangChain's `Embeddings` plus what the tutor must know to store vectors safely: which model made
 * them and how long they are. Vectors are unit length, so cosine similarity is a dot product.
 */
export abstract class CourseEmbeddings extends Embeddings {
  abstract readonly modelId: string;
  abstract readonly dimensions: number;

  constructor() {
    super({});
  }

  /** Embeds many texts, reporting progress; `embedDocuments` is this without the callback. */
  abstract embedMany(texts: string[], onProgress?: ProgressCallback): Promise<number[][]>;

  override embedDocuments(texts: string[]): Promise<number[][]> {
    return this.embedMany(texts);
  }

  /**
   * Lets go of bulk-embedding workers that are idle now (each holds a copy of the model); they
   * start again on demand. A server calls it once its start-up embedding is done.
   */
  async releaseIdle(): Promise<void> {}

  /** Releases workers and model memory. */
  async close(): Promise<void> {}
}
