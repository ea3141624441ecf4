import { cp, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { ModelFolderError, missingFiles, readModelManifest } from "./manifest.ts";

/**
 * Copies an exported model folder (scripts/models/export.py, or any transformers.js layout) into
 * the models directory, for sites without access to the hub. The folder is checked first: a
 * folder transformers.js could not load is refused with what it lacks.
 */
export async function importModel(
  sourceDir: string,
  options: { modelsDir: string; name?: string },
): Promise<{ dir: string; name: string }> {
  const source = path.resolve(sourceDir);
  const missing = missingFiles(source);
  if (missing.length > 0) {
    throw new ModelFolderError(`${source} is not a model folder: missing ${missing.join(", ")}`);
  }
  // A manifest that does not parse is refused here rather than at the first question.
  await readModelManifest(source);
  const name = options.name ?? path.basename(source);
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) {
    throw new ModelFolderError(`"${name}" cannot name a model folder (letters, digits, '.', '_', '-')`);
  }
  const dir = path.join(options.modelsDir, name);
  if (path.resolve(dir) === source) return { dir, name };
  const staging = path.join(options.modelsDir, `.import-${name}-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(options.modelsDir, { recursive: true });
  try {
    await cp(source, staging, { recursive: true });
    await rm(dir, { recursive: true, force: true });
    await rename(staging, dir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { dir, name };
}
