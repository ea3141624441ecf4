/**
 * The database layer: the `Db` seam and its two backends, migrations, the data-folder lock, and
 * one repository per group of tables. Every SQL statement of the tutor lives in this folder.
 */
export { ChunkRepository, type DocumentChunk } from "./chunks.ts";
export {
  ConversationStore,
  defaultRetention,
  FeedbackError,
  isUuid,
  type RetentionOptions,
  type StoredMessage,
} from "./conversations.ts";
export { CourseFileRepository, type StoredFileInfo } from "./course-files.ts";
export { type CourseListing, CourseRepository, type CourseSummary, type CourseVersion } from "./courses.ts";
export {
  acquireDataDirLock,
  DataDirBusyError,
  type DataDirLock,
  type LockInfo,
  readLock,
} from "./data-lock.ts";
export {
  DatabaseUnavailableError,
  type Db,
  fromVectorLiteral,
  isConnectionError,
  type Queryable,
  type SqlParam,
  toVectorLiteral,
} from "./db.ts";
export { DocumentRepository, type DocumentSummary } from "./documents.ts";
export { EmbeddingCacheRepository, hashText } from "./embedding-cache.ts";
export { type EvalRunRecord, EvalRunStore, type RunStatus } from "./evals.ts";
export {
  type IngestionRun,
  IngestionRunRepository,
  type IngestionStatus,
  type RunningIngestion,
} from "./ingestion-runs.ts";
export { InsightsRepository } from "./insights.ts";
export {
  defaultMigrationsDir,
  type Migration,
  migrate,
  readMigrations,
  splitSqlStatements,
} from "./migrate.ts";
export { openDatabase } from "./open.ts";
export { openPglite, wrapPglite } from "./pglite.ts";
export { databaseAnswers } from "./ping.ts";
export { openPostgres, type PostgresOptions } from "./postgres.ts";
export { type CourseChunkRows, SearchIndexRepository } from "./search-indexes.ts";
export { SlackRepository } from "./slack.ts";
export {
  isStagingCourseId,
  liveCoursesOnly,
  type PublishPlan,
  type StagedDocument,
  StagingRepository,
  stagedDimension,
  stagingCourseId,
} from "./staging.ts";
export { type CourseStatsRows, StatsRepository } from "./stats.ts";
export {
  assertDimension,
  CourseVectorIndexes,
  MAX_INDEXED_DIMENSIONS,
  type NearestChunksQuery,
  VectorSearch,
} from "./vector-index.ts";
