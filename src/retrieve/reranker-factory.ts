import type { Config } from "../config.ts";
import type { CourseEmbeddings } from "../embed/embeddings.ts";
import { type Reranker, keepOrder } from "./rerank.ts";

/** The reranker the settings ask for (RERANKER, RERANKER_MODEL_DIR). */
export async function createReranker(
  config: Pick<Config, "reranker" | "rerankerModelDir">,
  _deps: { embeddings: CourseEmbeddings },
): Promise<Reranker> {
  // Placeholder until the heuristic and cross-encoder rerankers land: keep the fused order.
  if (config.reranker === "none") return keepOrder;
  return keepOrder;
}
