import { describe, expect, it } from "vitest";
import {
  defaultConfidenceThresholds,
  isConfident,
  queryCoverage,
  retrievalConfidence,
} from "../../src/answer/confidence.ts";
import type { ScoredChunk } from "../../src/core/chunks.ts";

const chunk = (text: string): ScoredChunk => ({
  chunkId: "1",
  courseId: "c",
  source: "a.md",
  title: "A",
  heading: "",
  headingPath: ["Drift detection"],
  locator: null,
  url: null,
  week: null,
  ord: 0,
  text,
  score: 1,
  scores: {},
});

describe("queryCoverage", () => {
  const weights: Record<string, number> = { drift: 3, model: 1, lasagna: 5 };
  const termWeight = (t: string) => weights[t] ?? 2;

  it("is the IDF-weighted share of the question's terms found in the top chunks", () => {
    const chunks = [chunk("A deployed model can drift.")];
    expect(queryCoverage("model drift", chunks, termWeight)).toBeCloseTo(1, 10);
    expect(queryCoverage("model lasagna", chunks, termWeight)).toBeCloseTo(1 / 6, 10);
  });

  it("counts heading words as covered", () => {
    expect(queryCoverage("detection", [chunk("Nothing here.")], termWeight)).toBe(1);
  });

  it("is zero for a question without content words", () => {
    expect(queryCoverage("what is it?", [chunk("Anything.")], termWeight)).toBe(0);
  });
});

describe("isConfident", () => {
  const t = defaultConfidenceThresholds;
  it("needs enough coverage with an ordinary similarity", () => {
    expect(isConfident({ coverage: t.minCoverage, topVectorSimilarity: 0.3 })).toBe(true);
    expect(isConfident({ coverage: t.minCoverage - 0.01, topVectorSimilarity: 0.3 })).toBe(false);
  });
  it("lets a strong similarity carry a paraphrase with less overlap", () => {
    expect(
      isConfident({ coverage: t.minCoverageWhenStrong, topVectorSimilarity: t.strongVectorSimilarity }),
    ).toBe(true);
    expect(isConfident({ coverage: t.minCoverageWhenStrong - 0.01, topVectorSimilarity: 0.9 })).toBe(false);
  });
  it("lets a close similarity carry a casual paraphrase with some overlap, and only with it", () => {
    const close = t.closeVectorSimilarity ?? Number.NaN;
    const coverage = t.minCoverageWhenClose ?? Number.NaN;
    expect(isConfident({ coverage, topVectorSimilarity: close })).toBe(true);
    expect(isConfident({ coverage: coverage - 0.01, topVectorSimilarity: close })).toBe(false);
    expect(isConfident({ coverage, topVectorSimilarity: close - 0.01 })).toBe(false);
    // A calibration without the tier (fitted before it existed) keeps the old rule.
    const { closeVectorSimilarity: _c, minCoverageWhenClose: _m, ...without } = t;
    expect(isConfident({ coverage, topVectorSimilarity: close }, without)).toBe(false);
    // The tier is named, so the off-topic rule can still judge what only it admits.
    expect(retrievalConfidence({ coverage, topVectorSimilarity: close })).toBe("close");
    expect(retrievalConfidence({ coverage: t.minCoverage, topVectorSimilarity: close })).toBe("confident");
  });
  it("never answers below the similarity floor", () => {
    expect(isConfident({ coverage: 1, topVectorSimilarity: t.minVectorSimilarity - 0.01 })).toBe(false);
  });
  it("asks for more coverage when there is no vector signal", () => {
    expect(isConfident({ coverage: t.minCoverageLexicalOnly, topVectorSimilarity: null })).toBe(true);
    expect(isConfident({ coverage: t.minCoverageLexicalOnly - 0.01, topVectorSimilarity: null })).toBe(false);
  });
});
