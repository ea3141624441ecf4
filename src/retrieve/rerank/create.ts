import type { Config } from "../../app/config.ts";
import type { CourseEmbeddings } from "../../embed/embeddings.ts";
import { CrossEncoderReranker } from "./cross-encoder.ts";
import { FeatureReranker, loadRerankWeights } from "./feature-reranker.ts";
import { keepOrder, type Reranker } from "./index.ts";

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
