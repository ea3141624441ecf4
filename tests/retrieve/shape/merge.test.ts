import { describe, expect, it } from "vitest";
import { joinOverlapping, mergeAdjacentChunks } from "../../../src/retrieve/shape/merge.ts";
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
