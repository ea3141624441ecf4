import { stat } from "node:fs/promises";
import path from "node:path";
import { type Context, Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { TutorIngestOptions } from "../../../../app/tutor.ts";
import type { IngestionRun } from "../../../../courses/index.ts";
import type { IngestSummary } from "../../../../ingest/sync.ts";
import { readJsonBody } from "../../body.ts";
import { ApiError } from "../../errors.ts";
import { requireAdmin } from "../../middleware/admin-access.ts";
import { courseIdSchema } from "../../schemas.ts";
import { type AdminContext, flag, parseQuery } from "./context.ts";

const ingestBodySchema = z.object({
  course: courseIdSchema,
  /** A folder on the server's disk. */
  dir: z.string().min(1).max(4096),
});

const waitQuerySchema = z.object({ wait: flag.default(false) });

/** How often a progress stream looks at the run's record (for runs on other replicas, and the end). */
const POLL_MS = 500;
/** A progress stream ends after this long even if the run has not (the client may reconnect). */
const STREAM_MAX_MS = 30 * 60_000;

export interface StartedIngestion {
  status: 200 | 202;
  body: { run: IngestionRun | undefined; status: string; events: string };
}

/**
 * Starts an ingestion. With `wait` the reply is the finished run (its `status` says whether it
 * succeeded); otherwise 202 as soon as the run is recorded, with the run's URL to poll and its
 * progress stream. The run's progress is published for the stream while it works.
 */
export async function startIngestion(
  admin: AdminContext,
  course: string,
  trigger: string,
  wait: boolean,
  work: (options: TutorIngestOptions) => Promise<IngestSummary>,
): Promise<StartedIngestion> {
  let runId: string | undefined;
  let announce: (id: string) => void = () => {};
  const started = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const done = work({
    trigger,
    onRunStarted: (id) => {
      runId = id;
      announce(id);
    },
    onProgress: (phase, stepsDone, total) => {
      if (runId) admin.progress.report(runId, { phase, done: stepsDone, total });
    },
  }).finally(() => {
    if (runId) admin.progress.finish(runId);
  });
  const outcome = await Promise.race([
    started.then((id) => ({ started: id })),
    done.then(
      () => ({ finished: true }),
      (error: unknown) => ({ error }),
    ),
  ]);
  if ("error" in outcome) throw outcome.error; // refused before the run began (busy)
  const id = await started;
  const status = `/admin/courses/${course}/ingestions/${id}`;
  const links = { status, events: `${status}/events` };
  if (!wait) {
    done.catch((error: unknown) => admin.deps.onBackgroundError?.(error));
    return { status: 202, body: { run: await admin.deps.runs.get(course, id), ...links } };
  }
  try {
    await done;
  } catch {
    // The run records why it failed; the reply carries it.
  }
  return { status: 200, body: { run: await admin.deps.runs.get(course, id), ...links } };
}

/** Ingests the course's uploaded files (written out to a temporary folder). */
export function ingestUploads(
  admin: AdminContext,
  course: string,
  trigger: string,
  wait: boolean,
): Promise<StartedIngestion> {
  return startIngestion(admin, course, trigger, wait, (options) =>
    admin.files.withFolder(course, (dir) => admin.deps.ingest(dir, course, options)),
  );
}

/** Ingesting a server folder or a course's uploaded material, the record of its runs and their progress. */
export function ingestionRoutes(admin: AdminContext): Hono {
  const app = new Hono();
  const { deps, files } = admin;

  app.post("/admin/ingest", async (c) => {
    requireAdmin(c);
    const body = await readJsonBody(c, ingestBodySchema);
    const dir = path.resolve(body.dir);
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory())
      throw new ApiError(400, "invalid_request", `dir: ${dir} is not a folder on the server`);
    return c.json(await deps.ingest(dir, body.course, { trigger: "folder" }));
  });

  app.post("/admin/courses/:id/ingest", async (c) => {
    const course = await admin.requireCourse(c, "manage");
    const { wait } = parseQuery(c, waitQuerySchema);
    if ((await files.count(course.id)) === 0)
      throw new ApiError(409, "no_material", `course "${course.id}" has no uploaded material to ingest`);
    const reply = await ingestUploads(admin, course.id, "reingest", wait);
    if (reply.status === 202) c.header("Location", reply.body.status);
    return c.json({ course: course.id, ...reply.body }, reply.status);
  });

  app.get("/admin/courses/:id/ingestions", async (c) => {
    const course = await admin.requireCourse(c, "view");
    return c.json({ course: course.id, runs: await deps.runs.list(course.id, 50) });
  });

  app.get("/admin/courses/:id/ingestions/:runId", async (c) => {
    const course = await admin.requireCourse(c, "view");
    return c.json({ run: await requireRun(admin, course.id, c.req.param("runId")) });
  });

  app.get("/admin/courses/:id/ingestions/:runId/events", async (c) => {
    const course = await admin.requireCourse(c, "view");
    const run = await requireRun(admin, course.id, c.req.param("runId"));
    return streamRun(c, admin, run);
  });

  return app;
}

async function requireRun(admin: AdminContext, course: string, runId: string): Promise<IngestionRun> {
  const run = await admin.deps.runs.get(course, runId).catch(() => undefined);
  if (!run) throw new ApiError(404, "unknown_run", "no such ingestion run for this course");
  return run;
}

/**
 * Server-sent events of one run: `progress` ({phase, done, total}) as this process's run moves,
 * then `done` with the finished run. A run on another replica sends `done` only.
 */
function streamRun(c: Context, admin: AdminContext, first: IngestionRun): Response {
  return streamSSE(c, async (stream) => {
    let open = true;
    stream.onAbort(() => {
      open = false;
    });
    let writes = Promise.resolve();
    const send = (event: string, data: unknown) => {
      writes = writes.then(() => stream.writeSSE({ event, data: JSON.stringify(data) })).catch(() => {});
      return writes;
    };
    const latest = admin.progress.latest(first.id);
    if (latest) await send("progress", latest);
    const unsubscribe = admin.progress.subscribe(first.id, (step) => void send("progress", step));
    const until = Date.now() + STREAM_MAX_MS;
    try {
      let run: IngestionRun | undefined = first;
      while (open && run?.status === "running" && Date.now() < until) {
        await stream.sleep(POLL_MS);
        run = await admin.deps.runs.get(first.course, first.id);
      }
      if (open && run) await send("done", { run });
    } finally {
      unsubscribe();
    }
  });
}
