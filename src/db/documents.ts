import type { Queryable } from "./db.ts";

export interface DocumentSummary {
  id: string;
  source: string;
  title: string;
  url: string | null;
  week: number | null;
  format: string;
}

/** A document as the console's material browser lists it. */
export interface DocumentDetails extends DocumentSummary {
  chunks: number;
  updatedAt: string;
}

/** Reads of a course's ingested documents. */
export class DocumentRepository {
  constructor(private readonly db: Queryable) {}

  /** Weekly material in week order, then the rest (syllabus, projects…) by title. */
  async list(course: string): Promise<DocumentSummary[]> {
    const { rows } = await this.db.query<DocumentSummary>(
      `SELECT id::text AS id, source, title, url, week, format FROM documents
        WHERE course_id = $1 ORDER BY week NULLS LAST, title, source`,
      [course],
    );
    return rows;
  }

  /** Every document with its chunk count, by source. */
  async listWithCounts(course: string): Promise<DocumentDetails[]> {
    const { rows } = await this.db.query<DocumentSummary & { chunks: number; updated_at: Date | string }>(
      `SELECT id::text AS id, source, title, url, week, format, chunk_count AS chunks, updated_at FROM documents
        WHERE course_id = $1 ORDER BY source`,
      [course],
    );
    return rows.map(({ updated_at, ...row }) => ({ ...row, updatedAt: new Date(updated_at).toISOString() }));
  }

  /** The document whose url is `url` or `trimmedUrl`, else the one whose source is `source`. */
  async findByUrlOrSource(
    course: string,
    url: string,
    trimmedUrl: string,
    source: string,
  ): Promise<DocumentSummary | undefined> {
    const { rows } = await this.db.query<DocumentSummary>(
      `SELECT id::text AS id, source, title, url, week, format FROM documents
        WHERE course_id = $1 AND (url = $2 OR url = $3 OR source = $4)
        ORDER BY (url = $2 OR url = $3) DESC LIMIT 1`,
      [course, url, trimmedUrl, source],
    );
    return rows[0];
  }

  /** source → content hash of every document of the course. */
  async contentHashes(course: string): Promise<Map<string, string>> {
    const { rows } = await this.db.query<{ source: string; content_hash: string }>(
      "SELECT source, content_hash FROM documents WHERE course_id = $1",
      [course],
    );
    return new Map(rows.map((r) => [r.source, r.content_hash]));
  }

  /** How many documents and chunks the course holds. */
  async totals(course: string): Promise<{ documents: number; chunks: number }> {
    const { rows } = await this.db.query<{ documents: number; chunks: number }>(
      `SELECT (SELECT count(*)::int FROM documents WHERE course_id = $1) AS documents,
            (SELECT count(*)::int FROM chunks WHERE course_id = $1) AS chunks`,
      [course],
    );
    return { documents: rows[0]?.documents ?? 0, chunks: rows[0]?.chunks ?? 0 };
  }
}
