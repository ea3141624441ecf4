import { stat } from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import { z } from "zod";
import type { TutorIngestOptions } from "../../../../app/tutor.ts";
import type { IngestionRun } from "../../../../courses/index.ts";
import type { IngestSummary } from "../../../../ingest/sync.ts";
import { readJsonBody } from "../../body.ts";
import { ApiError } from "../../errors.ts";
import { courseIdSchema } from "../../schemas.ts";
import { type AdminContext, flag, parseQuery } from "./context.ts";

const ingestBodySchema = z.object({
  course: courseIdSchema,
  /** A folder on the server's disk. */
  dir: z.string().min(1).max(4096),
});

const waitQuerySchema = z.object({ wait: flag.default(false) });

export interface StartedIngestion {
  status: 200 | 202;
  body: { run: IngestionRun | undefined; status: string };
}

/**
 * Starts an ingestion. With `wait` the reply is the finished run (its `status` says whether it
 * succeeded); otherwise 202 as soon as the run is recorded, with the run's URL to poll.
 */
export async function startIngestion(
  admin: AdminContext,
  course: string,
  trigger: string,
  wait: boolean,
  work: (options: TutorIngestOptions) => Promise<IngestSummary>,
): Promise<StartedIngestion> {
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
    done.catch((error: unknown) => admin.deps.onBackgroundError?.(error));
    return { status: 202, body: { run: await admin.deps.runs.get(course, runId), status } };
  }
  try {
    await done;
  } catch {
    // The run records why it failed; the reply carries it.
  }
  return { status: 200, body: { run: await admin.deps.runs.get(course, runId), status } };
}

/** Ingesting a server folder or a course's uploaded material, and the record of its runs. */
export function ingestionRoutes(admin: AdminContext): Hono {
  const app = new Hono();
  const { deps, files } = admin;

  app.post("/admin/ingest", async (c) => {
    const body = await readJsonBody(c, ingestBodySchema);
    const dir = path.resolve(body.dir);
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory())
      throw new ApiError(400, "invalid_request", `dir: ${dir} is not a folder on the server`);
    return c.json(await deps.ingest(dir, body.course, { trigger: "folder" }));
  });

  app.post("/admin/courses/:id/ingest", async (c) => {
    const course = await admin.requireCourse(c);
    const { wait } = parseQuery(c, waitQuerySchema);
    if ((await files.count(course.id)) === 0)
      throw new ApiError(409, "no_material", `course "${course.id}" has no uploaded material to ingest`);
    const reply = await startIngestion(admin, course.id, "reingest", wait, (options) =>
      files.withFolder(course.id, (dir) => deps.ingest(dir, course.id, options)),
    );
    if (reply.status === 202) c.header("Location", reply.body.status);
    return c.json({ course: course.id, ...reply.body }, reply.status);
  });

  app.get("/admin/courses/:id/ingestions", async (c) => {
    const course = await admin.requireCourse(c);
    return c.json({ course: course.id, runs: await deps.runs.list(course.id, 50) });
  });

  app.get("/admin/courses/:id/ingestions/:runId", async (c) => {
    const course = await admin.requireCourse(c);
    const run = await deps.runs.get(course.id, c.req.param("runId"));
    if (!run) throw new ApiError(404, "unknown_run", "no such ingestion run for this course");
    return c.json({ run });
  });

  return app;
}
