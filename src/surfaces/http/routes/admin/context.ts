import type { Context } from "hono";
import { z } from "zod";
import type { TutorIngestOptions } from "../../../../app/tutor.ts";
import {
  CourseFiles,
  defaultMaterialLimits,
  type Escalations,
  type IngestionRuns,
  type MaterialLimits,
  updateAllowedOrigins,
} from "../../../../courses/index.ts";
import { CourseRepository, type CourseSummary, type Db } from "../../../../db/index.ts";
import type { IngestSummary } from "../../../../ingest/sync.ts";
import { ApiError } from "../../errors.ts";
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
  /** The staff queue; without it the escalation routes are not mounted. */
  escalations?: Escalations;
}

/** What every admin surface's routes share: the dependencies with their defaults merged. */
export interface AdminContext {
  deps: AdminDeps;
  uploadLimits: MaterialLimits;
  now: () => Date;
  courses: CourseRepository;
  files: CourseFiles;
  saveOrigins(course: string, origins: readonly string[] | null): Promise<string[] | null | false>;
  /** The course the path's `:id` names; 400 for an invalid id, 404 for an unknown course. */
  requireCourse(c: Context): Promise<CourseSummary>;
}

export function createAdminContext(deps: AdminDeps): AdminContext {
  const courses = new CourseRepository(deps.db);
  return {
    deps,
    uploadLimits: { ...defaultMaterialLimits, ...deps.uploadLimits },
    now: deps.now ?? (() => new Date()),
    courses,
    files: new CourseFiles(deps.db),
    saveOrigins: (course, origins) =>
      deps.origins ? deps.origins.update(course, origins) : updateAllowedOrigins(deps.db, course, origins),
    async requireCourse(c) {
      const parsed = courseIdSchema.safeParse(c.req.param("id"));
      if (!parsed.success)
        throw new ApiError(400, "invalid_request", "course ids are letters, digits, '.', '_' and '-'");
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
