import { type Context, Hono } from "hono";
import { z } from "zod";
import { can, isAdmin, type StaffAccounts, visibleCourses } from "../../../accounts/index.ts";
import type { Tutor } from "../../../app/tutor.ts";
import { DocumentRepository, type EvalRunRecord, EvalRunStore, type Queryable } from "../../../db/index.ts";
import { EvalJobs } from "../../../eval/index.ts";
import type { HybridSearcher } from "../../../retrieve/search.ts";
import { ApiError, describeZodError } from "../errors.ts";
import { adminAccess, principalOf, requireAccess } from "../middleware/admin-access.ts";
import { rejectNul } from "../nul.ts";
import { courseIdSchema } from "../schemas.ts";
import { readEvalRequest, respondWithProblems } from "./admin-eval-request.ts";
import { compareRuns, datasetTemplate, streamEvalRun } from "./admin-eval-views.ts";

export interface AdminEvalDeps {
  tokens: () => (string | undefined)[];
  jobs: Pick<EvalJobs, "start">;
  store: Pick<EvalRunStore, "get" | "report" | "html" | "list">;
  /** Checks the course exists (UnknownCourseError → 404) before anything is stored. */
  searcher: Pick<HybridSearcher, "snapshot">;
  /** Console sessions (signed-in staff); without it only the admin token opens these routes. */
  accounts?: Pick<StaffAccounts, "principal">;
  /** The course's documents, to fill the dataset template with real sources. */
  db?: Queryable;
  publicBaseUrl?: string;
  /** Runs that have not moved for this long are reported as stale (their process probably died). */
  staleAfterMs?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const listQuerySchema = z.object({
  course: courseIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  metrics: z.enum(["true", "false", "1", "0"]).optional(),
});
const compareQuerySchema = z.object({ base: z.string().max(64), candidate: z.string().max(64) });
const templateQuerySchema = z.object({ course: courseIdSchema.optional() });

/**
 * Instructors' evals over HTTP: `POST /admin/evals` validates an uploaded dataset and starts a
 * background run (202 {id}); `GET /admin/evals/:id` reports its status and, once done, the
 * report as JSON or (`?format=html`) the HTML page; `…/events` streams its progress; `GET
 * /admin/evals` lists recent runs (with `?metrics=true` their figures, for trends); `compare`
 * sets two runs side by side; `template` is a dataset to start from. Starting a run needs the
 * course's instructor (or an admin); reading runs, its TAs too.
 */
export function adminEvalRoutes(deps: AdminEvalDeps): Hono {
  const app = new Hono();
  const staleAfter = deps.staleAfterMs ?? 10 * 60_000;
  const access = adminAccess({
    tokens: deps.tokens,
    accounts: deps.accounts,
    publicBaseUrl: deps.publicBaseUrl,
  });
  app.use("/admin/evals", access);
  app.use("/admin/evals/*", access);
  app.onError(respondWithProblems);

  app.post("/admin/evals", async (c) => {
    const request = await readEvalRequest(c);
    requireAccess(c, "manage", request.course);
    if (request.fromServerFile && !isAdmin(principalOf(c)))
      throw new ApiError(403, "forbidden", "Only admins may run a dataset from the server's disk.");
    rejectNul(request);
    await deps.searcher.snapshot(request.course);
    const id = await deps.jobs.start(request);
    c.header("Location", `/admin/evals/${id}`);
    return c.json(
      {
        id,
        status: "queued",
        course: request.course,
        cases: request.cases.length,
        configs: request.configs.map((config) => config.name),
        split: request.split,
        links: {
          self: `/admin/evals/${id}`,
          html: `/admin/evals/${id}?format=html`,
          events: `/admin/evals/${id}/events`,
        },
      },
      202,
    );
  });

  app.get("/admin/evals", async (c) => {
    const query = listQuerySchema.safeParse(c.req.query());
    if (!query.success) throw new ApiError(400, "invalid_request", describeZodError(query.error));
    const { course, limit, metrics } = query.data;
    if (course) requireAccess(c, "view", course);
    const runs = await deps.store.list(course, limit, {
      courses: course ? null : visibleCourses(principalOf(c)),
      metrics: metrics === "true" || metrics === "1",
    });
    return c.json({ runs: runs.map((run) => ({ ...run, stale: isStale(run, staleAfter) })) });
  });

  app.get("/admin/evals/template", async (c) => {
    const { course } = templateQuerySchema.parse(c.req.query());
    if (course) requireAccess(c, "view", course);
    const sources =
      course && deps.db ? (await new DocumentRepository(deps.db).list(course)).map((d) => d.source) : [];
    c.header("Content-Type", "application/x-ndjson; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="${course ?? "course"}-eval-template.jsonl"`);
    return c.body(datasetTemplate(sources));
  });

  app.get("/admin/evals/compare", async (c) => {
    const query = compareQuerySchema.safeParse(c.req.query());
    if (!query.success) throw new ApiError(400, "invalid_request", describeZodError(query.error));
    const [base, candidate] = await Promise.all([
      finishedRun(c, deps.store, query.data.base),
      finishedRun(c, deps.store, query.data.candidate),
    ]);
    return c.json(compareRuns(base, candidate));
  });

  app.get("/admin/evals/:id/events", async (c) => {
    const run = await readableRun(c, deps.store, c.req.param("id"));
    return streamEvalRun(c, run, (id) => deps.store.get(id));
  });

  app.get("/admin/evals/:id", (c) => showRun(c, deps.store, staleAfter));
  return app;
}

/** The run `id` names, once the requester may read its course; 404 for no such run. */
async function readableRun(c: Context, store: AdminEvalDeps["store"], id: string): Promise<EvalRunRecord> {
  const run = UUID.test(id) ? await store.get(id) : undefined;
  if (!run || !can(principalOf(c), "view", run.course))
    throw new ApiError(404, "not_found", `No eval run with id "${id}".`);
  return run;
}

async function finishedRun(c: Context, store: AdminEvalDeps["store"], id: string) {
  const run = await readableRun(c, store, id);
  const report = run.status === "done" ? await store.report(id) : undefined;
  if (!report) throw new ApiError(409, "not_ready", `Run ${id} is ${run.status}; compare finished runs.`);
  return { run, report };
}

/** One run's status and, once done, its report as JSON or (`?format=html`) the HTML page. */
async function showRun(c: Context, store: AdminEvalDeps["store"], staleAfter: number): Promise<Response> {
  const format = c.req.query("format") ?? "json";
  if (format !== "json" && format !== "html") {
    throw new ApiError(400, "invalid_request", 'format: use "json" (default) or "html"');
  }
  const id = c.req.param("id") as string;
  const run = await readableRun(c, store, id);
  if (format === "html") {
    if (run.status !== "done") {
      throw new ApiError(
        409,
        "not_ready",
        `The run is ${run.status}; its HTML report exists once it is done.`,
      );
    }
    const html = await store.html(id);
    if (!html) throw new ApiError(404, "not_found", "This run has no HTML report.");
    return c.html(html);
  }
  const report = run.status === "done" ? await store.report(id) : undefined;
  return c.json({ ...run, stale: isStale(run, staleAfter), ...(report ? { report } : {}) });
}

function isStale(run: { status: string; updatedAt: string }, afterMs: number): boolean {
  return (
    (run.status === "running" || run.status === "queued") && Date.now() - Date.parse(run.updatedAt) > afterMs
  );
}

/** Admin eval routes wired to a tutor: the run store, the background runner and its shutdown. */
export function createAdminEvals(deps: {
  tutor: Pick<Tutor, "config" | "db" | "embeddings" | "pipeline" | "searcher">;
  tokens: () => (string | undefined)[];
  accounts?: Pick<StaffAccounts, "principal">;
  log?: (message: string) => void;
}): { routes: Hono; close(): Promise<void> } {
  const store = new EvalRunStore(deps.tutor.db);
  const jobs = new EvalJobs({ tutor: deps.tutor, store, log: deps.log });
  return {
    routes: adminEvalRoutes({
      tokens: deps.tokens,
      jobs,
      store,
      searcher: deps.tutor.searcher,
      accounts: deps.accounts,
      db: deps.tutor.db,
      publicBaseUrl: deps.tutor.config.publicBaseUrl,
    }),
    close: () => jobs.close(),
  };
}

/** Uploaded eval datasets may exceed the 64 KiB other bodies are held to (the golden set does). */
export const EVAL_UPLOAD_MAX_BYTES = 4 * 1024 * 1024;
