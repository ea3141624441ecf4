import { describe, expect, it } from "vitest";
import type { ScoredChunk } from "../../../../src/core/chunks.ts";
import { analyseChunk, analyseQuery } from "../../../../src/retrieve/rerank/features/analysis.ts";
import {
  computeFeatures,
  linearScore,
  tightestWindow,
} from "../../../../src/retrieve/rerank/features/index.ts";
import { scoredChunk } from "../../chunks.ts";

/** Chunks here start with empty text; every test says what the text is. */
const chunk = (id: string, fields: Partial<ScoredChunk>): ScoredChunk =>
  scoredChunk(id, { text: "", ...fields });

// Every term weighs 1: shares become plain fractions that can be checked by hand.
const flatIdf = () => 1;

describe("reranker features", () => {
  it("finds the tightest stretch holding every wanted term that occurs", () => {
    expect(tightestWindow(["a", "x", "b", "y", "y", "a", "b"], new Set(["a", "b"]))).toEqual({
      found: 2,
      length: 2,
    });
    expect(tightestWindow(["a", "x", "x", "b", "c"], new Set(["a", "b", "z"]))).toEqual({
      found: 2,
      length: 4,
    });
    expect(tightestWindow(["a", "x"], new Set(["a", "b"]))).toEqual({ found: 1, length: 0 });
  });

  it("scores coverage, headings, bigrams, proximity and definitions against hand-worked values", () => {
    const query = analyseQuery("what is model drift", flatIdf);
    expect(query.terms).toEqual(["model", "drift"]);
    expect(query.bigrams).toEqual(["model drift"]);
    const defining = chunk("1", {
      heading: "What model drift is",
      headingPath: ["What model drift is"],
      text: "Model drift is the decline of a deployed model's predictive quality over time.",
      scores: { bm25: 8, vector: 0.6, fused: 0.03 },
    });
    const mentioning = chunk("2", {
      source: "other.md",
      heading: "Data",
      headingPath: ["Data"],
      text: "Data drift is a change in inputs. A model trained long ago may suffer.",
      scores: { bm25: 4, fused: 0.015 },
    });
    const [a, b] = computeFeatures(query, [
      { chunk: defining, analysis: analyseChunk(defining), cosine: 0.6, centred: 0.4, centrality: 0.2 },
      { chunk: mentioning, analysis: analyseChunk(mentioning), cosine: 0.4 },
    ]);
    expect(a).toMatchObject({
      fused: 1,
      bm25: 1,
      vector: 0.6,
      vectorGap: 0,
      coverage: 1,
      headingCoverage: 1,
    });
    expect(a?.headingPurity).toBe(1);
    expect(a?.bigram).toBe(1);
    expect(a?.proximity).toBe(1); // "model drift": both terms, two terms apart
    expect(a?.definition).toBe(1);
    expect(a?.centred).toBe(0.4);
    expect(b).toMatchObject({
      fused: 0.5,
      bm25: 0.5,
      vector: 0.4,
      coverage: 1,
      headingCoverage: 0,
      bigram: 0,
    });
    expect(b?.vectorGap).toBeCloseTo(-0.2, 10);
    expect(b?.centredGap).toBe(-1); // no centred cosine known
    // "Data drift" covers half the query (drift), and half of its subject (data) was not asked.
    expect(b?.definition).toBe(0.25);
    expect(b?.fusedRank).toBeCloseTo(1 / Math.log2(3), 10);
    expect(linearScore(a as never, { fused: 1, definition: 2 })).toBe(3);
  });

  it("lets a chunk draw on its retrieved same-section neighbour and on its document", () => {
    const query = analyseQuery("reciprocal rank fusion", flatIdf);
    const first = chunk("1", {
      ord: 4,
      text: "Reciprocal rank fusion sums 1 / (k + rank).",
      scores: { fused: 0.03 },
    });
    const second = chunk("2", { ord: 5, text: "It needs no tuning.", scores: { fused: 0 } });
    const elsewhere = chunk("3", {
      ord: 9,
      heading: "Other",
      headingPath: ["Other"],
      text: "Unrelated.",
      scores: { fused: 0.01 },
    });
    const features = computeFeatures(
      query,
      [first, second, elsewhere].map((c) => ({ chunk: c, analysis: analyseChunk(c), cosine: undefined })),
    );
    expect(features[1]?.neighbour).toBe(1);
    expect(features[2]?.neighbour).toBe(0);
    // Support: the other candidates' fused scores from the same document, relative to the best.
    expect(features[1]?.sourceSupport).toBe(1); // 0.03 + 0.01
    expect(features[0]?.sourceSupport).toBeCloseTo(0.25, 10); // (0 + 0.01) / 0.04
  });
});
