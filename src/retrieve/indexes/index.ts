/** A course's in-memory search indexes (BM25 and term associations), rebuilt from the database. */
export { Bm25Index, type Bm25Options, defaultBm25Options } from "./bm25.ts";
export { CourseIndexes, type CourseSnapshot, UnknownCourseError } from "./course-index.ts";
export { defaultExpansionOptions, type ExpansionOptions, TermAssociations } from "./term-associations.ts";
