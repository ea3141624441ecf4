import { describe, expect, it } from "vitest";
import { QueryCache } from "../../../src/embed/transformers/query-cache.ts";

describe("QueryCache", () => {
  it("computes a query once, keeps the most recent ones and forgets failures", async () => {
    const cache = new QueryCache(2);
    let calls = 0;
    const compute = (value: number) => async () => {
      calls++;
      return [value];
    };
    await expect(cache.get("a", compute(1))).resolves.toEqual([1]);
    await expect(cache.get("a", compute(9))).resolves.toEqual([1]);
    expect(calls).toBe(1);
    await cache.get("b", compute(2));
    await cache.get("a", compute(9)); // a is now the most recent
    await cache.get("c", compute(3)); // evicts b
    expect(cache.size).toBe(2);
    await expect(cache.get("b", compute(4))).resolves.toEqual([4]);
    await expect(cache.get("x", () => Promise.reject(new Error("model down")))).rejects.toThrow();
    await expect(cache.get("x", compute(5))).resolves.toEqual([5]);
  });

  it("with no room, computes every time", async () => {
    const cache = new QueryCache(0);
    let calls = 0;
    const compute = async () => [++calls];
    await cache.get("a", compute);
    await cache.get("a", compute);
    expect(calls).toBe(2);
  });
});
