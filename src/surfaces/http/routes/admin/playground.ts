import { Hono } from "hono";
import { z } from "zod";
import type { AskTrace } from "../../../../chat/index.ts";
import type { ScoredChunk } from "../../../../core/chunks.ts";
import { tutorModeSchema } from "../../../../core/schemas.ts";
import { readJsonBody } from "../../body.ts";
import { ApiError } from "../../errors.ts";
import { filtersSchema } from "../../schemas.ts";
import type { AdminContext } from "./context.ts";

const askSchema = z
  .object({
    message: z.string().min(1, "message must not be empty").max(8_000),
    sessionId: z.string().max(100).optional(),
    mode: tutorModeSchema.optional(),
    filters: filtersSchema.optional(),
  })
  .strict();

/** Text of a retrieved chunk in the trace: enough to recognise it, not the whole passage. */
const SNIPPET_CHARS = 280;

/** A retrieved chunk as the trace shows it: where it is from and every stage's score. */
function traceChunk(chunk: ScoredChunk) {
  return {
    chunkId: chunk.chunkId,
    source: chunk.source,
    title: chunk.title,
    heading: chunk.heading,
    week: chunk.week,
    score: chunk.score,
    scores: chunk.scores,
    snippet: chunk.text.length > SNIPPET_CHARS ? `${chunk.text.slice(0, SNIPPET_CHARS)}…` : chunk.text,
  };
}

/** The trace for the console: the pipeline's own, with retrieved chunks shortened. */
export function presentTrace(trace: AskTrace) {
  const { retrieved, ...rest } = trace;
  return { ...rest, retrieved: retrieved.map(traceChunk) };
}

/**
 * `POST /admin/courses/:id/playground`: staff ask the course as a student would, through the same
 * pipeline, and get the answer with its trace (rewritten query, each retriever's candidates,
 * fused and reranked order, guard decisions). Asked as surface "playground": these questions
 * never count as student questions, and staff see every week whatever the release schedule says.
 */
export function playgroundRoutes(admin: AdminContext): Hono {
  const app = new Hono();

  app.post("/admin/courses/:id/playground", async (c) => {
    const course = await admin.requireCourse(c, "view");
    const body = await readJsonBody(c, askSchema);
    const pipeline = admin.deps.pipeline;
    if (!pipeline) throw new ApiError(503, "unavailable", "The playground is not wired to a pipeline here.");
    const { answer, trace } = await pipeline.askWithTrace({
      course: course.id,
      message: body.message,
      sessionId: body.sessionId,
      mode: body.mode,
      filters: body.filters,
      surface: "playground",
    });
    return c.json({ answer, trace: presentTrace(trace) });
  });

  return app;
}
