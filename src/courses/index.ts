/**
 * Courses as instructors manage them: which pages may embed the widget, uploaded material and
 * its limits, ingestion runs, and per-course stats.
 */
export {
  allowedOriginsSchema,
  normalizeOrigin,
  originSchema,
  readAllowedOrigins,
  updateAllowedOrigins,
} from "./allowed-origins.ts";
export { CourseFiles, MaterialConflictError, type UploadMode } from "./course-files.ts";
export { type IngestionStep, LiveIngestionProgress } from "./ingestion-progress.ts";
export {
  defaultIngestionRunsOptions,
  IngestionBusyError,
  type IngestionProgress,
  type IngestionRun,
  IngestionRuns,
  type IngestionRunsOptions,
  type IngestionStatus,
} from "./ingestion-runs.ts";
export { defaultMaterialLimits, type MaterialLimits } from "./limits.ts";
export {
  cleanMaterialPath,
  collectMaterial,
  formatBytes,
  isZip,
  MaterialError,
  type MaterialFile,
  type ParsedMaterial,
  unzipMaterial,
} from "./material.ts";
export { defaultOriginPolicyTiming, OriginPolicy, type OriginPolicyDeps } from "./origin-policy.ts";
export {
  type CourseSettings,
  createSettingsChangeSchema,
  policyOf,
  type ReleaseSchedule,
  readCourseSettings,
  releaseScheduleSchema,
  type SettingsChange,
  visibleWeek,
} from "./settings.ts";
export { CourseSettingsStore, type CourseSettingsStoreDeps } from "./settings-store.ts";
export { type CourseStats, courseStats } from "./stats.ts";
