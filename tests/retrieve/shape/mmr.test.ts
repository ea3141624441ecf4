import { describe, expect, it } from "vitest";
import { jaccard, maximalMarginalRelevance } from "../../../src/retrieve/shape/mmr.ts";

interface Item {
  id: string;
  relevance: number;
  topic: string;
}

const items: Item[] = [
  { id: "a1", relevance: 1.0, topic: "a" },
  { id: "a2", relevance: 0.95, topic: "a" },
  { id: "a3", relevance: 0.9, topic: "a" },
  { id: "b1", relevance: 0.85, topic: "b" },
  { id: "c1", relevance: 0.2, topic: "c" },
];
const sameTopic = (x: Item, y: Item) => (x.topic === y.topic ? 1 : 0);
const ids = (list: Item[]) => list.map((i) => i.id);

describe("maximal marginal relevance", () => {
  it("moves a different topic above near-duplicates of what is already picked", () => {
    const ranked = maximalMarginalRelevance(items, (i) => i.relevance, sameTopic, { pool: 5, lambda: 0.7 });
    expect(ids(ranked)).toEqual(["a1", "b1", "a2", "a3", "c1"]);
  });

  it("keeps the order with λ = 1, and only reorders the pool", () => {
    expect(
      ids(maximalMarginalRelevance(items, (i) => i.relevance, sameTopic, { pool: 5, lambda: 1 })),
    ).toEqual(ids(items));
    const pooled = maximalMarginalRelevance(items, (i) => i.relevance, sameTopic, { pool: 3, lambda: 0.5 });
    expect(ids(pooled)).toEqual(["a1", "a2", "a3", "b1", "c1"]); // one topic in the pool: nothing to spread
  });

  it("measures term-set overlap", () => {
    expect(jaccard(new Set(["a", "b"]), new Set(["b", "c"]))).toBeCloseTo(1 / 3, 10);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
