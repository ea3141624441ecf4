import path from "node:path";
import { withDefaults } from "../../core/options.ts";
import { CourseEmbeddings, type ProgressCallback } from "../embeddings.ts";
import { ModelFolderError, type ModelManifest, readModelManifest } from "../models/manifest.ts";
import { loadLocalPipeline } from "./local-model.ts";
import { QueryCache } from "./query-cache.ts";

export { type LocalModelLocation, loadLocalPipeline, withLocalModel } from "./local-model.ts";

export interface TransformersEmbeddingsOptions {
  /** A local model folder: config.json, tokenizer files and onnx/model(_quantized).onnx. */
  modelDir: string;
  /** Let transformers.js fetch from the model hub when files are missing (off by default). */
  allowRemote?: boolean;
  /** Texts per ONNX run; texts are grouped by length so little of a batch is padding. */
  batchSize?: number;
  /** Query embeddings kept for repeated questions (0: none). */
  queryCacheSize?: number;
}

export const transformersEmbeddingsDefaults = {
  allowRemote: false,
  batchSize: 16,
  queryCacheSize: 1_000,
} satisfies Partial<TransformersEmbeddingsOptions>;

type FeatureExtractor = (
  texts: string[],
  options: { pooling: "mean" | "cls"; normalize: boolean },
) => Promise<{ tolist(): number[][]; dims: number[] }>;

/**
 * Sentence embeddings from a transformers.js bi-encoder in a local folder. Its manifest says how
 * to pool and normalise and what to put before a query; the model loads on the first text, so a
 * run with nothing to embed never pays for it. ONNX Runtime spreads each batch over every core.
 */
export class TransformersEmbeddings extends CourseEmbeddings {
  readonly modelId: string;
  dimensions: number;
  readonly manifest: ModelManifest;
  private extractor: Promise<FeatureExtractor> | undefined;
  private readonly settings: Required<TransformersEmbeddingsOptions>;
  private readonly queries: QueryCache;

  private constructor(options: TransformersEmbeddingsOptions, manifest: ModelManifest) {
    super();
    this.settings = withDefaults(transformersEmbeddingsDefaults, options);
    this.manifest = manifest;
    this.modelId = `transformers:${manifest.name}`;
    this.dimensions = manifest.dimensions ?? 0;
    this.queries = new QueryCache(this.settings.queryCacheSize);
  }

  /** Reads the folder's manifest (or config.json) to learn the model's id and output size. */
  static async create(options: TransformersEmbeddingsOptions): Promise<TransformersEmbeddings> {
    let manifest: ModelManifest;
    try {
      manifest = await readModelManifest(options.modelDir);
    } catch (error) {
      throw new Error(
        `EMBEDDING_MODEL_DIR has no readable config.json (${path.join(options.modelDir, "config.json")})`,
        { cause: error },
      );
    }
    if (manifest.kind !== "bi-encoder") {
      throw new ModelFolderError(`${options.modelDir} holds a ${manifest.kind}, not an embedding model`);
    }
    const instance = new TransformersEmbeddings(options, manifest);
    if (!instance.dimensions)
      instance.dimensions = (await instance.embedMany(["dimension probe"]))[0]!.length;
    return instance;
  }

  private pipeline(): Promise<FeatureExtractor> {
    this.extractor ??= loadLocalPipeline<FeatureExtractor>(
      "feature-extraction",
      this.settings.modelDir,
      this.settings.allowRemote,
    );
    return this.extractor;
  }

  override embedQuery(text: string): Promise<number[]> {
    return this.queries.get(text, async () => {
      const [vector] = await this.encode([`${this.manifest.queryPrefix}${text}`]);
      return vector as number[];
    });
  }

  override async embedMany(texts: string[], onProgress?: ProgressCallback): Promise<number[][]> {
    const vectors: number[][] = new Array(texts.length);
    // Shortest first: a batch pads to its longest text, so similar lengths waste least work.
    const order = texts.map((_, i) => i).sort((a, b) => texts[a]!.length - texts[b]!.length);
    const { batchSize } = this.settings;
    for (let start = 0; start < order.length; start += batchSize) {
      const indices = order.slice(start, start + batchSize);
      const batch = await this.encode(indices.map((i) => `${this.manifest.passagePrefix}${texts[i]!}`));
      indices.forEach((index, j) => {
        vectors[index] = batch[j]!;
      });
      onProgress?.(Math.min(start + batchSize, texts.length), texts.length);
    }
    return vectors;
  }

  private async encode(texts: string[]): Promise<number[][]> {
    const extractor = await this.pipeline();
    const input = texts.map((t) => (t.trim() === "" ? "." : t));
    const output = await extractor(input, {
      pooling: this.manifest.pooling,
      normalize: this.manifest.normalize,
    });
    return output.tolist();
  }
}
