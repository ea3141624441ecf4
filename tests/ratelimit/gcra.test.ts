import { describe, expect, it } from "vitest";
import { gcra } from "../../src/ratelimit/gcra.ts";

describe("gcra", () => {
  const rule = { limit: 3, periodMs: 3_000 };

  it("allows a burst of `limit` requests, then refuses with the time until one more fits", () => {
    let tat: number | null = null;
    const remaining: number[] = [];
    for (let i = 0; i < 3; i++) {
      const step = gcra(tat, 10_000, rule);
      expect(step.allowed).toBe(true);
      remaining.push(step.remaining);
      tat = step.tat;
    }
    expect(remaining).toEqual([2, 1, 0]);
    const refused = gcra(tat, 10_000, rule);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterMs: 1_000 });
    // A refusal does not move the allowance.
    expect(refused.tat).toBe(tat);
  });

  it("gives one request back per interval, and the whole burst back after a quiet period", () => {
    let tat: number | null = null;
    for (let i = 0; i < 3; i++) tat = gcra(tat, 0, rule).tat;
    expect(gcra(tat, 999, rule).allowed).toBe(false);
    const after = gcra(tat, 1_000, rule);
    expect(after.allowed).toBe(true);
    expect(gcra(after.tat, 1_000, rule).allowed).toBe(false);
    // Long after: the stored TAT is in the past, the same as a new key.
    expect(gcra(after.tat, 60_000, rule)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("reports a retry time that is exactly enough", () => {
    let tat: number | null = null;
    for (let i = 0; i < 3; i++) tat = gcra(tat, 500, rule).tat;
    const refused = gcra(tat, 700, rule);
    expect(refused.allowed).toBe(false);
    expect(gcra(tat, 700 + refused.retryAfterMs - 1, rule).allowed).toBe(false);
    expect(gcra(tat, 700 + refused.retryAfterMs, rule).allowed).toBe(true);
  });
});
