import { stat } from "node:fs/promises";
import path from "node:path";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { TutorIngestOptions } from "../../../app/tutor.ts";
import {
  allowedOriginsSchema,
  readAllowedOrigins,
  updateAllowedOrigins,
} from "../../../courses/allowed-origins.ts";
import { CourseFiles, MaterialConflictError } from "../../../courses/course-files.ts";
import {
  IngestionBusyError,
  type IngestionRun,
  type IngestionRuns,
} from "../../../courses/ingestion-runs.ts";
import {
  collectMaterial,
  isZip,
  MaterialError,
  type MaterialLimits,
  type ParsedMaterial,
  unzipMaterial,
} from "../../../courses/material.ts";
import { courseStats } from "../../../courses/stats.ts";
import type { Db } from "../../../db/db.ts";
import type { IngestSummary } from "../../../ingest/sync.ts";
import { renderInsightsHtml } from "../../../insights/html.ts";
import { loadInsights } from "../../../insights/load.ts";
import { readJsonBody } from "../body.ts";
import { ApiError, respondWithError } from "../errors.ts";
import { adminAuth } from "../middleware/admin-auth.ts";
import { courseIdSchema } from "../schemas.ts";

export interface AdminDeps {
  db: Db;
  tokens: () => (string | undefined)[];
  ingest: (dir: string, course: string, options?: TutorIngestOptions) => Promise<IngestSummary>;
  runs: IngestionRuns;
  uploadLimits: MaterialLimits;
  /**
   * Stores a course's allowed widget origins and forgets this process's cached copy, so the
   * change holds here at once (other replicas re-read within their cache time).
   */
  origins?: { update(course: string, origins: readonly string[] | null): Promise<string[] | null | false> };
  now?: () => Date;
  /** Told about background ingestions that failed (they are recorded as failed runs too). */
  onBackgroundError?: (error: unknown) => void;
}

export const defaultUploadLimits: MaterialLimits = { maxBytes: 50 * 1024 * 1024, maxFiles: 2_000 };

const ingestBodySchema = z.object({
  course: courseIdSchema,
  /** A folder on the server's disk. */
  dir: z.string().min(1).max(4096),
});

const createCourseSchema = z
  .object({
    id: courseIdSchema,
    title: z.string().trim().max(200).optional(),
    /** Pages allowed to embed the widget (CORS); absent → the deployment's default list. */
    allowedOrigins: allowedOriginsSchema.optional(),
  })
  .strict();

/** `null` removes the course's own list, so the deployment's defaults apply again. */
const originsBodySchema = z.object({ allowedOrigins: allowedOriginsSchema.nullable() }).strict();

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const uploadQuerySchema = z.object({
  mode: z.enum(["merge", "replace"]).default("merge"),
  ingest: flag.default(true),
  wait: flag.default(false),
});
const waitQuerySchema = z.object({ wait: flag.default(false) });
const statsQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(3_650).default(30) });
const insightsQuerySchema = z.object({
  weeks: z.coerce.number().int().min(2).max(52).default(8),
  format: z.enum(["json", "html"]).optional(),
});
const removeQuerySchema = z.object({ path: z.string().min(1).max(512) });

function parseQuery<Schema extends z.ZodType>(c: Context, schema: Schema): z.infer<Schema> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) {
    const message = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ApiError(400, "invalid_request", message);
  }
  return result.data;
}

/**
 * Course administration behind the admin token: courses, their material (uploads stored in the
 * database so any replica can ingest them), ingestion runs, allowed widget origins, stats and
 * instructor insights. Every course-scoped query filters on the course in the path.
 */
export function adminRoutes(deps: AdminDeps): Hono {
  const app = new Hono();
  const files = new CourseFiles(deps.db);
  const now = deps.now ?? (() => new Date());
  const saveOrigins = (course: string, origins: readonly string[] | null) =>
    deps.origins ? deps.origins.update(course, origins) : updateAllowedOrigins(deps.db, course, origins);
  app.use("/admin/*", adminAuth(deps.tokens));

  async function requireCourse(c: Context): Promise<{ id: string; title: string }> {
    const parsed = courseIdSchema.safeParse(c.req.param("id"));
    if (!parsed.success)
      throw new ApiError(400, "invalid_request", "course ids are letters, digits, '.', '_' and '-'");
    const { rows } = await deps.db.query<{ id: string; title: string }>(
      "SELECT id, title FROM courses WHERE id = $1",
      [parsed.data],
    );
    const row = rows[0];
    if (!row) throw new ApiError(404, "unknown_course", `unknown course "${parsed.data}"`);
    return row;
  }

  /**
   * Starts an ingestion. With `wait` the reply is the finished run (its `status` says whether it
   * succeeded); otherwise 202 as soon as the run is recorded, with the run's URL to poll.
   */
  async function startIngestion(
    course: string,
    trigger: string,
    wait: boolean,
    work: (options: TutorIngestOptions) => Promise<IngestSummary>,
  ): Promise<{ status: 200 | 202; body: { run: IngestionRun | undefined; status: string } }> {
    let announce: (id: string) => void = () => {};
    const started = new Promise<string>((resolve) => {
      announce = resolve;
    });
    const done = work({ trigger, onRunStarted: announce });
    const outcome = await Promise.race([
      started.then((id) => ({ started: id })),
      done.then(
        () => ({ finished: true }),
        (error: unknown) => ({ error }),
      ),
    ]);
    if ("error" in outcome) throw outcome.error; // refused before the run began (busy)
    const runId = await started;
    const status = `/admin/courses/${course}/ingestions/${runId}`;
    if (!wait) {
      done.catch((error: unknown) => deps.onBackgroundError?.(error));
      return { status: 202, body: { run: await deps.runs.get(course, runId), status } };
    }
    try {
      await done;
    } catch {
      // The run records why it failed; the reply carries it.
    }
    return { status: 200, body: { run: await deps.runs.get(course, runId), status } };
  }

  app.post("/admin/ingest", async (c) => {
    const body = await readJsonBody(c, ingestBodySchema);
    const dir = path.resolve(body.dir);
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory())
      throw new ApiError(400, "invalid_request", `dir: ${dir} is not a folder on the server`);
    return c.json(await deps.ingest(dir, body.course, { trigger: "folder" }));
  });

  app.get("/admin/courses", async (c) => {
    const { rows } = await deps.db.query<{
      id: string;
      title: string;
      version: string;
      embedding_model: string | null;
      documents: number;
      chunks: number;
    }>(
      `SELECT c.id, c.title, c.version::text AS version, c.embedding_model,
              (SELECT count(*)::int FROM documents d WHERE d.course_id = c.id) AS documents,
              (SELECT count(*)::int FROM chunks k WHERE k.course_id = c.id) AS chunks
         FROM courses c WHERE c.id NOT LIKE '%~%' ORDER BY c.id`,
    );
    return c.json({
      courses: rows.map((r) => ({
        id: r.id,
        title: r.title,
        version: Number(r.version),
        embeddingModel: r.embedding_model,
        documents: r.documents,
        chunks: r.chunks,
      })),
    });
  });

  app.post("/admin/courses", async (c) => {
    const body = await readJsonBody(c, createCourseSchema);
    const { rows } = await deps.db.query<{ id: string }>(
      "INSERT INTO courses (id, title) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id",
      [body.id, body.title ?? ""],
    );
    if (!rows[0]) throw new ApiError(409, "course_exists", `course "${body.id}" already exists`);
    const allowedOrigins = body.allowedOrigins ? await saveOrigins(body.id, body.allowedOrigins) : null;
    c.header("Location", `/admin/courses/${body.id}`);
    return c.json(
      { course: { id: body.id, title: body.title ?? "", allowedOrigins: allowedOrigins || null } },
      201,
    );
  });

  app.get("/admin/courses/:id", async (c) => {
    const course = await requireCourse(c);
    const stats = await courseStats(deps.db, course.id, 30);
    return c.json({
      course: {
        ...stats?.course,
        allowedOrigins: (await readAllowedOrigins(deps.db, course.id)) ?? null,
        material: stats?.material,
        lastIngestion: (await deps.runs.list(course.id, 1))[0] ?? null,
      },
    });
  });

  app.get("/admin/courses/:id/stats", async (c) => {
    const course = await requireCourse(c);
    const { days } = parseQuery(c, statsQuerySchema);
    const stats = await courseStats(deps.db, course.id, days);
    return c.json({ ...stats, lastIngestion: (await deps.runs.list(course.id, 1))[0] ?? null });
  });

  app.put("/admin/courses/:id/origins", async (c) => {
    const course = await requireCourse(c);
    const body = await readJsonBody(c, originsBodySchema);
    const stored = await saveOrigins(course.id, body.allowedOrigins);
    if (stored === false) throw new ApiError(404, "unknown_course", `unknown course "${course.id}"`);
    return c.json({ course: course.id, allowedOrigins: stored });
  });

  app.get("/admin/courses/:id/material", async (c) => {
    const course = await requireCourse(c);
    return c.json({ course: course.id, files: await files.list(course.id) });
  });

  app.post("/admin/courses/:id/material", async (c) => {
    const course = await requireCourse(c);
    const query = parseQuery(c, uploadQuerySchema);
    const material = await readMaterial(c, deps.uploadLimits);
    if (material.files.length === 0) {
      throw new ApiError(
        400,
        "invalid_material",
        `the upload holds no course material${material.ignored.length > 0 ? ` (${material.ignored.length} file(s) ignored: ${material.ignored[0]?.reason})` : ""}`,
      );
    }
    try {
      await files.store(course.id, material.files, query.mode);
    } catch (error) {
      if (error instanceof MaterialConflictError) throw new ApiError(409, "material_conflict", error.message);
      throw error;
    }
    const stored = {
      stored: material.files.map((f) => ({ path: f.path, bytes: f.content.byteLength })),
      ignored: material.ignored,
    };
    if (!query.ingest) return c.json({ course: course.id, ...stored }, 201);
    const reply = await startIngestion(course.id, "upload", query.wait, (options) =>
      files.withFolder(course.id, (dir) => deps.ingest(dir, course.id, options)),
    );
    if (reply.status === 202) c.header("Location", reply.body.status);
    return c.json({ course: course.id, ...stored, ...reply.body }, reply.status);
  });

  app.delete("/admin/courses/:id/material", async (c) => {
    const course = await requireCourse(c);
    const { path: filePath } = parseQuery(c, removeQuerySchema);
    if (!(await files.remove(course.id, filePath)))
      throw new ApiError(404, "unknown_file", `no uploaded file "${filePath}" in course "${course.id}"`);
    return c.json({ course: course.id, removed: filePath });
  });

  app.post("/admin/courses/:id/ingest", async (c) => {
    const course = await requireCourse(c);
    const { wait } = parseQuery(c, waitQuerySchema);
    if ((await files.count(course.id)) === 0)
      throw new ApiError(409, "no_material", `course "${course.id}" has no uploaded material to ingest`);
    const reply = await startIngestion(course.id, "reingest", wait, (options) =>
      files.withFolder(course.id, (dir) => deps.ingest(dir, course.id, options)),
    );
    if (reply.status === 202) c.header("Location", reply.body.status);
    return c.json({ course: course.id, ...reply.body }, reply.status);
  });

  app.get("/admin/courses/:id/ingestions", async (c) => {
    const course = await requireCourse(c);
    return c.json({ course: course.id, runs: await deps.runs.list(course.id, 50) });
  });

  app.get("/admin/courses/:id/ingestions/:runId", async (c) => {
    const course = await requireCourse(c);
    const run = await deps.runs.get(course.id, c.req.param("runId"));
    if (!run) throw new ApiError(404, "unknown_run", "no such ingestion run for this course");
    return c.json({ run });
  });

  app.get("/admin/courses/:id/insights", async (c) => {
    const course = await requireCourse(c);
    const query = parseQuery(c, insightsQuerySchema);
    const insights = await loadInsights(deps.db, course.id, { weeks: query.weeks, now: now() });
    const wantsHtml =
      query.format === "html" || (!query.format && (c.req.header("accept") ?? "").includes("text/html"));
    if (!wantsHtml) return c.json(insights);
    // Student questions appear on the page: escaped, and no script may run whatever they hold.
    c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    c.header("Cache-Control", "no-store");
    return c.html(renderInsightsHtml(insights, course.title));
  });

  app.onError((error, c) => respondWithError(c, toAdminError(error)));
  return app;
}

/** Course material from a zip body, or from multipart form files (zips among them are unpacked). */
async function readMaterial(c: Context, limits: MaterialLimits): Promise<ParsedMaterial> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new MaterialError("invalid_material", "the multipart body could not be read");
    }
    const uploads = Object.values(form)
      .flat()
      .filter((value): value is File => value instanceof File);
    const plain: { name: string; content: Uint8Array }[] = [];
    const parts: ParsedMaterial[] = [];
    for (const file of uploads) {
      const content = new Uint8Array(await file.arrayBuffer());
      if (isZip(content)) parts.push(unzipMaterial(content, limits));
      else plain.push({ name: file.name, content });
    }
    parts.push(collectMaterial(plain, limits));
    const merged = new Map(parts.flatMap((p) => p.files).map((f) => [f.path, f]));
    const total = [...merged.values()].reduce((n, f) => n + f.content.byteLength, 0);
    if (total > limits.maxBytes) throw new MaterialError("material_too_large", "the material is too large");
    if (merged.size > limits.maxFiles)
      throw new MaterialError("material_too_large", `the material has more than ${limits.maxFiles} files`);
    return { files: [...merged.values()], ignored: parts.flatMap((p) => p.ignored) };
  }
  if (
    type.startsWith("application/zip") ||
    type.startsWith("application/x-zip") ||
    type.startsWith("application/octet-stream")
  ) {
    const content = new Uint8Array(await c.req.arrayBuffer());
    if (!isZip(content)) throw new MaterialError("invalid_material", "the body is not a zip archive");
    return unzipMaterial(content, limits);
  }
  throw new ApiError(
    415,
    "unsupported_media_type",
    "send course material as application/zip, or as multipart/form-data files",
  );
}

function toAdminError(error: unknown): unknown {
  if (error instanceof IngestionBusyError) return new ApiError(409, "ingestion_running", error.message);
  if (error instanceof MaterialError)
    return new ApiError(error.code === "material_too_large" ? 413 : 400, error.code, error.message);
  return error;
}
