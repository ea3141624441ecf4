import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HybridSearcher } from "../../src/retrieve/search.ts";
import { presentSearchResult } from "../../src/surfaces/http/routes/search.ts";
import { openSeededSearcher, type SeededSearcher } from "../helpers/searcher.ts";

describe("search with the default reranker stage (bundled course, real PGlite)", () => {
  let seeded: SeededSearcher;
  let searcher: HybridSearcher;

  beforeAll(async () => {
    seeded = await openSeededSearcher();
    searcher = seeded.searcher;
  });
  afterAll(() => seeded.close());

  it("merges two neighbouring chunks of one section that both rank high into one result", async () => {
    const query = "reciprocal rank fusion RRF constant k = 60 python code rankings";
    const plain = await searcher.search({ course: "aie101", query, k: 10, rerank: false });
    const { results } = await searcher.search({ course: "aie101", query, k: 5 });
    const merged = results.find((r) => r.mergedChunkIds !== undefined);
    expect(merged, JSON.stringify(results.map((r) => [r.heading, r.ord]))).toBeDefined();
    const parts = (merged?.mergedChunkIds ?? []).map((id) => plain.snapshot.bm25.chunk(id));
    expect(parts).toHaveLength(2);
    const [first, second] = parts;
    expect(second?.ord).toBe((first?.ord ?? 0) + 1);
    expect(second?.headingPath).toEqual(first?.headingPath);
    // The whole passage, with the sentences the chunker repeated between the two only once.
    expect(merged?.text.startsWith((first?.text ?? "").trim())).toBe(true);
    expect(merged?.text.endsWith((second?.text ?? "").trim())).toBe(true);
    expect(merged?.text.length).toBeLessThan((first?.text.length ?? 0) + (second?.text.length ?? 0));
    // Neither part comes back a second time, and the API shows what was merged.
    const ids = results.flatMap((r) => r.mergedChunkIds ?? [r.chunkId]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(presentSearchResult(merged as never)).toMatchObject({ mergedChunkIds: merged?.mergedChunkIds });
  });

  it("puts the defining passage first for a definition question the fused order gets wrong", async () => {
    const query = "what is the difference between a bi-encoder and a cross-encoder";
    const { results } = await searcher.search({ course: "aie101", query, k: 3 });
    expect(results[0]?.heading).toBe("Bi-encoders versus cross-encoders");
    expect(results[0]?.scores).toMatchObject({ fused: expect.any(Number), rerank: expect.any(Number) });
  });
});
