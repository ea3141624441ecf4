import type { ChunkRecord } from "../core/chunks.ts";
import type { Queryable } from "./db.ts";

interface ChunkRow {
  id: string;
  course_id: string;
  source: string;
  title: string;
  heading: string;
  heading_path: string[];
  locator: string | null;
  url: string | null;
  week: number | null;
  ord: number;
  text: string;
}

const CHUNK_COLUMNS_SQL =
  "id::text AS id, course_id, source, title, heading, heading_path, locator, url, week, ord, text";

function toChunkRecord(row: ChunkRow): ChunkRecord {
  return {
    chunkId: String(row.id),
    courseId: row.course_id,
    source: row.source,
    title: row.title,
    heading: row.heading,
    headingPath: row.heading_path,
    locator: row.locator,
    url: row.url,
    week: row.week,
    ord: row.ord,
    text: row.text,
  };
}

/** A chunk as a document page shows it. */
export interface DocumentChunk {
  ord: number;
  heading: string;
  headingPath: string[];
  locator: string | null;
  text: string;
}

/** Reads of ingested chunks: for the in-memory indexes, centroids and pages (vector search: VectorSearch). */
export class ChunkRepository {
  constructor(private readonly db: Queryable) {}

  async count(course: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM chunks WHERE course_id = $1",
      [course],
    );
    return rows[0]?.n ?? 0;
  }

  /** Every chunk of a course in document order, as the lexical indexes are built from. */
  async ofCourse(course: string): Promise<ChunkRecord[]> {
    const { rows } = await this.db.query<ChunkRow>(
      `SELECT ${CHUNK_COLUMNS_SQL} FROM chunks WHERE course_id = $1 ORDER BY source, ord`,
      [course],
    );
    return rows.map(toChunkRecord);
  }

  /** Every chunk's source and text, in document order, as relevance judging needs them. */
  async textsOfCourse(course: string): Promise<{ source: string; text: string }[]> {
    const { rows } = await this.db.query<{ source: string; text: string }>(
      "SELECT source, text FROM chunks WHERE course_id = $1 ORDER BY source, ord",
      [course],
    );
    return rows;
  }

  async ofDocument(documentId: string): Promise<DocumentChunk[]> {
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

  /** The mean of a course's chunk vectors for one model, as numbers; `null` when it has none. */
  async centroid(course: string, model: string): Promise<number[] | null> {
    const { rows } = await this.db.query<{ centroid: number[] | null }>(
      "SELECT avg(embedding)::real[] AS centroid FROM chunks WHERE course_id = $1 AND embedding_model = $2",
      [course, model],
    );
    return rows[0]?.centroid ?? null;
  }

  /** The same mean in pgvector's text form (`[0.1,0.2,…]`); `null` when the course has none. */
  async centroidText(course: string, model: string): Promise<string | null> {
    const { rows } = await this.db.query<{ centroid: string | null }>(
      "SELECT avg(embedding)::text AS centroid FROM chunks WHERE course_id = $1 AND embedding_model = $2",
      [course, model],
    );
    return rows[0]?.centroid ?? null;
  }
}
