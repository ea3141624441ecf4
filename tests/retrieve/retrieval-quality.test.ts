import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HybridSearcher } from "../../src/retrieve/search.ts";
import { openSeededSearcher, type SeededSearcher } from "../helpers/searcher.ts";

interface Case {
  question: string;
  source: string;
}

const cases: Case[] = JSON.parse(
  readFileSync(new URL("../fixtures/retrieval-questions.json", import.meta.url), "utf8"),
);

describe("hybrid retrieval over the bundled course (real PGlite, real embeddings)", () => {
  let seeded: SeededSearcher;
  let searcher: HybridSearcher;

  beforeAll(async () => {
    seeded = await openSeededSearcher();
    searcher = seeded.searcher;
  });
  afterAll(() => seeded.close());

  it("has enough questions to mean something", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)("finds $source in the top 3 for: $question", async ({ question, source }) => {
    const { results } = await searcher.search({ course: "aie101", query: question, k: 3 });
    expect(results.map((r) => r.source)).toContain(source);
  });

  it("fuses both retrievers and reports each one's score", async () => {
    const query = "HNSW ef_search recall latency";
    const { results } = await searcher.search({ course: "aie101", query, k: 5, rerank: false });
    const withBoth = results.filter((r) => r.scores.bm25 !== undefined && r.scores.vector !== undefined);
    expect(withBoth.length).toBeGreaterThan(0);
    for (const r of results) expect(r.scores.fused).toBe(r.score);

    // Reranked, every result still carries the earlier stages' scores next to its own.
    const reranked = await searcher.search({ course: "aie101", query, k: 5 });
    for (const r of reranked.results) {
      expect(r.scores.rerank).toBe(r.score);
      expect(r.scores.fused).toEqual(expect.any(Number));
    }
    expect(reranked.results.some((r) => r.scores.bm25 !== undefined && r.scores.vector !== undefined)).toBe(
      true,
    );
  });

  it("finds a paraphrase through the vector retriever alone", async () => {
    // The notes say "decline in a deployed model's predictive quality"; the query says neither.
    const { results } = await searcher.search({
      course: "aie101",
      query: "the model in production slowly gets less accurate over time",
      k: 3,
      mode: "vector",
      // The vector retriever's own ranking: the reranker's lexical features are not under test.
      rerank: false,
    });
    expect(results[0]?.heading).toBe("What model drift is");
    expect(results.every((r) => r.scores.bm25 === undefined)).toBe(true);
  });

  it("honours the week and source filters in both retrievers", async () => {
    const early = await searcher.search({
      course: "aie101",
      query: "drift detection PSI",
      k: 10,
      filters: { week: 3 },
    });
    for (const r of early.results) expect(r.week === null || r.week <= 3).toBe(true);
    const faqOnly = await searcher.search({
      course: "aie101",
      query: "exam",
      k: 10,
      filters: { sourcePrefix: "faq" },
    });
    expect(faqOnly.results.length).toBeGreaterThan(0);
    for (const r of faqOnly.results) expect(r.source.startsWith("faq")).toBe(true);
  });

  it("rejects an unknown course", async () => {
    await expect(searcher.search({ course: "nope", query: "drift", k: 3 })).rejects.toThrow(/unknown course/);
  });
});
