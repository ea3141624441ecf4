import { existsSync } from "node:fs";
import path from "node:path";

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
