/**
 * The database layer: the `Db` seam and its two backends, migrations, the data-folder lock, and
 * one repository per group of tables. Every SQL statement of the tutor lives in this folder.
 */
export { type ApiKeyRecord, ApiKeyRepository, type LiveApiKey } from "./api-keys.ts";
export { ChunkRepository, type DocumentChunk } from "./chunks.ts";
export {
  ConversationStore,
  type ConversationStoreOptions,
  defaultRetention,
  FeedbackError,
  isUuid,
  type RetentionOptions,
  type SessionMessage,
  type StoredMessage,
  type TextRedactor,
} from "./conversations.ts";
export {
  CourseAdminRepository,
  type CourseDeletion,
  type CourseHealthRow,
  deleteCourse,
} from "./course-admin.ts";
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
export { type DocumentDetails, DocumentRepository, type DocumentSummary } from "./documents.ts";
export { EmbeddingCacheRepository, hashText } from "./embedding-cache.ts";
export { EscalationSettingsRepository, type EscalationSettingsRow } from "./escalation-settings.ts";
export { type EscalationFigures, EscalationStatsRepository } from "./escalation-stats.ts";
export {
  type EscalationGroupRow,
  EscalationRepository,
  type EscalationRow,
  type GroupClosing,
  type NewEscalation,
} from "./escalations.ts";
export { type EvalRunRecord, EvalRunStore, type RunStatus } from "./evals.ts";
export {
  type IngestionProgress,
  type IngestionRun,
  IngestionRunRepository,
  type IngestionStatus,
  type RunningIngestion,
} from "./ingestion-runs.ts";
export { InsightsRepository } from "./insights.ts";
export { LtiKeyRepository, type LtiToolKey } from "./lti-keys.ts";
export { type LtiContextCourse, LtiLaunchRepository, type LtiSessionKey } from "./lti-launches.ts";
export { type LtiPlatform, type LtiPlatformFields, LtiPlatformRepository } from "./lti-platforms.ts";
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
export { type CourseRole, type StaffMembership, StaffRepository, type StaffUser } from "./staff.ts";
export {
  INVITE_ID_LENGTH,
  type InviteRole,
  StaffAccessRepository,
  type StaffInvite,
  type StaffSessionRow,
} from "./staff-access.ts";
export { StaffAnswerRepository, type StaffAnswerRow, type StaffMessageRow } from "./staff-answers.ts";
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
