import { describe, expect, it } from "vitest";
import type { ScoredChunk } from "../../../src/core/chunks.ts";
import { Bm25Index } from "../../../src/retrieve/indexes/bm25.ts";
import { sectionNeighbours, withSectionNeighbours } from "../../../src/retrieve/shape/neighbours.ts";
import { scoredChunk } from "../chunks.ts";

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
