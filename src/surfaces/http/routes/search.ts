import { Hono } from "hono";
import type { CoursePolicySource } from "../../../core/chat.ts";
import { type ScoredChunk, withReleasedWeeks } from "../../../core/chunks.ts";
import { type HybridSearcher, UnknownCourseError } from "../../../retrieve/index.ts";
import { readJsonBody } from "../body.ts";
import { SEARCH_K, searchBodySchema } from "../schemas.ts";

/** The `/v1/search` result shape, shared with `tutor search --json`. */
export function presentSearchResult(chunk: ScoredChunk) {
  return {
    chunkId: chunk.chunkId,
    source: chunk.source,
    title: chunk.title,
    heading: chunk.heading,
    headingPath: chunk.headingPath,
    week: chunk.week,
    locator: chunk.locator,
    url: chunk.url,
    text: chunk.text,
    score: chunk.score,
    scores: chunk.scores,
    // Neighbouring chunks of one section merged into this result after reranking.
    ...(chunk.mergedChunkIds ? { mergedChunkIds: chunk.mergedChunkIds } : {}),
  };
}

/**
 * `/v1/search` for students: an archived course reads as unknown, and a course's release schedule
 * hides the weeks not released yet, as it does for `/v1/chat`.
 */
export function searchRoutes(deps: {
  searcher: HybridSearcher;
  defaultCourse: string;
  coursePolicy?: CoursePolicySource;
}): Hono {
  const app = new Hono();
  app.post("/v1/search", async (c) => {
    const body = await readJsonBody(c, searchBodySchema);
    const course = body.course ?? deps.defaultCourse;
    const policy = (await deps.coursePolicy?.policyFor(course)) ?? {};
    if (policy.archived) throw new UnknownCourseError(course);
    const response = await deps.searcher.search({
      course,
      query: body.query,
      k: body.k ?? SEARCH_K.default,
      filters: withReleasedWeeks(body.filters, policy.week),
      mode: body.mode,
      rerank: body.rerank,
    });
    return c.json({
      results: response.results.map(presentSearchResult),
      timings: response.timings,
      ...(response.vectorAvailable ? {} : { degraded: true }),
    });
  });
  return app;
}
