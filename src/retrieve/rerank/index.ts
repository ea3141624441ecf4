import type { Config } from "../../app/config.ts";
import type { ScoredChunk } from "../../core/chunks.ts";
import type { CourseEmbeddings } from "../../embed/index.ts";
import type { MmrOptions } from "../shape/mmr.ts";
import { CrossEncoderReranker } from "./cross-encoder.ts";
import { FeatureReranker, loadRerankWeights, weightsUrlFor } from "./feature-reranker.ts";
import type { ChunkAnalysis } from "./features/analysis.ts";
import type { ChunkVectors } from "./vectors.ts";

export { weightsUrlFor };

export interface RerankContext {
  /** The query's embedding, when the caller already has it. */
  queryEmbedding?: number[];
  /** The candidates' stored embeddings (same model as the query), by chunk id. */
  candidateVectors?: ChunkVectors;
  /** Each candidate's sentences embedded alone (same model), by chunk id, when the reranker reads them. */
  sentenceVectors?: ReadonlyMap<string, readonly ArrayLike<number>[]>;
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
  /** True when it reads `RerankContext.sentenceVectors` (the searcher fetches them only then). */
  readonly readsSentenceVectors?: boolean;
  rerank(query: string, candidates: ScoredChunk[], context: RerankContext): Promise<ScoredChunk[]>;
}

/** Keeps the retrieval order: the `none` setting and the baseline in evaluations. */
export const keepOrder: Reranker = {
  name: "none",
  rerank: async (_query, candidates) => candidates,
};

/**
 * The reranker the settings ask for (RERANKER, RERANKER_MODEL): `heuristic` (the default) is the
 * feature reranker with the weights fitted for the configured embedder; `cross-encoder` loads a
 * local transformers.js cross-encoder that reorders the feature reranker's best candidates, as
 * many as RERANK_BUDGET_MS allows; `none` keeps the fused order.
 */
export async function createReranker(
  config: Pick<Config, "reranker" | "rerankerModelDir"> &
    Partial<Pick<Config, "transformersAllowRemote" | "rerankBudgetMs">>,
  deps: { embeddings: Pick<CourseEmbeddings, "modelId"> },
): Promise<Reranker> {
  if (config.reranker === "none") return keepOrder;
  const fitted = await loadRerankWeights(weightsUrlFor(deps.embeddings.modelId).url);
  const stage = { neighbours: fitted.neighbours, mergeWindow: fitted.mergeWindow, mmr: fitted.mmr };
  const features = new FeatureReranker(fitted.weights, stage);
  if (config.reranker === "cross-encoder") {
    if (!config.rerankerModelDir) throw new Error("RERANKER=cross-encoder needs RERANKER_MODEL");
    return CrossEncoderReranker.load({
      modelDir: config.rerankerModelDir,
      allowRemote: config.transformersAllowRemote ?? false,
      budgetMs: config.rerankBudgetMs ?? Number.POSITIVE_INFINITY,
      first: features,
      stage,
    });
  }
  return features;
}
