import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Tutor } from "../../../app/tutor.ts";
import { ConfigNameError, type EvalConfig, parseConfigList } from "../../../eval/configs.ts";
import {
  type DatasetProblem,
  describeProblems,
  type EvalCase,
  parseCaseArray,
  parseJsonl,
} from "../../../eval/dataset.ts";
import { EvalJobs } from "../../../eval/jobs.ts";
import { EvalRunStore } from "../../../eval/store.ts";
import type { HybridSearcher } from "../../../retrieve/index.ts";
import { ApiError, describeZodError, respondWithError } from "../errors.ts";
import { adminAuth } from "../middleware/admin-auth.ts";
import { rejectNul } from "../nul.ts";
import { courseIdSchema } from "../schemas.ts";

export interface AdminEvalDeps {
  tokens: () => (string | undefined)[];
  jobs: Pick<EvalJobs, "start">;
  store: Pick<EvalRunStore, "get" | "report" | "html" | "list">;
  /** Checks the course exists (UnknownCourseError → 404) before anything is stored. */
  searcher: Pick<HybridSearcher, "snapshot">;
  /** Runs that have not moved for this long are reported as stale (their process probably died). */
  staleAfterMs?: number;
}

const splitSchema = z.enum(["dev", "test", "all"]);
const configsSchema = z.union([z.string().max(500), z.array(z.string().max(50)).max(16)]);

const jsonBodySchema = z
  .object({
    course: courseIdSchema,
    /** The cases: a JSONL string or an array of case objects. */
    dataset: z.union([z.string().min(1).max(1_000_000), z.array(z.unknown()).min(1).max(10_000)]).optional(),
    /** Or a JSONL file on the server's disk (like `/admin/ingest`'s `dir`), for sets over 64 KiB. */
    datasetPath: z.string().min(1).max(4096).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    configs: configsSchema.optional(),
    split: splitSchema.optional(),
  })
  .refine((body) => (body.dataset === undefined) !== (body.datasetPath === undefined), {
    message: "send exactly one of dataset (JSONL text or an array of cases) and datasetPath",
    path: ["dataset"],
  });

const querySchema = z.object({
  course: courseIdSchema,
  name: z.string().trim().min(1).max(200).optional(),
  configs: z.string().max(500).optional(),
  split: splitSchema.optional(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface EvalRequest {
  course: string;
  datasetName: string;
  cases: EvalCase[];
  configs: EvalConfig[];
  split: "dev" | "test" | "all";
}

function datasetError(problems: readonly DatasetProblem[]): ApiError & { problems: DatasetProblem[] } {
  const count = problems.length;
  const error = new ApiError(
    400,
    "invalid_dataset",
    `The dataset has ${count} bad line${count === 1 ? "" : "s"}:\n${describeProblems(problems)}`,
  ) as ApiError & { problems: DatasetProblem[] };
  error.problems = problems.slice(0, 100);
  return error;
}

function parseConfigs(raw: string | readonly string[] | undefined): EvalConfig[] {
  try {
    return parseConfigList(raw);
  } catch (error) {
    if (error instanceof ConfigNameError)
      throw new ApiError(400, "invalid_request", `configs: ${error.message}`);
    throw error;
  }
}

async function readDatasetFile(file: string): Promise<string> {
  const resolved = path.resolve(file);
  const info = await stat(resolved).catch(() => undefined);
  if (!info?.isFile())
    throw new ApiError(400, "invalid_request", `datasetPath: ${resolved} is not a file on the server`);
  return readFile(resolved, "utf8");
}

async function readEvalRequest(c: Context): Promise<EvalRequest> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  let raw: string;
  try {
    raw = await c.req.text();
  } catch {
    throw new ApiError(400, "invalid_body", "The request body could not be read.");
  }
  if (raw.trim() === "") throw new ApiError(400, "invalid_body", "The request body is empty.");

  if (type.includes("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
    }
    const parsed = jsonBodySchema.safeParse(body);
    if (!parsed.success) throw new ApiError(400, "invalid_request", describeZodError(parsed.error));
    const { course, dataset, datasetPath } = parsed.data;
    const configs = parseConfigs(parsed.data.configs);
    let result: ReturnType<typeof parseJsonl>;
    if (datasetPath !== undefined) result = parseJsonl(await readDatasetFile(datasetPath));
    else if (typeof dataset === "string") result = parseJsonl(dataset);
    else result = parseCaseArray(dataset ?? []);
    if (!result.ok) throw datasetError(result.problems);
    return {
      course,
      datasetName: parsed.data.name ?? (datasetPath ? path.basename(datasetPath) : "upload"),
      cases: result.cases,
      configs,
      split: parsed.data.split ?? "all",
    };
  }

  if (type === "" || type.includes("ndjson") || type.includes("jsonl") || type.includes("text/plain")) {
    const query = querySchema.safeParse(c.req.query());
    if (!query.success) {
      throw new ApiError(
        400,
        "invalid_request",
        `A JSONL upload names its course in the query string (?course=ID): ${describeZodError(query.error)}`,
      );
    }
    const configs = parseConfigs(query.data.configs);
    const result = parseJsonl(raw);
    if (!result.ok) throw datasetError(result.problems);
    return {
      course: query.data.course,
      datasetName: query.data.name ?? "upload.jsonl",
      cases: result.cases,
      configs,
      split: query.data.split ?? "all",
    };
  }
  throw new ApiError(
    415,
    "unsupported_media_type",
    "Send the dataset as application/json ({course, dataset, configs?}) or as JSONL (application/x-ndjson) with ?course=ID.",
  );
}

/**
 * Instructors' evals over HTTP: `POST /admin/evals` validates an uploaded dataset and starts a
 * background run (202 {id}); `GET /admin/evals/:id` reports its status and, once done, the
 * report as JSON or (`?format=html`) the HTML page; `GET /admin/evals` lists recent runs.
 */
export function adminEvalRoutes(deps: AdminEvalDeps): Hono {
  const app = new Hono();
  const staleAfter = deps.staleAfterMs ?? 10 * 60_000;
  app.use("/admin/evals", adminAuth(deps.tokens));
  app.use("/admin/evals/*", adminAuth(deps.tokens));

  app.onError((error, c) => {
    // Dataset problems carry their line numbers beside the usual {error:{code, message}}.
    if (error instanceof ApiError && "problems" in error) {
      return c.json(
        {
          error: {
            code: error.code,
            message: error.message,
            problems: (error as { problems: unknown }).problems,
          },
        },
        error.status,
      );
    }
    return respondWithError(c, error);
  });

  app.post("/admin/evals", async (c) => {
    const request = await readEvalRequest(c);
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
        links: { self: `/admin/evals/${id}`, html: `/admin/evals/${id}?format=html` },
      },
      202,
    );
  });

  app.get("/admin/evals", async (c) => {
    const query = z
      .object({
        course: courseIdSchema.optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      })
      .safeParse(c.req.query());
    if (!query.success) throw new ApiError(400, "invalid_request", describeZodError(query.error));
    const runs = await deps.store.list(query.data.course, query.data.limit);
    return c.json({ runs: runs.map((run) => ({ ...run, stale: isStale(run, staleAfter) })) });
  });

  app.get("/admin/evals/:id", async (c) => {
    const id = c.req.param("id");
    const format = c.req.query("format") ?? "json";
    if (format !== "json" && format !== "html") {
      throw new ApiError(400, "invalid_request", 'format: use "json" (default) or "html"');
    }
    const run = UUID.test(id) ? await deps.store.get(id) : undefined;
    if (!run) throw new ApiError(404, "not_found", `No eval run with id "${id}".`);
    if (format === "html") {
      if (run.status !== "done") {
        throw new ApiError(
          409,
          "not_ready",
          `The run is ${run.status}; its HTML report exists once it is done.`,
        );
      }
      const html = await deps.store.html(id);
      if (!html) throw new ApiError(404, "not_found", "This run has no HTML report.");
      return c.html(html);
    }
    const report = run.status === "done" ? await deps.store.report(id) : undefined;
    return c.json({ ...run, stale: isStale(run, staleAfter), ...(report ? { report } : {}) });
  });

  return app;
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
  log?: (message: string) => void;
}): { routes: Hono; close(): Promise<void> } {
  const store = new EvalRunStore(deps.tutor.db);
  const jobs = new EvalJobs({ tutor: deps.tutor, store, log: deps.log });
  return {
    routes: adminEvalRoutes({ tokens: deps.tokens, jobs, store, searcher: deps.tutor.searcher }),
    close: () => jobs.close(),
  };
}

/** Uploaded eval datasets may exceed the 64 KiB other bodies are held to (the golden set does). */
export const EVAL_UPLOAD_MAX_BYTES = 4 * 1024 * 1024;
