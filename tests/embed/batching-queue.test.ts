import { describe, expect, it } from "vitest";
import { BatchingQueue } from "../../src/embed/batching-queue.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("BatchingQueue", () => {
  it("runs one batch at a time and batches what queued up meanwhile, in order", async () => {
    const batches: number[][] = [];
    let running = 0;
    let overlapped = false;
    const queue = new BatchingQueue<number, number>(async (items) => {
      running++;
      if (running > 1) overlapped = true;
      batches.push(items);
      await tick();
      running--;
      return items.map((n) => n * 10);
    }, 3);
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => queue.push(n)));
    expect(results).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(overlapped).toBe(false);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6, 7]]);
  });

  it("finishes early callers early instead of holding everyone to the last", async () => {
    const queue = new BatchingQueue<number, number>(async (items) => {
      await tick();
      return items;
    }, 1);
    const finished: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => queue.push(n).then(() => finished.push(n))));
    expect(finished).toEqual([1, 2, 3, 4]);
  });

  it("fails only the batch that failed", async () => {
    const queue = new BatchingQueue<number, number>(async (items) => {
      await tick();
      if (items.includes(2)) throw new Error("bad batch");
      return items;
    }, 1);
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => queue.push(n)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });
});
