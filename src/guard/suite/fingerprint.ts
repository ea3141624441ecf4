import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../../core/paths.ts";

async function filesUnder(dir: string): Promise<string[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else out.push(full);
  }
  return out;
}

// The suite runner measures the rules; it is not part of them (a file before it became a folder).
const MEASURING = /^suite(?:\.ts$|[\\/])/;

/**
 * A short fingerprint of the rules as they are on disk: the guard's code (not its suite runner)
 * and the shipped guard configuration and exemplars. Recorded with a round's first figures, so
 * the report can say which version of the rules a round was first measured against.
 */
export async function rulesFingerprint(root = packageRoot): Promise<string> {
  const guardDir = path.join(root, "src", "guard");
  const files = [
    ...(await filesUnder(guardDir)).filter((f) => !MEASURING.test(path.relative(guardDir, f))),
    path.join(root, "config", "guard.json"),
    ...(await filesUnder(path.join(root, "config", "guard-exemplars"))),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      continue;
    }
    hash.update(path.relative(root, file).split(path.sep).join("/"));
    hash.update("\0");
    hash.update(content);
  }
  return hash.digest("hex").slice(0, 12);
}
