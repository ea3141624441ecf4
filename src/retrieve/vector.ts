import { ChunkRepository, type NearestChunksQuery, type Queryable } from "../db/index.ts";

export type VectorSearchInput = NearestChunksQuery;

/**
 * k nearest chunks by cosine similarity through pgvector, comparing only vectors from the
 * query's model (see ChunkRepository.nearest for how the partial HNSW indexes are used).
 */
export function searchVectors(
  db: Queryable,
  input: VectorSearchInput,
): Promise<{ id: string; score: number }[]> {
  return new ChunkRepository(db).nearest(input);
}
