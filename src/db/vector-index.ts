import type { Queryable } from "./db.ts";

/** pgvector's HNSW indexes accept at most 2,000 dimensions for `vector`. */
export const MAX_INDEXED_DIMENSIONS = 2000;

export function assertDimension(dim: number): void {
  if (!Number.isInteger(dim) || dim < 1 || dim > 16_000) {
    throw new RangeError(`invalid embedding dimension ${dim}`);
  }
}

/**
 * Creates the partial HNSW index for one embedding size if it is missing. The dimension is part
 * of the index expression, so it cannot be a bound parameter; it is checked to be an integer.
 */
export async function ensureVectorIndex(db: Queryable, dim: number): Promise<void> {
  assertDimension(dim);
  if (dim > MAX_INDEXED_DIMENSIONS) return;
  await db.query(
    `CREATE INDEX IF NOT EXISTS chunks_embedding_hnsw_${dim} ON chunks
       USING hnsw ((embedding::vector(${dim})) vector_cosine_ops) WHERE embedding_dim = ${dim}`,
  );
}
