/**
 * A course's search indexes (BM25, term associations, the reranker's view of each chunk, the
 * chunks' vectors): built from the database's chunks, stored per course version and loaded on a
 * course's first question, within a memory budget.
 */
export { type Bm25Hit, Bm25Index, type Bm25Options, defaultBm25Options } from "./bm25.ts";
export {
  CourseIndexes,
  type CourseIndexOptions,
  type CourseIndexStats,
  courseIndexDefaults,
  UnknownCourseError,
} from "./course-index.ts";
export { INDEX_FORMAT } from "./persisted.ts";
export { type CourseSnapshot, candidateVectors, storedAnalysis } from "./snapshot.ts";
export { defaultExpansionOptions, type ExpansionOptions, TermAssociations } from "./term-associations.ts";
