import { describe, expect, it } from "vitest";
import { DeadlineBudget, withinBudget } from "../../../src/answer/resilience/budget.ts";

describe("DeadlineBudget", () => {
  it("gives every stage all the time it needs without a deadline", () => {
    const budget = new DeadlineBudget(undefined, performance.now());
    expect(budget.forRewrite()).toBe(Number.POSITIVE_INFINITY);
    expect(budget.forAnswer()).toBe(2 ** 31 - 1);
  });

  it("gives the rewrite a third of the deadline and the answer the rest minus a reserve", () => {
    const budget = new DeadlineBudget(9_000, performance.now());
    expect(budget.forRewrite()).toBeGreaterThan(2_900);
    expect(budget.forRewrite()).toBeLessThanOrEqual(3_000);
    // The reserve is 15 % of the deadline, between 250 ms and 1.5 s.
    expect(budget.forAnswer()).toBeGreaterThan(7_550);
    expect(budget.forAnswer()).toBeLessThanOrEqual(7_650);
  });

  it("has nothing left once the deadline has passed", () => {
    const budget = new DeadlineBudget(1_000, performance.now() - 2_000);
    expect(budget.forRewrite()).toBe(0);
    expect(budget.forAnswer()).toBeLessThan(0);
  });
});

describe("withinBudget", () => {
  it("gives the work's result when it finishes in time", async () => {
    expect(await withinBudget(Promise.resolve("done"), 1_000, "fallback")).toBe("done");
  });

  it("gives the fallback when the work fails or runs late", async () => {
    expect(await withinBudget(Promise.reject(new Error("no")), 1_000, "fallback")).toBe("fallback");
    const late = new Promise<string>((resolve) => setTimeout(() => resolve("late"), 200));
    expect(await withinBudget(late, 10, "fallback")).toBe("fallback");
  });
});
