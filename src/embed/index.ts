import type { Config } from "../app/config.ts";
import type { CourseEmbeddings } from "./embeddings.ts";
import { UseEmbeddings } from "./sentence-encoder/index.ts";
import { TransformersEmbeddings } from "./transformers.ts";

export async function createEmbeddings(
  config: Pick<Config, "embedder" | "embeddingModelDir" | "embedWorkers" | "transformersAllowRemote">,
): Promise<CourseEmbeddings> {
  if (config.embedder === "transformers") {
    return TransformersEmbeddings.create({
      modelDir: config.embeddingModelDir as string,
      allowRemote: config.transformersAllowRemote,
    });
  }
  return new UseEmbeddings({ workers: config.embedWorkers });
}
