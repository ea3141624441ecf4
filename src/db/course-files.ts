import type { Queryable } from "./db.ts";

/** Uploaded files are stored in parts of this many bytes (see migration 007). */
export const FILE_PART_BYTES = 64 * 1024;

export interface StoredFileInfo {
  path: string;
  bytes: number;
  sha256: string;
  uploadedAt: string;
}

/** The `course_files` table: a course's uploaded material, file by file. */
export class CourseFileRepository {
  constructor(private readonly db: Queryable) {}

  async removeAll(course: string): Promise<void> {
    await this.db.query("DELETE FROM course_files WHERE course_id = $1", [course]);
  }

  /**
   * Adds the file, or replaces the course's file at the same path. Its bytes go in parts of
   * `FILE_PART_BYTES`, one statement each, with `betweenParts` awaited after each (the embedded
   * database runs on the event loop). They travel as base64 text: PGlite's own bytea encoding
   * costs about ten times as long.
   */
  async put(
    course: string,
    file: { path: string; content: Uint8Array; sha256: string },
    betweenParts: () => Promise<void> = async () => {},
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO course_files (course_id, path, bytes, sha256, uploaded_at)
           VALUES ($1, $2, $3, $4, now())
           ON CONFLICT (course_id, path) DO UPDATE
             SET bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256, uploaded_at = now()`,
      [course, file.path, file.content.byteLength, file.sha256],
    );
    await this.db.query("DELETE FROM course_file_parts WHERE course_id = $1 AND path = $2", [
      course,
      file.path,
    ]);
    const bytes = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength);
    for (let part = 0; part * FILE_PART_BYTES < bytes.byteLength; part++) {
      const piece = bytes.subarray(part * FILE_PART_BYTES, (part + 1) * FILE_PART_BYTES);
      await this.db.query(
        `INSERT INTO course_file_parts (course_id, path, part, content) VALUES ($1, $2, $3, decode($4, 'base64'))`,
        [course, file.path, part, piece.toString("base64")],
      );
      await betweenParts();
    }
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

  /** The paths of the course's uploaded files. */
  async paths(course: string): Promise<string[]> {
    const { rows } = await this.db.query<{ path: string }>(
      "SELECT path FROM course_files WHERE course_id = $1 ORDER BY path",
      [course],
    );
    return rows.map((row) => row.path);
  }

  /** One file's bytes, its parts joined (as base64 on the way, like `put`). */
  async content(course: string, path: string): Promise<Uint8Array> {
    const { rows } = await this.db.query<{ content: string }>(
      `SELECT encode(content, 'base64') AS content FROM course_file_parts
        WHERE course_id = $1 AND path = $2 ORDER BY part`,
      [course, path],
    );
    // Postgres breaks base64 into lines; Node's decoder skips the line breaks.
    return Buffer.concat(rows.map((row) => Buffer.from(row.content, "base64")));
  }

  /** Documents of the course whose source is neither uploaded already nor in `uploading`. */
  async documentsNotUploaded(course: string, uploading: string[]): Promise<string[]> {
    const { rows } = await this.db.query<{ source: string }>(
      `SELECT d.source FROM documents d
      WHERE d.course_id = $1
        AND NOT EXISTS (SELECT 1 FROM course_files f WHERE f.course_id = d.course_id AND f.path = d.source)
        AND NOT (d.source = ANY($2::text[]))
      ORDER BY d.source`,
      [course, uploading],
    );
    return rows.map((r) => r.source);
  }
}
