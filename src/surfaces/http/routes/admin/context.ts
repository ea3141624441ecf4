import type { Context } from "hono";
import { z } from "zod";
import { type CourseAction, StaffAccounts } from "../../../../accounts/index.ts";
import type { TutorIngestOptions } from "../../../../app/tutor.ts";
import type { Pipeline } from "../../../../chat/index.ts";
import {
  CourseFiles,
  CourseSettingsStore,
  defaultMaterialLimits,
  type IngestionRuns,
  LiveIngestionProgress,
  type MaterialLimits,
  updateAllowedOrigins,
} from "../../../../courses/index.ts";
import { CourseRepository, type CourseSummary, type Db } from "../../../../db/index.ts";
import type { IngestSummary } from "../../../../ingest/sync.ts";
import type { RateLimiter } from "../../../../ratelimit/index.ts";
import { ApiError } from "../../errors.ts";
import { requireAccess } from "../../middleware/admin-access.ts";
import { courseIdSchema } from "../../schemas.ts";

export interface AdminDeps {
  db: Db;
  tokens: () => (string | undefined)[];
  ingest: (dir: string, course: string, options?: TutorIngestOptions) => Promise<IngestSummary>;
  runs: IngestionRuns;
  /** What one upload may hold; unset parts keep `defaultMaterialLimits`. */
  uploadLimits?: Partial<MaterialLimits>;
  /**
   * Stores a course's allowed widget origins and forgets this process's cached copy, so the
   * change holds here at once (other replicas re-read within their cache time).
   */
  origins?: { update(course: string, origins: readonly string[] | null): Promise<string[] | null | false> };
  now?: () => Date;
  /** Told about background ingestions that failed (they are recorded as failed runs too). */
  onBackgroundError?: (error: unknown) => void;
  /** Console accounts; default: accounts in `db` with the default session and invite lengths. */
  accounts?: StaffAccounts;
  /** Course settings shared with the pipeline; default: a store of its own over `db`. */
  settings?: CourseSettingsStore;
  /** The console's playground asks through it (as surface "playground"); without it the route is 503. */
  pipeline?: Pick<Pipeline, "askWithTrace">;
  /** Limits sign-in attempts per address and per account; none when absent. */
  loginLimiter?: RateLimiter;
  /** Proxies whose X-Forwarded-For names the client (for sign-in limits). */
  trustProxyHops?: number;
  publicBaseUrl?: string;
  /** Slack channel or workspace id → course from `SLACK_COURSES` (shown read-only in settings). */
  slackCourses?: Readonly<Record<string, string>>;
  /** Whether an LLM is configured (a course can switch it off, not on). */
  llmAvailable?: boolean;
  /** Forgets what this process caches about a deleted course (indexes, origins). */
  onCourseDeleted?: (course: string) => void;
}

/** What every admin surface's routes share: the dependencies with their defaults merged. */
export interface AdminContext {
  deps: AdminDeps;
  uploadLimits: MaterialLimits;
  now: () => Date;
  courses: CourseRepository;
  files: CourseFiles;
  accounts: StaffAccounts;
  settings: CourseSettingsStore;
  progress: LiveIngestionProgress;
  saveOrigins(course: string, origins: readonly string[] | null): Promise<string[] | null | false>;
  /**
   * The course the path's `:id` names, once the requester may do `action` there: 400 for an
   * invalid id, 403 for a course the requester is not staff of, 404 for an unknown course.
   */
  requireCourse(c: Context, action?: CourseAction): Promise<CourseSummary>;
}

export function createAdminContext(deps: AdminDeps): AdminContext {
  const courses = new CourseRepository(deps.db);
  return {
    deps,
    uploadLimits: { ...defaultMaterialLimits, ...deps.uploadLimits },
    now: deps.now ?? (() => new Date()),
    courses,
    files: new CourseFiles(deps.db),
    accounts: deps.accounts ?? new StaffAccounts(deps.db),
    settings: deps.settings ?? new CourseSettingsStore({ db: deps.db }),
    progress: new LiveIngestionProgress(),
    saveOrigins: (course, origins) =>
      deps.origins ? deps.origins.update(course, origins) : updateAllowedOrigins(deps.db, course, origins),
    async requireCourse(c, action = "view") {
      const parsed = courseIdSchema.safeParse(c.req.param("id"));
      if (!parsed.success)
        throw new ApiError(400, "invalid_request", "course ids are letters, digits, '.', '_' and '-'");
      requireAccess(c, action, parsed.data);
      const row = await courses.find(parsed.data);
      if (!row) throw new ApiError(404, "unknown_course", `unknown course "${parsed.data}"`);
      return row;
    },
  };
}

export const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export function parseQuery<Schema extends z.ZodType>(c: Context, schema: Schema): z.infer<Schema> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) {
    const message = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ApiError(400, "invalid_request", message);
  }
  return result.data;
}
