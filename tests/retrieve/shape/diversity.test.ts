import { describe, expect, it } from "vitest";
import { diversify } from "../../../src/retrieve/shape/diversity.ts";
import { scoredChunk } from "../chunks.ts";

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
