import { Hono } from "hono";
import type { ScoredChunk } from "../../../core/chunks.ts";
import type { HybridSearcher } from "../../../retrieve/index.ts";
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

export function searchRoutes(deps: { searcher: HybridSearcher; defaultCourse: string }): Hono {
  const app = new Hono();
  app.post("/v1/search", async (c) => {
    const body = await readJsonBody(c, searchBodySchema);
    const response = await deps.searcher.search({
      course: body.course ?? deps.defaultCourse,
      query: body.query,
      k: body.k ?? SEARCH_K.default,
      filters: body.filters,
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
