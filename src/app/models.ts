import path from "node:path";
import type { CourseEmbeddings } from "../embed/index.ts";
import { type Reranker, weightsUrlFor } from "../retrieve/index.ts";
import type { Config } from "./config.ts";

/**
 * One line on the models a tutor runs with, for the start-up log: which embedder, which reranker,
 * and whether the reranker's weights were fitted for this embedder.
 */
export function describeModels(
  config: Pick<Config, "embeddingModelDir" | "rerankerModelDir">,
  embeddings: Pick<CourseEmbeddings, "modelId" | "dimensions">,
  reranker: Pick<Reranker, "name">,
): string {
  const folder = (dir: string | undefined) => (dir ? ` from ${path.resolve(dir)}` : "");
  const embedder = embeddings.modelId.startsWith("transformers:")
    ? `${embeddings.modelId.slice("transformers:".length)} ` +
      `(${embeddings.dimensions}-d${folder(config.embeddingModelDir)})`
    : `Universal Sentence Encoder (${embeddings.dimensions}-d, bundled)`;
  let rerank = reranker.name === "heuristic" ? "feature reranker" : reranker.name;
  if (reranker.name === "cross-encoder") rerank += folder(config.rerankerModelDir);
  if (reranker.name !== "none" && !weightsUrlFor(embeddings.modelId).fitted) {
    rerank += " (weights fitted for the default embedder, not this one: refit with scripts/fit-reranker.ts)";
  }
  return `Models: embedder ${embedder}; reranker ${rerank}`;
}
