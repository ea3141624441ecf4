import { describe, expect, it } from "vitest";
import { fuseReciprocalRank } from "../../src/retrieve/fuse.ts";

describe("fuseReciprocalRank", () => {
  it("sums weight / (k + rank) over the lists that hold an id", () => {
    const fused = fuseReciprocalRank(
      [
        {
          name: "bm25",
          weight: 1,
          hits: [
            { id: "a", score: 9 },
            { id: "b", score: 5 },
          ],
        },
        {
          name: "vector",
          weight: 1,
          hits: [
            { id: "b", score: 0.8 },
            { id: "c", score: 0.7 },
          ],
        },
      ],
      60,
    );
    // b: 1/62 + 1/61; a: 1/61; c: 1/62
    expect(fused.map((h) => h.id)).toEqual(["b", "a", "c"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 12);
    expect(fused[1]?.score).toBeCloseTo(1 / 61, 12);
    expect(fused[2]?.score).toBeCloseTo(1 / 62, 12);
  });

  it("keeps each list's own score for every id", () => {
    const [b] = fuseReciprocalRank([
      { name: "bm25", weight: 1, hits: [{ id: "b", score: 5 }] },
      { name: "vector", weight: 1, hits: [{ id: "b", score: 0.8 }] },
    ]);
    expect(b?.sources).toEqual({ bm25: 5, vector: 0.8 });
  });

  it("lets weights tilt the fusion towards one retriever", () => {
    const lists = (bm25Weight: number) =>
      fuseReciprocalRank(
        [
          { name: "bm25", weight: bm25Weight, hits: [{ id: "lexical", score: 1 }] },
          { name: "vector", weight: 1, hits: [{ id: "semantic", score: 1 }] },
        ],
        60,
      ).map((h) => h.id);
    expect(lists(2)[0]).toBe("lexical");
    expect(lists(0.5)[0]).toBe("semantic");
  });

  it("ignores lists with zero weight entirely", () => {
    const fused = fuseReciprocalRank([
      { name: "bm25", weight: 0, hits: [{ id: "x", score: 1 }] },
      { name: "vector", weight: 1, hits: [{ id: "y", score: 1 }] },
    ]);
    expect(fused.map((h) => h.id)).toEqual(["y"]);
  });

  it("uses k to damp the gap between top ranks", () => {
    const gap = (k: number) => {
      const fused = fuseReciprocalRank(
        [
          {
            name: "one",
            weight: 1,
            hits: [
              { id: "first", score: 1 },
              { id: "second", score: 1 },
            ],
          },
        ],
        k,
      );
      return (fused[0]?.score ?? 0) / (fused[1]?.score ?? 1);
    };
    expect(gap(1)).toBeCloseTo(1.5, 10);
    expect(gap(60)).toBeCloseTo(62 / 61, 10);
  });
});
