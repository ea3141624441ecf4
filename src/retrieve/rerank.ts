import type { ScoredChunk } from "./types.ts";

export interface RerankContext {
  /** The query's embedding, when the caller already has it. */
  queryEmbedding?: number[];
}

/** Reorders retrieved candidates; returns them best first with `scores.rerank` filled in. */
export interface Reranker {
  readonly name: string;
  rerank(query: string, candidates: ScoredChunk[], context: RerankContext): Promise<ScoredChunk[]>;
}

/** Keeps the retrieval order: the `none` setting and the baseline in evaluations. */
export const keepOrder: Reranker = {
  name: "none",
  rerank: async (_query, candidates) => candidates,
};
