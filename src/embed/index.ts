import type { Config } from "../app/config.ts";
import type { CourseEmbeddings } from "./embeddings.ts";
import { SentenceEncoderEmbeddings } from "./sentence-encoder/index.ts";
import { TransformersEmbeddings } from "./transformers/index.ts";

export { CourseEmbeddings, type ProgressCallback } from "./embeddings.ts";
export { SentenceEncoderEmbeddings, type SentenceEncoderOptions } from "./sentence-encoder/index.ts";
export {
  type LocalModelLocation,
  loadLocalPipeline,
  TransformersEmbeddings,
  withLocalModel,
} from "./transformers/index.ts";

/**
 * The embedder the settings ask for (EMBEDDER): `use`, the bundled Universal Sentence Encoder
 * (the default), or `transformers`, a local transformers.js model in EMBEDDING_MODEL_DIR.
 */
export async function createEmbeddings(
  config: Pick<Config, "embedder" | "embeddingModelDir" | "embedWorkers" | "transformersAllowRemote">,
): Promise<CourseEmbeddings> {
  if (config.embedder === "transformers") {
    return TransformersEmbeddings.create({
      modelDir: config.embeddingModelDir as string,
      allowRemote: config.transformersAllowRemote,
    });
  }
  return new SentenceEncoderEmbeddings({ workers: config.embedWorkers });
}
