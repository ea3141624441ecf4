/**
 * Retrieval: a course's in-memory indexes, the query rewriter, hybrid search (BM25, expanded
 * BM25 and pgvector kNN fused by reciprocal rank) and the reranker stage around it.
 */
export {
  CourseIndexes,
  type CourseIndexOptions,
  type CourseIndexStats,
  type CourseSnapshot,
  candidateVectors,
  storedAnalysis,
  UnknownCourseError,
} from "./indexes/index.ts";
export { CourseQueryRewriter, type LexiconSource, lexiconsFromIndexes } from "./query/index.ts";
export {
  createReranker,
  keepOrder,
  type RerankContext,
  type Reranker,
  type RerankStageOptions,
  weightsUrlFor,
} from "./rerank/index.ts";
export {
  defaultFusionWeights,
  type FusionWeights,
  HybridSearcher,
  type HybridSearcherDeps,
  type SearchRequest,
  type SearchResponse,
  type SearchTimings,
} from "./search.ts";
