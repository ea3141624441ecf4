import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { zipSync } from "fflate";

/** A course folder zipped the way an instructor would: everything inside one wrapping folder. */
export async function zipFolder(dir: string, wrapper: string): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else entries[`${wrapper}/${path.relative(dir, full).split(path.sep).join("/")}`] = await readFile(full);
    }
  };
  await walk(dir);
  return zipSync(entries);
}
