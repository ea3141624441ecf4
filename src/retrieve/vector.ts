import type { SearchFilters } from "../core/chunks.ts";
import { type Queryable, toVectorLiteral } from "../db/db.ts";
import { assertDimension, MAX_INDEXED_DIMENSIONS } from "../db/vector-index.ts";

export interface VectorSearchInput {
  course: string;
  embedding: number[];
  model: string;
  k: number;
  filters?: SearchFilters;
}

/**
 * k nearest chunks by cosine similarity through pgvector. Only vectors from the query's model
 * are compared. The dimension is written into the SQL (checked integer) so the planner can use
 * the matching partial HNSW index; everything else is a bound parameter.
 */
export async function searchVectors(
  db: Queryable,
  input: VectorSearchInput,
): Promise<{ id: string; score: number }[]> {
  const dim = input.embedding.length;
  assertDimension(dim);
  const cast = dim <= MAX_INDEXED_DIMENSIONS ? `::vector(${dim})` : "::vector";
  const { rows } = await db.query<{ id: string; distance: number }>(
    `SELECT id::text AS id, (embedding${cast} <=> $1${cast}) AS distance
       FROM chunks
      WHERE course_id = $2 AND embedding_dim = ${dim} AND embedding_model = $3
        AND ($4::int IS NULL OR week IS NULL OR week <= $4::int)
        AND ($5::text IS NULL OR starts_with(source, $5::text))
      ORDER BY embedding${cast} <=> $1${cast}
      LIMIT $6`,
    [
      toVectorLiteral(input.embedding),
      input.course,
      input.model,
      input.filters?.week ?? null,
      input.filters?.sourcePrefix ?? null,
      input.k,
    ],
  );
  return rows.map((row) => ({ id: row.id, score: 1 - Number(row.distance) }));
}
