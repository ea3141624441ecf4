/** Narrowing a search: week ≤ N (material without a week, like the syllabus, always counts) and a source prefix. */
export interface SearchFilters {
  week?: number;
  sourcePrefix?: string;
}

/** A chunk as the retrievers and the answerer see it. */
export interface ChunkRecord {
  chunkId: string;
  courseId: string;
  source: string;
  title: string;
  heading: string;
  headingPath: string[];
  locator: string | null;
  url: string | null;
  week: number | null;
  ord: number;
  text: string;
}

export interface StageScores {
  bm25?: number;
  /** BM25 of the query with the course's associated terms added (hybrid search only). */
  expanded?: number;
  vector?: number;
  fused?: number;
  rerank?: number;
}

export interface ScoredChunk extends ChunkRecord {
  /** The score that ordered the list this chunk came in (fused, or reranked when reranking ran). */
  score: number;
  scores: StageScores;
  /** When neighbouring chunks of one section were merged into this result: their ids, in order. */
  mergedChunkIds?: string[];
}

/** One retriever's answer: chunk ids best first, with that retriever's own score. */
export interface RankedIds {
  name: string;
  hits: { id: string; score: number }[];
}

export const RETRIEVAL_MODES = ["bm25", "vector", "hybrid"] as const;
export type RetrievalMode = (typeof RETRIEVAL_MODES)[number];

export function matchesFilters(chunk: Pick<ChunkRecord, "week" | "source">, filters: SearchFilters): boolean {
  if (filters.week !== undefined && chunk.week !== null && chunk.week > filters.week) return false;
  if (filters.sourcePrefix !== undefined && !chunk.source.startsWith(filters.sourcePrefix)) return false;
  return true;
}

/**
 * The filters a student's request searches with once the course's release schedule applies:
 * their own week filter can only narrow what has been released (week ≤ the latest released one).
 */
export function withReleasedWeeks(filters: SearchFilters | undefined, releasedWeek: number | undefined) {
  if (releasedWeek === undefined) return filters;
  const asked = filters?.week;
  return { ...filters, week: asked === undefined ? releasedWeek : Math.min(asked, releasedWeek) };
}
