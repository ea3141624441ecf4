import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/** A bi-encoder embeds texts on their own; a cross-encoder scores (query, passage) pairs. */
export const MODEL_KINDS = ["bi-encoder", "cross-encoder"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/**
 * `tutor-model.json`: what the tutor must know about a model folder that transformers.js does not
 * read from `config.json` — how to pool token vectors, what to put before a query, how many tokens
 * it reads. Written by scripts/models/export.py and by `tutor models pull`.
 */
export const modelManifestSchema = z.object({
  kind: z.enum(MODEL_KINDS),
  name: z.string().min(1),
  maxTokens: z.number().int().positive().optional(),
  dimensions: z.number().int().positive().optional(),
  pooling: z.enum(["mean", "cls"]).default("mean"),
  normalize: z.boolean().default(true),
  /** Put before a query (not a passage) by retrieval models trained with an instruction. */
  queryPrefix: z.string().default(""),
  /** Put before every other text (passages, sentences) by models trained with paired prefixes (e5). */
  passagePrefix: z.string().default(""),
});

export type ModelManifest = z.infer<typeof modelManifestSchema>;

export const MANIFEST_FILE = "tutor-model.json";

/** The files transformers.js needs from a model folder, besides the weights. */
export const REQUIRED_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json"] as const;
export const WEIGHT_FILES = ["onnx/model_quantized.onnx", "onnx/model.onnx"] as const;

export class ModelFolderError extends Error {
  override name = "ModelFolderError";
}

/** What a folder lacks to be loaded: missing files, or no weights at all. */
export function missingFiles(dir: string): string[] {
  const missing: string[] = REQUIRED_FILES.filter((file) => !existsSync(path.join(dir, file)));
  if (!WEIGHT_FILES.some((file) => existsSync(path.join(dir, file)))) missing.push(WEIGHT_FILES.join(" or "));
  return missing;
}

const hfConfigSchema = z
  .object({
    _name_or_path: z.string().optional(),
    architectures: z.array(z.string()).optional(),
    hidden_size: z.number().optional(),
    max_position_embeddings: z.number().optional(),
  })
  .passthrough();

/**
 * The folder's manifest; a folder without one (exported by other tools) is described from its
 * `config.json`: a sequence classifier is a cross-encoder, anything else a mean-pooled bi-encoder.
 */
export async function readModelManifest(dir: string): Promise<ModelManifest> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (existsSync(manifestPath)) {
    const parsed = modelManifestSchema.safeParse(JSON.parse(await readFile(manifestPath, "utf8")));
    if (!parsed.success) {
      throw new ModelFolderError(`${manifestPath}: ${parsed.error.issues[0]?.message ?? "invalid manifest"}`);
    }
    return parsed.data;
  }
  const configPath = path.join(dir, "config.json");
  if (!existsSync(configPath)) throw new ModelFolderError(`${dir} has no config.json: not a model folder`);
  const config = hfConfigSchema.parse(JSON.parse(await readFile(configPath, "utf8")));
  const classifier = (config.architectures ?? []).some((a) => a.endsWith("ForSequenceClassification"));
  return modelManifestSchema.parse({
    kind: classifier ? "cross-encoder" : "bi-encoder",
    name: config._name_or_path || path.basename(path.resolve(dir)),
    ...(config.hidden_size && !classifier ? { dimensions: config.hidden_size } : {}),
  });
}

/**
 * A model's short name for files fitted to it (reranker weights, no-answer calibration):
 * `transformers:sentence-transformers/all-MiniLM-L6-v2` → `all-minilm-l6-v2`; the bundled
 * sentence encoder is `sentence-encoder`.
 */
export function modelShortName(modelId: string): string {
  if (!modelId.startsWith("transformers:")) return "sentence-encoder";
  const name = modelId.slice("transformers:".length).split("/").pop() ?? modelId;
  return name.toLowerCase().replace(/[^a-z0-9.-]+/g, "-");
}
