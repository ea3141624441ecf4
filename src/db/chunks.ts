import type { ChunkRecord, SearchFilters } from "../core/chunks.ts";
import { type Queryable, type SqlParam, toVectorLiteral } from "./db.ts";
import { assertDimension, MAX_INDEXED_DIMENSIONS } from "./vector-index.ts";

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

export interface NearestChunksQuery {
  course: string;
  embedding: number[];
  model: string;
  k: number;
  filters?: SearchFilters;
}

/**
 * Every plan for the nearest-neighbour query that does not read the course's HNSW index sorts the
 * course's rows by distance. The planner prices that sort below the index for courses of about
 * 2,000 chunks (toasted vectors make the scan look cheap; docs/experiments.md), so sorting is
 * priced out for the query: the index is used whenever the course has one, an exact sort otherwise.
 */
const FORCE_VECTOR_INDEX = "SET LOCAL enable_sort = off";

function nearestSql(query: NearestChunksQuery): { sql: string; params: SqlParam[] } {
  const dim = query.embedding.length;
  assertDimension(dim);
  const cast = dim <= MAX_INDEXED_DIMENSIONS ? `::vector(${dim})` : "::vector";
  return {
    sql: `SELECT id::text AS id, (embedding${cast} <=> $1${cast}) AS distance
       FROM chunks
      WHERE course_id = $2 AND embedding_dim = ${dim} AND embedding_model = $3
        AND ($4::int IS NULL OR week IS NULL OR week <= $4::int)
        AND ($5::text IS NULL OR starts_with(source, $5::text))
      ORDER BY embedding${cast} <=> $1${cast}
      LIMIT $6`,
    params: [
      toVectorLiteral(query.embedding),
      query.course,
      query.model,
      query.filters?.week ?? null,
      query.filters?.sourcePrefix ?? null,
      query.k,
    ],
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

/** Reads of ingested chunks: for the in-memory indexes, vector search, centroids and pages. */
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

  /**
   * k nearest chunks by cosine similarity through pgvector. Only vectors from the query's model
   * are compared. The dimension is written into the SQL (checked integer) and the course is a
   * bound parameter, so the planner can pick the course's own partial HNSW index (see
   * CourseVectorIndexes); with iterative index scans (set when the database opens) a week or
   * source filter that rejects most neighbours still returns k of them.
   */
  async nearest(query: NearestChunksQuery): Promise<{ id: string; score: number }[]> {
    const { sql, params } = nearestSql(query);
    const rows = await this.db.transaction(async (tx) => {
      await tx.query(FORCE_VECTOR_INDEX);
      return (await tx.query<{ id: string; distance: number }>(sql, params)).rows;
    });
    // Iterative scans in relaxed order may hand back a later, closer neighbour after a farther one.
    const hits = rows.map((row) => ({ id: row.id, score: 1 - Number(row.distance) }));
    return hits.sort((a, b) => b.score - a.score);
  }

  /** The plan of `nearest` as EXPLAIN ANALYZE reports it, one line per element, vectors elided. */
  async nearestPlan(query: NearestChunksQuery): Promise<string[]> {
    const { sql, params } = nearestSql(query);
    const rows = await this.db.transaction(async (tx) => {
      await tx.query(FORCE_VECTOR_INDEX);
      return (await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows;
    });
    return rows.map((row) => row["QUERY PLAN"].replace(/'\[[^\]]*\]'/g, "'[…]'"));
  }

  /** The stored vectors of the chunks `ids` that `model` made, by chunk id. */
  async vectors(ids: readonly string[], model: string): Promise<{ id: string; embedding: number[] }[]> {
    const { rows } = await this.db.query<{ id: string; embedding: number[] }>(
      `SELECT id::text AS id, embedding::real[] AS embedding
         FROM chunks WHERE id = ANY($1::bigint[]) AND embedding_model = $2`,
      [ids as string[], model],
    );
    return rows;
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
