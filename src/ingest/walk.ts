import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export interface FoundFile {
  absolute: string;
  /** Relative to the ingested folder, with forward slashes: the document's `source`. */
  relative: string;
}

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", "__pycache__", "dist", "build"]);

/** Every regular file under `dir`, depth first in name order, skipping hidden and build folders. */
export async function listFiles(dir: string): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const visit = async (current: string) => {
    let entries: Dirent[];
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      if (current === dir) throw error;
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const absolute = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await visit(absolute);
      } else if (entry.isFile() || (entry.isSymbolicLink() && !(await isDirectory(absolute)))) {
        // A broken link is listed too, so ingestion reports it as unreadable instead of forgetting it.
        found.push({ absolute, relative: path.relative(dir, absolute).split(path.sep).join("/") });
      }
    }
  };
  await visit(dir);
  return found;
}

async function isDirectory(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

const GENERIC_NAMES = new Set(["index", "readme", "notes", "slides", "lecture", "main"]);

/** A readable title from a path: `week-03/notes.md` → "Week 03 notes", `intro_to_ml.pdf` → "Intro to ml". */
export function titleFromPath(relative: string): string {
  const parts = relative.split("/");
  const base = (parts.at(-1) ?? relative).replace(/\.[^.]+$/, "");
  const words = (s: string) => s.replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim();
  let title = words(base);
  if (GENERIC_NAMES.has(base.toLowerCase()) && parts.length > 1) {
    title = `${words(parts.at(-2) as string)} ${title}`;
  }
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * `week-03/…`, `wk3_…`, `lecture-12.md` → the number, when a path names a week or lecture; failing
 * that, a numbered folder or file such as `09_deploying_a_model/` (the usual lecture ordering).
 */
export function weekFromPath(relative: string): number | undefined {
  const named = /(?:^|[/_\-\s])(?:week|wk|lecture|lec)[-_\s]?(\d{1,2})(?!\d)/i.exec(relative);
  if (named) return Number(named[1]);
  const numbered = /(?:^|\/)(\d{1,2})[-_][^/]*\//.exec(relative);
  return numbered ? Number(numbered[1]) : undefined;
}
