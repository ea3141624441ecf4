import { describe, expect, it } from "vitest";
import type { ScoredChunk } from "../../../src/core/chunks.ts";
import { Bm25Index } from "../../../src/retrieve/index/bm25.ts";
import { diversify } from "../../../src/retrieve/shape/diversity.ts";
import { joinOverlapping, mergeAdjacentChunks } from "../../../src/retrieve/shape/merge.ts";
import { sectionNeighbours, withSectionNeighbours } from "../../../src/retrieve/shape/neighbours.ts";
import { scoredChunk } from "../chunks.ts";

describe("merging neighbouring chunks of one section", () => {
  const first = scoredChunk("1", {
    ord: 3,
    text: "RRF sums reciprocal ranks. It needs no tuning.",
    score: 0.9,
    scores: { bm25: 5, fused: 0.03, rerank: 0.9 },
  });
  const second = scoredChunk("2", {
    ord: 4,
    text: "It needs no tuning. The constant k is usually 60.",
    score: 0.8,
  });
  const otherSection = scoredChunk("3", {
    ord: 5,
    heading: "MMR",
    headingPath: ["MMR"],
    text: "MMR spreads results.",
    score: 0.7,
  });
  const far = scoredChunk("4", { ord: 9, text: "Far away in the same section.", score: 0.6 });

  it("joins the passage, dropping the overlap the chunker repeated, under the better chunk's id and scores", () => {
    const merged = mergeAdjacentChunks([second, otherSection, first, far], { window: 3 });
    expect(merged.map((c) => c.chunkId)).toEqual(["2", "3", "4"]);
    expect(merged[0]?.text).toBe(
      "RRF sums reciprocal ranks. It needs no tuning. The constant k is usually 60.",
    );
    expect(merged[0]?.mergedChunkIds).toEqual(["1", "2"]);
    expect(merged[0]?.score).toBe(0.8);
    expect(merged[2]?.mergedChunkIds).toBeUndefined();
  });

  it("keeps the scores of the result it merged into", () => {
    const [merged] = mergeAdjacentChunks([first, second], { window: 2 });
    expect(merged?.scores).toEqual({ bm25: 5, fused: 0.03, rerank: 0.9 });
  });

  it("merges only inside the window, only neighbours, only within one section", () => {
    expect(mergeAdjacentChunks([first, otherSection, second], { window: 2 })).toHaveLength(3);
    expect(mergeAdjacentChunks([first, far], { window: 5 })).toHaveLength(2);
    const nextSection = scoredChunk("5", { ord: 4, heading: "MMR", headingPath: ["MMR"] });
    expect(mergeAdjacentChunks([first, nextSection], { window: 5 })).toHaveLength(2);
  });

  it("joins texts without overlap with a blank line", () => {
    expect(joinOverlapping("First part.", "Second part.")).toBe("First part.\n\nSecond part.");
  });
});

describe("section neighbours join the candidates", () => {
  const records = [0, 1, 2, 3].map((ord) =>
    scoredChunk(`n${ord}`, {
      ord,
      heading: ord < 3 ? "Fusion" : "MMR",
      headingPath: [ord < 3 ? "Fusion" : "MMR"],
      text: `text number ${ord} about fusion`,
    }),
  );
  const snapshot = { bm25: new Bm25Index(records) };
  const at = (i: number) => records[i] as ScoredChunk;

  it("finds the chunks before and after in the same section", () => {
    expect(sectionNeighbours(snapshot, at(1)).map((c) => c.chunkId)).toEqual(["n0", "n2"]);
    expect(sectionNeighbours(snapshot, at(2)).map((c) => c.chunkId)).toEqual(["n1"]);
  });

  it("adds missing neighbours of the top candidates, unscored, after the retrieved ones", () => {
    const pool = withSectionNeighbours(snapshot, [{ ...at(1), score: 1, scores: { fused: 1 } }], 1);
    expect(pool.map((c) => c.chunkId)).toEqual(["n1", "n0", "n2"]);
    expect(pool[1]?.scores).toEqual({ fused: 0 });
  });
});

describe("the stage after reranking", () => {
  it("merges, then spreads near-duplicates with MMR over the stored vectors", () => {
    const a = scoredChunk("a", { ord: 1, score: 3 });
    const b = scoredChunk("b", { ord: 7, score: 2.9 });
    const c = scoredChunk("c", { ord: 12, source: "other.md", score: 2 });
    const vectors = new Map([
      ["a", Float32Array.from([1, 0])],
      ["b", Float32Array.from([1, 0.01])],
      ["c", Float32Array.from([0, 1])],
    ]);
    const out = diversify(
      [a, b, c],
      { neighbours: 0, mergeWindow: 3, mmr: { pool: 3, lambda: 0.5 } },
      vectors,
    );
    expect(out.map((x) => x.chunkId)).toEqual(["a", "c", "b"]);
    const plain = diversify(
      [a, b, c],
      { neighbours: 0, mergeWindow: 0, mmr: { pool: 0, lambda: 1 } },
      vectors,
    );
    expect(plain.map((x) => x.chunkId)).toEqual(["a", "b", "c"]);
  });
});
