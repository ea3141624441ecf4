import type { ModelManifest } from "./manifest.ts";

/** A model the tutor knows by name: where the hub keeps it and how to use it once it is here. */
export interface ModelPreset {
  /** Repository on the model hub, laid out for transformers.js (ONNX under onnx/). */
  repo: string;
  revision: string;
  /** Files fetched besides the weights; those marked optional may be missing upstream. */
  files: readonly string[];
  optionalFiles: readonly string[];
  manifest: ModelManifest;
  summary: string;
}

const TOKENIZER_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json"] as const;
const OPTIONAL_FILES = ["special_tokens_map.json", "vocab.txt"] as const;
const QUANTIZED = "onnx/model_quantized.onnx";

/**
 * The models `tutor models pull` knows. Each is the int8 ONNX export transformers.js loads; the
 * names are what EMBEDDING_MODEL and RERANKER_MODEL accept in place of a folder.
 */
export const MODEL_PRESETS = {
  minilm: {
    repo: "Xenova/all-MiniLM-L6-v2",
    revision: "main",
    files: [...TOKENIZER_FILES, QUANTIZED],
    optionalFiles: OPTIONAL_FILES,
    summary: "all-MiniLM-L6-v2 sentence embeddings (384-d, 256 tokens, 23 MB int8)",
    manifest: {
      kind: "bi-encoder",
      name: "sentence-transformers/all-MiniLM-L6-v2",
      maxTokens: 256,
      dimensions: 384,
      pooling: "mean",
      normalize: true,
      queryPrefix: "",
      passagePrefix: "",
    },
  },
  "bge-small": {
    repo: "Xenova/bge-small-en-v1.5",
    revision: "main",
    files: [...TOKENIZER_FILES, QUANTIZED],
    optionalFiles: OPTIONAL_FILES,
    summary: "bge-small-en-v1.5 retrieval embeddings (384-d, 512 tokens, 34 MB int8)",
    manifest: {
      kind: "bi-encoder",
      name: "BAAI/bge-small-en-v1.5",
      maxTokens: 512,
      dimensions: 384,
      pooling: "cls",
      normalize: true,
      queryPrefix: "Represent this sentence for searching relevant passages: ",
      passagePrefix: "",
    },
  },
  "e5-small": {
    repo: "Xenova/e5-small-v2",
    revision: "main",
    files: [...TOKENIZER_FILES, QUANTIZED],
    optionalFiles: OPTIONAL_FILES,
    summary: "e5-small-v2 retrieval embeddings (384-d, 512 tokens, 33 MB int8)",
    manifest: {
      kind: "bi-encoder",
      name: "intfloat/e5-small-v2",
      maxTokens: 512,
      dimensions: 384,
      pooling: "mean",
      normalize: true,
      queryPrefix: "query: ",
      passagePrefix: "passage: ",
    },
  },
  "ms-marco-minilm": {
    repo: "Xenova/ms-marco-MiniLM-L-6-v2",
    revision: "main",
    files: [...TOKENIZER_FILES, QUANTIZED],
    optionalFiles: OPTIONAL_FILES,
    summary: "ms-marco-MiniLM-L-6-v2 cross-encoder reranker (512 tokens, 23 MB int8)",
    manifest: {
      kind: "cross-encoder",
      name: "cross-encoder/ms-marco-MiniLM-L-6-v2",
      maxTokens: 512,
      pooling: "mean",
      normalize: false,
      queryPrefix: "",
      passagePrefix: "",
    },
  },
} as const satisfies Record<string, ModelPreset>;

export type PresetName = keyof typeof MODEL_PRESETS;

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(MODEL_PRESETS, name);
}
