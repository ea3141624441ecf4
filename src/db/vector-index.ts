import type { SearchFilters } from "../core/chunks.ts";
import { type Db, type Queryable, type SqlParam, toVectorLiteral } from "./db.ts";

/** pgvector's HNSW indexes accept at most 2,000 dimensions for `vector`. */
export const MAX_INDEXED_DIMENSIONS = 2000;

export function assertDimension(dim: number): void {
  if (!Number.isInteger(dim) || dim < 1 || dim > 16_000) {
    throw new RangeError(`invalid embedding dimension ${dim}`);
  }
}

/**
 * Each course has its own partial HNSW index per embedding size (migration 012): a filter on the
 * course over one index shared by every course made the planner walk past the other courses'
 * vectors. Vectors larger than pgvector can index are searched exactly.
 */
export class CourseVectorIndexes {
  constructor(private readonly db: Queryable) {}

  /** The index's name, or undefined when the course has none for this size. */
  async find(course: string, dim: number): Promise<string | undefined> {
    assertDimension(dim);
    const { rows } = await this.db.query<{ name: string | null }>(
      "SELECT to_regclass(tutor_course_vector_index_name($1, $2::int))::text AS name",
      [course, dim],
    );
    return rows[0]?.name ?? undefined;
  }

  /**
   * Creates the course's index for `dim` over the vectors it holds now, unless it exists; true
   * when it was created. Building over a course's published rows at once is several times faster
   * than inserting them into an existing index one by one.
   */
  async ensure(course: string, dim: number): Promise<boolean> {
    assertDimension(dim);
    if (dim > MAX_INDEXED_DIMENSIONS) return false;
    const { rows } = await this.db.query<{ created: boolean }>(
      "SELECT tutor_ensure_course_vector_index($1, $2::int) AS created",
      [course, dim],
    );
    return rows[0]?.created === true;
  }

  /** Refreshes the planner's statistics of the chunks table (PGlite never does it on its own). */
  async analyze(): Promise<void> {
    await this.db.query("ANALYZE chunks");
  }
}

export interface NearestChunksQuery {
  course: string;
  embedding: number[];
  model: string;
  /** Compare every vector of the course instead of walking its index (small courses). */
  exact?: boolean;
  k: number;
  filters?: SearchFilters;
}

/**
 * The plan of the nearest-neighbour query is chosen here, not by the planner's costs. A small
 * course (`exact`) is compared exactly (a sort by distance: a few milliseconds, and the
 * true neighbours); a larger one walks its HNSW index. Left to itself the planner priced the sort
 * below the index for courses of about 2,000 chunks (toasted vectors make the scan look cheap;
 * docs/experiments.md) and the index below the sort for some of a few hundred.
 */
function planSetting(query: NearestChunksQuery): string {
  return query.exact ? "SET LOCAL enable_indexscan = off" : "SET LOCAL enable_sort = off";
}

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

/** k-nearest-neighbour search over one course's vectors of one model. */
export class VectorSearch {
  constructor(private readonly db: Db) {}

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
      await tx.query(planSetting(query));
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
      await tx.query(planSetting(query));
      return (await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows;
    });
    return rows.map((row) => row["QUERY PLAN"].replace(/'\[[^\]]*\]'/g, "'[…]'"));
  }
}
