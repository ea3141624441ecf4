import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type WithDefaults, withDefaults } from "../core/options.ts";
import { CourseEmbeddings, type ProgressCallback } from "./embeddings.ts";

export interface TransformersEmbeddingsOptions {
  /** A local model folder: config.json, tokenizer files and onnx/model(.quantized).onnx. */
  modelDir: string;
  /** Let transformers.js fetch from the model hub when files are missing (off by default). */
  allowRemote?: boolean;
  batchSize?: number;
}

/** Local files only; sixteen texts a batch. */
export const transformersDefaults = {
  allowRemote: false,
  batchSize: 16,
} satisfies Partial<TransformersEmbeddingsOptions>;

type FeatureExtractor = (
  texts: string[],
  options: { pooling: "mean"; normalize: boolean },
) => Promise<{ tolist(): number[][]; dims: number[] }>;

type TransformersModule = typeof import("@xenova/transformers");

export interface LocalModelLocation {
  /** The id transformers.js resolves against `env.localModelPath`: the folder's name. */
  id: string;
  /** Load options: the quantized weights when the folder has them, no hub unless allowed. */
  options: { quantized: boolean; local_files_only: boolean };
}

// transformers.js reads the model location from its global `env`, and files are read while a
// load is under way; loads from different folders therefore run one at a time.
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `load` with transformers.js pointed at a local model folder (remote loading off unless
 * allowed). Loads are serialised so two folders never share the global settings mid-load.
 */
export function withLocalModel<T>(
  modelDir: string,
  allowRemote: boolean,
  load: (transformers: TransformersModule, location: LocalModelLocation) => Promise<T>,
): Promise<T> {
  const run = loadQueue.then(async () => {
    const transformers = await import("@xenova/transformers");
    const absolute = path.resolve(modelDir);
    transformers.env.allowRemoteModels = allowRemote;
    transformers.env.allowLocalModels = true;
    transformers.env.localModelPath = `${path.dirname(absolute)}/`;
    const quantized = existsSync(path.join(absolute, "onnx", "model_quantized.onnx"));
    return load(transformers, {
      id: path.basename(absolute),
      options: { quantized, local_files_only: !allowRemote },
    });
  });
  loadQueue = run.catch(() => undefined);
  return run;
}

/** Loads a transformers.js pipeline from a folder, without network access unless allowed. */
export async function loadLocalPipeline<T>(task: string, modelDir: string, allowRemote = false): Promise<T> {
  const pipe = await withLocalModel(modelDir, allowRemote, (transformers, { id, options }) =>
    transformers.pipeline(task as "feature-extraction", id, options),
  );
  return pipe as unknown as T;
}

/** Sentence embeddings from any transformers.js feature-extraction model in a local folder. */
export class TransformersEmbeddings extends CourseEmbeddings {
  readonly modelId: string;
  dimensions: number;
  private extractor: Promise<FeatureExtractor> | undefined;
  private readonly options: WithDefaults<TransformersEmbeddingsOptions, typeof transformersDefaults>;

  private constructor(options: TransformersEmbeddingsOptions, modelId: string, dimensions: number) {
    super();
    this.options = withDefaults(transformersDefaults, options);
    this.modelId = modelId;
    this.dimensions = dimensions;
  }

  /** Reads the model's config to learn its id and output size before any text is embedded. */
  static async create(options: TransformersEmbeddingsOptions): Promise<TransformersEmbeddings> {
    const configPath = path.join(options.modelDir, "config.json");
    let config: { hidden_size?: number; _name_or_path?: string } = {};
    try {
      config = JSON.parse(await readFile(configPath, "utf8"));
    } catch (error) {
      throw new Error(`EMBEDDING_MODEL_DIR has no readable config.json (${configPath})`, { cause: error });
    }
    const name = config._name_or_path || path.basename(path.resolve(options.modelDir));
    const instance = new TransformersEmbeddings(options, `transformers:${name}`, config.hidden_size ?? 0);
    if (!instance.dimensions) instance.dimensions = (await instance.embedQuery("dimension probe")).length;
    return instance;
  }

  private pipeline(): Promise<FeatureExtractor> {
    this.extractor ??= loadLocalPipeline<FeatureExtractor>(
      "feature-extraction",
      this.options.modelDir,
      this.options.allowRemote,
    );
    return this.extractor;
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedMany([text]);
    return vector as number[];
  }

  override async embedMany(texts: string[], onProgress?: ProgressCallback): Promise<number[][]> {
    const extractor = await this.pipeline();
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += this.options.batchSize) {
      const batch = texts.slice(i, i + this.options.batchSize).map((t) => (t.trim() === "" ? "." : t));
      const output = await extractor(batch, { pooling: "mean", normalize: true });
      vectors.push(...output.tolist());
      onProgress?.(vectors.length, texts.length);
    }
    return vectors;
  }
}
