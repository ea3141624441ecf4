import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { MANIFEST_FILE, type ModelManifest } from "./manifest.ts";
import type { ModelPreset } from "./presets.ts";

export interface PullOptions {
  /** The hub's base URL; files are fetched from `{hubUrl}/{repo}/resolve/{revision}/{file}`. */
  hubUrl: string;
  modelsDir: string;
  /** Folder name under modelsDir. */
  name: string;
  revision?: string;
  onFile?: (file: string, bytes: number) => void;
  fetch?: typeof fetch;
}

export class ModelDownloadError extends Error {
  override name = "ModelDownloadError";
}

/**
 * Downloads a preset from the model hub into `modelsDir/name`, as a deployment with internet does.
 * Files land in a hidden staging folder first, so an interrupted pull never leaves a half model
 * where the tutor would load it; the manifest is written last, then the folder is swapped in.
 */
export async function pullModel(preset: ModelPreset, options: PullOptions): Promise<string> {
  const revision = options.revision ?? preset.revision;
  const target = path.join(options.modelsDir, options.name);
  const staging = path.join(options.modelsDir, `.pull-${options.name}-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    for (const file of preset.files) await download(preset, revision, file, staging, options, true);
    for (const file of preset.optionalFiles) await download(preset, revision, file, staging, options, false);
    await limitTokens(staging, preset.manifest);
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(preset.manifest, null, 2)}\n`);
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
    return target;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function download(
  preset: ModelPreset,
  revision: string,
  file: string,
  dir: string,
  options: PullOptions,
  required: boolean,
): Promise<void> {
  const url = `${options.hubUrl.replace(/\/+$/, "")}/${preset.repo}/resolve/${revision}/${file}`;
  const response = await (options.fetch ?? fetch)(url, { redirect: "follow" });
  if (response.status === 404 && !required) return;
  if (!response.ok || !response.body) {
    throw new ModelDownloadError(`GET ${url}: HTTP ${response.status}`);
  }
  const destination = path.join(dir, file);
  await mkdir(path.dirname(destination), { recursive: true });
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  let bytes = 0;
  body.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  await pipeline(body, createWriteStream(destination));
  const expected = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(expected) && expected !== bytes) {
    throw new ModelDownloadError(`GET ${url}: got ${bytes} of ${expected} bytes`);
  }
  options.onFile?.(file, bytes);
}

/**
 * transformers.js truncates at the tokenizer's `model_max_length`; hub exports often say 512 for
 * models trained on fewer tokens, so the preset's limit is written there.
 */
async function limitTokens(dir: string, manifest: ModelManifest): Promise<void> {
  const file = path.join(dir, "tokenizer_config.json");
  if (!manifest.maxTokens || !existsSync(file)) return;
  const config = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  config.model_max_length = manifest.maxTokens;
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
}
