import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../../src/answer/resilience/circuit-breaker.ts";

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("CircuitBreaker", () => {
  it("counts consecutive failures only: a success resets the count", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 100 });
    breaker.tryAcquire()?.failure();
    breaker.tryAcquire()?.failure();
    breaker.tryAcquire()?.success();
    breaker.tryAcquire()?.failure();
    breaker.tryAcquire()?.failure();
    expect(breaker.state).toBe("closed");
    breaker.tryAcquire()?.failure();
    expect(breaker.state).toBe("open");
  });

  it("refuses permits while open and reports when it will try again", () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 500, now: c.now });
    breaker.tryAcquire()?.failure();
    expect(breaker.tryAcquire()).toBeNull();
    expect(breaker.snapshot()).toEqual({
      state: "open",
      consecutiveFailures: 1,
      retryAt: 1_500,
      opened: 1,
      rejected: 1,
    });
    c.advance(499);
    expect(breaker.tryAcquire()).toBeNull();
    c.advance(1);
    expect(breaker.state).toBe("half_open");
  });

  it("lets exactly one trial call through when half-open", () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 10, now: c.now });
    breaker.tryAcquire()?.failure();
    c.advance(10);
    const trial = breaker.tryAcquire();
    expect(trial).not.toBeNull();
    expect(breaker.tryAcquire()).toBeNull();
    trial?.success();
    expect(breaker.state).toBe("closed");
    expect(breaker.tryAcquire()).not.toBeNull();
  });

  it("a released trial (the caller left) neither closes nor re-opens, and frees the trial slot", () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 10, now: c.now });
    breaker.tryAcquire()?.failure();
    c.advance(10);
    breaker.tryAcquire()?.release();
    expect(breaker.state).toBe("half_open");
    expect(breaker.tryAcquire()).not.toBeNull();
  });

  it("settles a permit once: a second report is ignored", () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 10 });
    const permit = breaker.tryAcquire();
    permit?.failure();
    permit?.failure();
    expect(breaker.snapshot().consecutiveFailures).toBe(1);
  });

  it("tells listeners about each transition and survives a listener that throws", () => {
    const c = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 10, now: c.now });
    const seen: string[] = [];
    breaker.onStateChange(() => {
      throw new Error("broken listener");
    });
    breaker.onStateChange((to, from) => seen.push(`${from}→${to}`));
    breaker.tryAcquire()?.failure();
    c.advance(10);
    breaker.tryAcquire()?.failure();
    expect(seen).toEqual(["closed→open", "open→half_open", "half_open→open"]);
  });

  it("rejects a threshold below one", () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0, cooldownMs: 10 })).toThrow(RangeError);
  });
});
