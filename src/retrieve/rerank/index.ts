import type { Config } from "../../app/config.ts";
import type { ScoredChunk } from "../../core/chunks.ts";
import type { CourseEmbeddings } from "../../embed/index.ts";
import type { MmrOptions } from "../shape/mmr.ts";
import { CrossEncoderReranker } from "./cross-encoder.ts";
import { FeatureReranker, loadRerankWeights } from "./feature-reranker.ts";
import type { ChunkAnalysis } from "./features/analysis.ts";
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
  /** A candidate's analysis as the course's index stores it; absent or undefined: analysed here. */
  analysis?: (chunk: ScoredChunk) => ChunkAnalysis | undefined;
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

/**
 * The reranker the settings ask for (RERANKER, RERANKER_MODEL_DIR): `heuristic` (the default)
 * is the feature reranker with the committed fitted weights; `cross-encoder` loads a local
 * transformers.js cross-encoder and keeps the fitted merge/MMR settings; `none` keeps the fused
 * order.
 */
export async function createReranker(
  config: Pick<Config, "reranker" | "rerankerModelDir"> & Partial<Pick<Config, "transformersAllowRemote">>,
  _deps: { embeddings: CourseEmbeddings },
): Promise<Reranker> {
  if (config.reranker === "none") return keepOrder;
  const fitted = await loadRerankWeights();
  const stage = { neighbours: fitted.neighbours, mergeWindow: fitted.mergeWindow, mmr: fitted.mmr };
  if (config.reranker === "cross-encoder") {
    if (!config.rerankerModelDir) throw new Error("RERANKER=cross-encoder needs RERANKER_MODEL_DIR");
    return CrossEncoderReranker.load({
      modelDir: config.rerankerModelDir,
      allowRemote: config.transformersAllowRemote ?? false,
      stage,
    });
  }
  return new FeatureReranker(fitted.weights, stage);
}
