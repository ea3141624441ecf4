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

  /** Releases workers and model memory. */
  async close(): Promise<void> {}
}
