import type { Queryable } from "../../db/db.ts";

export interface CourseSummary {
  id: string;
  title: string;
}

export interface DocumentSummary {
  id: string;
  source: string;
  title: string;
  url: string | null;
  week: number | null;
  format: string;
}

export interface DocumentChunk {
  ord: number;
  heading: string;
  headingPath: string[];
  locator: string | null;
  text: string;
}

/** Reads what the demo and course pages show: courses, their documents and the ingested text. */
export class CourseMaterial {
  constructor(private readonly db: Queryable) {}

  async course(id: string): Promise<CourseSummary | undefined> {
    const { rows } = await this.db.query<CourseSummary>("SELECT id, title FROM courses WHERE id = $1", [id]);
    return rows[0];
  }

  /** Weekly material in week order, then the rest (syllabus, projects…) by title. */
  async documents(course: string): Promise<DocumentSummary[]> {
    const { rows } = await this.db.query<DocumentSummary>(
      `SELECT id::text AS id, source, title, url, week, format FROM documents
        WHERE course_id = $1 ORDER BY week NULLS LAST, title, source`,
      [course],
    );
    return rows;
  }

  /** The document a page path names: by its front-matter url, else by its source path. */
  async findDocument(course: string, pagePath: string, source: string): Promise<DocumentSummary | undefined> {
    const trimmed = pagePath.length > 1 ? pagePath.replace(/\/+$/, "") : pagePath;
    const { rows } = await this.db.query<DocumentSummary>(
      `SELECT id::text AS id, source, title, url, week, format FROM documents
        WHERE course_id = $1 AND (url = $2 OR url = $3 OR source = $4)
        ORDER BY (url = $2 OR url = $3) DESC LIMIT 1`,
      [course, pagePath, trimmed, source],
    );
    return rows[0];
  }

  async chunks(documentId: string): Promise<DocumentChunk[]> {
    const { rows } = await this.db.query<{
      ord: number;
      heading: string;
      heading_path: string[];
      locator: string | null;
      text: string;
    }>("SELECT ord, heading, heading_path, locator, text FROM chunks WHERE document_id = $1 ORDER BY ord", [
      documentId,
    ]);
    return rows.map((row) => ({
      ord: row.ord,
      heading: row.heading,
      headingPath: row.heading_path ?? [],
      locator: row.locator,
      text: row.text,
    }));
  }
}
