import { type Db, type NearestChunksQuery, VectorSearch } from "../db/index.ts";

export type VectorSearchInput = NearestChunksQuery;

/**
 * k nearest chunks by cosine similarity through pgvector, comparing only vectors from the
 * query's model, on the course's own HNSW index (see VectorSearch).
 */
export function searchVectors(db: Db, input: VectorSearchInput): Promise<{ id: string; score: number }[]> {
  return new VectorSearch(db).nearest(input);
}
