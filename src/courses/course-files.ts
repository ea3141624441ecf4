import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db, Queryable } from "../db/db.ts";
import type { MaterialFile } from "./material.ts";

export interface StoredFileInfo {
  path: string;
  bytes: number;
  sha256: string;
  uploadedAt: string;
}

export type UploadMode = "merge" | "replace";

/** Raised when an upload would silently delete material that did not come from uploads. */
export class MaterialConflictError extends Error {
  override name = "MaterialConflictError";
  constructor(readonly sources: string[]) {
    super(
      `${sources.length} document(s) of this course were ingested from a folder on the server and are not among its uploaded files (e.g. ${sources.slice(0, 3).join(", ")}); ingesting the uploads would remove them. Upload with mode=replace to make the uploaded files the whole course.`,
    );
  }
}

/**
 * A course's uploaded material, kept in the database so that every replica can ingest it.
 * Ingestion syncs a course to a folder, so the stored files are written out to a temporary
 * folder and ingested from there.
 */
export class CourseFiles {
  constructor(private readonly db: Db) {}

  /**
   * Stores uploaded files. `merge` adds and replaces files by path; `replace` makes these files
   * the course's entire material. Refuses a merge that would drop documents the course got
   * from a server folder (MaterialConflictError).
   */
  async store(course: string, files: readonly MaterialFile[], mode: UploadMode): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (mode === "replace") {
        await tx.query("DELETE FROM course_files WHERE course_id = $1", [course]);
      } else {
        const orphans = await documentsNotUploaded(
          tx,
          course,
          files.map((f) => f.path),
        );
        if (orphans.length > 0) throw new MaterialConflictError(orphans);
      }
      for (const file of files) {
        await tx.query(
          `INSERT INTO course_files (course_id, path, content, bytes, sha256, uploaded_at)
           VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (course_id, path) DO UPDATE
             SET content = EXCLUDED.content, bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256,
                 uploaded_at = now()`,
          [course, file.path, file.content, file.content.byteLength, file.sha256],
        );
      }
    });
  }

  async list(course: string): Promise<StoredFileInfo[]> {
    const { rows } = await this.db.query<{
      path: string;
      bytes: number;
      sha256: string;
      uploaded_at: Date | string;
    }>("SELECT path, bytes, sha256, uploaded_at FROM course_files WHERE course_id = $1 ORDER BY path", [
      course,
    ]);
    return rows.map((r) => ({
      path: r.path,
      bytes: r.bytes,
      sha256: r.sha256,
      uploadedAt: new Date(r.uploaded_at).toISOString(),
    }));
  }

  async remove(course: string, filePath: string): Promise<boolean> {
    const { rowCount } = await this.db.query("DELETE FROM course_files WHERE course_id = $1 AND path = $2", [
      course,
      filePath,
    ]);
    return rowCount > 0;
  }

  async count(course: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM course_files WHERE course_id = $1",
      [course],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Writes the course's stored files into a fresh temporary folder, runs `work` on it and removes
   * the folder afterwards, whatever happens.
   */
  async withFolder<T>(course: string, work: (dir: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(path.join(tmpdir(), `tutor-material-${randomUUID().slice(0, 8)}-`));
    try {
      const { rows } = await this.db.query<{ path: string; content: Uint8Array }>(
        "SELECT path, content FROM course_files WHERE course_id = $1",
        [course],
      );
      for (const row of rows) {
        const target = path.join(dir, ...row.path.split("/"));
        // Paths were cleaned on upload; check again that nothing escapes the folder.
        if (!target.startsWith(dir + path.sep)) continue;
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, row.content);
      }
      return await work(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** Documents of the course whose source is neither uploaded already nor in this upload. */
async function documentsNotUploaded(tx: Queryable, course: string, uploading: string[]): Promise<string[]> {
  const { rows } = await tx.query<{ source: string }>(
    `SELECT d.source FROM documents d
      WHERE d.course_id = $1
        AND NOT EXISTS (SELECT 1 FROM course_files f WHERE f.course_id = d.course_id AND f.path = d.source)
        AND NOT (d.source = ANY($2::text[]))
      ORDER BY d.source`,
    [course, uploading],
  );
  return rows.map((r) => r.source);
}
