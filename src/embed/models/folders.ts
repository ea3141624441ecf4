import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { MANIFEST_FILE } from "./manifest.ts";

/**
 * Where a model named in the settings lives. A bare name (a preset such as `minilm`, or a folder
 * imported under that name) is a folder of the models directory; anything with a path separator,
 * or an existing folder, is taken as given.
 */
export function resolveModelDir(nameOrDir: string, modelsDir: string): string {
  const bareName = !nameOrDir.includes("/") && !nameOrDir.includes("\\") && !nameOrDir.startsWith(".");
  if (bareName && !existsSync(nameOrDir)) return path.join(modelsDir, nameOrDir);
  return path.resolve(nameOrDir);
}

/** The model folders installed in the models directory (those with config.json or a manifest). */
export async function installedModels(modelsDir: string): Promise<string[]> {
  if (!existsSync(modelsDir)) return [];
  const entries = await readdir(modelsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .filter((entry) =>
      [MANIFEST_FILE, "config.json"].some((file) => existsSync(path.join(modelsDir, entry.name, file))),
    )
    .map((entry) => entry.name)
    .sort();
}
