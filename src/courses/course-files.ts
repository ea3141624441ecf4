import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { CourseFileRepository, type Db, type StoredFileInfo } from "../db/index.ts";
import type { MaterialFile } from "./material.ts";

export type UploadMode = "merge" | "replace";

/** Raised when an upload would silently delete material that did not come from uploads. */
export class MaterialConflictError extends Error {
  override name = "MaterialConflictError";
  constructor(readonly sources: string[]) {
    super(
      `${sources.length} document(s) of this course were ingested from a folder on the server and are not ` +
        `among its uploaded files (e.g. ${sources.slice(0, 3).join(", ")}); ingesting the uploads would ` +
        "remove them. Upload with mode=replace to make the uploaded files the whole course.",
    );
  }
}

/**
 * A course's uploaded material, kept in the database so that every replica can ingest it.
 * Ingestion syncs a course to a folder, so the stored files are written out to a temporary
 * folder and ingested from there.
 */
export class CourseFiles {
  private readonly files: CourseFileRepository;

  constructor(private readonly db: Db) {
    this.files = new CourseFileRepository(db);
  }

  /**
   * Stores uploaded files. `merge` adds and replaces files by path; `replace` makes these files
   * the course's entire material. Refuses a merge that would drop documents the course got
   * from a server folder (MaterialConflictError).
   */
  async store(course: string, files: readonly MaterialFile[], mode: UploadMode): Promise<void> {
    await this.db.transaction(async (tx) => {
      const stored = new CourseFileRepository(tx);
      if (mode === "replace") {
        await stored.removeAll(course);
      } else {
        const orphans = await stored.documentsNotUploaded(
          course,
          files.map((f) => f.path),
        );
        if (orphans.length > 0) throw new MaterialConflictError(orphans);
      }
      // The embedded database works on this thread: requests get a turn after every part.
      for (const file of files) await stored.put(course, file, () => nextTurn());
    });
  }

  list(course: string): Promise<StoredFileInfo[]> {
    return this.files.list(course);
  }

  remove(course: string, filePath: string): Promise<boolean> {
    return this.files.remove(course, filePath);
  }

  count(course: string): Promise<number> {
    return this.files.count(course);
  }

  /**
   * Writes the course's stored files into a fresh temporary folder, runs `work` on it and removes
   * the folder afterwards, whatever happens.
   */
  async withFolder<T>(course: string, work: (dir: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(path.join(tmpdir(), `tutor-material-${randomUUID().slice(0, 8)}-`));
    try {
      for (const filePath of await this.files.paths(course)) {
        const target = path.join(dir, ...filePath.split("/"));
        // Paths were cleaned on upload; check again that nothing escapes the folder.
        if (!target.startsWith(dir + path.sep)) continue;
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, await this.files.content(course, filePath));
      }
      return await work(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
