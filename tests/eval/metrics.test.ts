import { describe, expect, it } from "vitest";
import {
  averagePrecision,
  dcgAtK,
  hitAtK,
  idealPoolFor,
  meanOf,
  ndcgAtK,
  percentile,
  type RankedJudgement,
  recallAtK,
  reciprocalRankAtK,
  refusalScores,
} from "../../src/eval/metrics.ts";
import { scoreRetrieval } from "../../src/eval/runner.ts";

/** Ranked lists written as grades with the expected source each item belongs to (-1: none). */
const list = (...items: [number, number][]): RankedJudgement[] =>
  items.map(([grade, sourceIndex]) => ({ grade, sourceIndex }));

describe("hit@k and recall@k", () => {
  const ranked = list([0, -1], [1, 0], [0, -1], [0, -1], [0, -1], [2, 0]);

  it("hit@k is 1 only when a relevant item is within the first k", () => {
    expect(hitAtK(ranked, 5)).toBe(0);
    expect(hitAtK(ranked, 6)).toBe(1);
    // Source-level relevance: the grade-1 chunk at rank 2 counts.
    expect(hitAtK(ranked, 5, 1)).toBe(1);
  });

  it("recall@k is the share of expected sources with a relevant item in the top k", () => {
    const twoSources = list([2, 1], [0, -1], [1, 0], [0, -1], [0, -1], [2, 0]);
    expect(recallAtK(twoSources, 2, 5)).toBe(0.5);
    expect(recallAtK(twoSources, 2, 6)).toBe(1);
    expect(recallAtK(twoSources, 2, 5, 1)).toBe(1);
    expect(recallAtK(twoSources, 0, 5)).toBe(0);
  });
});

describe("MRR@10", () => {
  it("matches the week 7 notes' example: first hits at ranks 1, 3 and none give 0.444", () => {
    const rr = [
      reciprocalRankAtK(list([2, 0]), 10),
      reciprocalRankAtK(list([0, -1], [0, -1], [2, 0]), 10),
      reciprocalRankAtK(list([0, -1], [1, 0]), 10),
    ];
    expect(rr).toEqual([1, 1 / 3, 0]);
    expect(meanOf(rr)).toBeCloseTo(0.4444, 4);
  });

  it("ignores a relevant item below rank 10", () => {
    const deep = list(...Array.from({ length: 10 }, () => [0, -1] as [number, number]), [2, 0]);
    expect(reciprocalRankAtK(deep, 10)).toBe(0);
  });
});

describe("nDCG@10", () => {
  it("matches the week 7 notes' example: gains [3, 2, 0, 1] give DCG 4.69 and nDCG@4 0.99", () => {
    expect(dcgAtK([3, 2, 0, 1], 4)).toBeCloseTo(3 + 2 / Math.log2(3) + 1 / Math.log2(5), 10);
    expect(dcgAtK([3, 2, 0, 1], 4)).toBeCloseTo(4.693, 3);
    expect(ndcgAtK([3, 2, 0, 1], [3, 2, 0, 1], 4)).toBeCloseTo(0.9854, 4);
  });

  it("grades phrase matches 2 and source matches 1, with partial matches the system retrieved in the ideal", () => {
    // A source-only chunk at rank 1, the one answer chunk at rank 2.
    const gains = [1, 2, 0];
    const pool = idealPoolFor(1, gains, 10);
    expect(pool).toEqual([2, 1]);
    // DCG = 1 + 2/log2(3) = 2.2619; IDCG = 2 + 1/log2(3) = 2.6309.
    expect(ndcgAtK(gains, pool, 10)).toBeCloseTo(2.26186 / 2.63093, 4);
    // The answer chunk first and nothing else relevant: perfect.
    expect(ndcgAtK([2, 0, 0], idealPoolFor(1, [2, 0, 0], 10), 10)).toBe(1);
    // The answer at rank 3 alone: 2/log2(4) / 2 = 0.5.
    expect(ndcgAtK([0, 0, 2], idealPoolFor(1, [0, 0, 2], 10), 10)).toBeCloseTo(0.5, 10);
  });

  it("charges for answer chunks the system missed", () => {
    // Two chunks hold the answer; only one was retrieved, at rank 1: 2 / (2 + 2/log2(3)).
    expect(ndcgAtK([2, 0], idealPoolFor(2, [2, 0], 10), 10)).toBeCloseTo(2 / (2 + 2 / Math.log2(3)), 10);
    expect(ndcgAtK([0, 0], [], 10)).toBe(0);
  });
});

describe("scoreRetrieval", () => {
  it("scores a two-source case by hand", () => {
    // Ranks: 1 other doc, 2 source B with phrase, 3 source A without phrase, 4 other, 5 other, 6 source A with phrase.
    const ranked = list([0, -1], [2, 1], [1, 0], [0, -1], [0, -1], [2, 0]);
    const scores = scoreRetrieval(ranked, { expected_sources: ["a.md", "b.md"] }, 2);
    expect(scores.hit5).toBe(1);
    expect(scores.recall5).toBe(0.5);
    expect(scores.mrr10).toBe(0.5);
    const dcg = 2 / Math.log2(3) + 1 / Math.log2(4) + 2 / Math.log2(7);
    const idcg = 2 + 2 / Math.log2(3) + 1 / Math.log2(4);
    expect(scores.ndcg10).toBeCloseTo(dcg / idcg, 10);
    expect(scores.hit5_source).toBe(1);
    expect(scores.recall5_source).toBe(1);
    expect(scores.mrr10_source).toBe(0.5);
  });
});

describe("context precision (average precision)", () => {
  it("matches the week 13 notes' example: relevant at positions 1 and 3 give 0.83", () => {
    expect(averagePrecision([true, false, true, false, false])).toBeCloseTo((1 + 2 / 3) / 2, 10);
    expect(averagePrecision([false, false])).toBe(0);
    expect(averagePrecision([false, true])).toBe(0.5);
  });
});

describe("refusal precision, recall and F1", () => {
  it("computes them from the confusion counts", () => {
    const outcomes = [
      ...Array.from({ length: 3 }, () => ({ expected: true, predicted: true })),
      { expected: false, predicted: true },
      ...Array.from({ length: 2 }, () => ({ expected: true, predicted: false })),
      ...Array.from({ length: 4 }, () => ({ expected: false, predicted: false })),
    ];
    const scores = refusalScores(outcomes);
    expect(scores).toMatchObject({ tp: 3, fp: 1, fn: 2, tn: 4, precision: 0.75, recall: 0.6 });
    expect(scores.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35, 10);
  });

  it("is 0 when nothing is declined and null when nothing should be", () => {
    expect(refusalScores([{ expected: true, predicted: false }]).f1).toBe(0);
    expect(refusalScores([{ expected: false, predicted: false }]).f1).toBeNull();
    expect(refusalScores([{ expected: false, predicted: true }]).precision).toBe(0);
  });
});

describe("percentile and mean", () => {
  it("uses the nearest-rank percentile", () => {
    const values = [100, 10, 90, 20, 80, 30, 70, 40, 60, 50];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([], 50)).toBeNull();
  });

  it("averages the numbers present", () => {
    expect(meanOf([1, null, 0.5, undefined])).toBe(0.75);
    expect(meanOf([null])).toBeNull();
  });
});
