import type { ScoredChunk } from "../../core/chunks.ts";
import type { MmrOptions } from "../shape/mmr.ts";
import type { ChunkVectors } from "./vectors.ts";

export interface RerankContext {
  /** The query's embedding, when the caller already has it. */
  queryEmbedding?: number[];
  /** The candidates' stored embeddings (same model as the query), by chunk id. */
  candidateVectors?: ChunkVectors;
  /** The mean of the course's chunk vectors (same model). */
  centroid?: ArrayLike<number>;
  /** Inverse document frequency of an analysed term in the course; undefined for unseen terms. */
  idf?: (term: string) => number | undefined;
}

/**
 * The stage around the reranker: which extra candidates it sees, and what happens to its list
 * before it is cut to k (merging neighbours, then MMR).
 */
export interface RerankStageOptions {
  /** The same-section neighbours of this many of the best fused candidates join the candidates. */
  neighbours: number;
  /** Neighbouring chunks of one section among the first `mergeWindow` results merge (0: never). */
  mergeWindow: number;
  mmr: MmrOptions;
}

/** Reorders retrieved candidates; returns them best first with `scores.rerank` filled in. */
export interface Reranker {
  readonly name: string;
  /** Tuned with the reranker's scores, so it travels with it; absent: no extra candidates, no merging, no MMR. */
  readonly stage?: RerankStageOptions;
  rerank(query: string, candidates: ScoredChunk[], context: RerankContext): Promise<ScoredChunk[]>;
}

/** Keeps the retrieval order: the `none` setting and the baseline in evaluations. */
export const keepOrder: Reranker = {
  name: "none",
  rerank: async (_query, candidates) => candidates,
};
