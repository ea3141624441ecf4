import type { Queryable } from "./db.ts";

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

  /** Adds the file, or replaces the course's file at the same path. */
  async put(course: string, file: { path: string; content: Uint8Array; sha256: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO course_files (course_id, path, content, bytes, sha256, uploaded_at)
           VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT (course_id, path) DO UPDATE
             SET content = EXCLUDED.content, bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256,
                 uploaded_at = now()`,
      [course, file.path, file.content, file.content.byteLength, file.sha256],
    );
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

  async contents(course: string): Promise<{ path: string; content: Uint8Array }[]> {
    const { rows } = await this.db.query<{ path: string; content: Uint8Array }>(
      "SELECT path, content FROM course_files WHERE course_id = $1",
      [course],
    );
    return rows;
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
