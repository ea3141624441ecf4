import { describe, expect, it } from "vitest";
import { backoffDelay, sleep } from "../../../src/answer/resilience/retry.ts";

describe("backoffDelay", () => {
  const options = { baseDelayMs: 100, maxDelayMs: 1_000 };

  it("doubles per attempt with half of it random", () => {
    expect(backoffDelay(0, options, () => 0)).toBe(50);
    expect(backoffDelay(0, options, () => 1)).toBe(100);
    expect(backoffDelay(1, options, () => 0)).toBe(100);
    expect(backoffDelay(2, options, () => 0.5)).toBe(300);
  });

  it("never exceeds the cap", () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(backoffDelay(attempt, options, () => 0.999)).toBeLessThanOrEqual(1_000);
    }
    expect(backoffDelay(10, options, () => 0)).toBe(500);
  });

  it("spreads retries out: different random draws give different delays", () => {
    const delays = new Set([0.1, 0.4, 0.8].map((r) => backoffDelay(1, options, () => r)));
    expect(delays.size).toBe(3);
  });
});

describe("sleep", () => {
  it("rejects with the abort reason as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const reason = new Error("gone");
    setTimeout(() => controller.abort(reason), 10);
    await expect(sleep(60_000, controller.signal)).rejects.toBe(reason);
  });
});
