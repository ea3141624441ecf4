import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/ratelimit/limiter.ts";
import { MemoryRateLimitStore } from "../../src/ratelimit/memory-store.ts";
import type { RateLimitStore } from "../../src/ratelimit/store.ts";

function limiter(settings: { ip: number; session: number; course: number }, now = () => 0) {
  return new RateLimiter({
    store: new MemoryRateLimitStore(now),
    settings: { windowMs: 60_000, ...settings },
  });
}

describe("RateLimiter", () => {
  it("limits each client IP on its own", async () => {
    const rl = limiter({ ip: 2, session: 0, course: 0 });
    expect((await rl.check({ ip: "10.0.0.1" })).allowed).toBe(true);
    expect((await rl.check({ ip: "10.0.0.1" })).allowed).toBe(true);
    const third = await rl.check({ ip: "10.0.0.1" });
    expect(third).toMatchObject({ allowed: false, scope: "ip", limit: 2, windowMs: 60_000 });
    expect(third.allowed === false && third.retryAfterMs).toBe(30_000);
    expect((await rl.check({ ip: "10.0.0.2" })).allowed).toBe(true);
  });

  it("names the session scope when a session runs out while its IP still has allowance", async () => {
    const rl = limiter({ ip: 100, session: 1, course: 100 });
    expect((await rl.check({ ip: "a", session: "s1", course: "c" })).allowed).toBe(true);
    expect(await rl.check({ ip: "a", session: "s1", course: "c" })).toMatchObject({
      allowed: false,
      scope: "session",
    });
    expect((await rl.check({ ip: "a", session: "s2", course: "c" })).allowed).toBe(true);
  });

  it("does not spend a course's allowance on requests refused for their IP", async () => {
    const rl = limiter({ ip: 1, session: 0, course: 2 });
    expect((await rl.check({ ip: "noisy", course: "c" })).allowed).toBe(true);
    for (let i = 0; i < 5; i++) expect((await rl.check({ ip: "noisy", course: "c" })).allowed).toBe(false);
    // The course has used 1 of 2: another client still gets in, then the course is full.
    expect((await rl.check({ ip: "quiet", course: "c" })).allowed).toBe(true);
    expect(await rl.check({ ip: "third", course: "c" })).toMatchObject({ allowed: false, scope: "course" });
    // Courses are limited separately.
    expect((await rl.check({ ip: "fourth", course: "other" })).allowed).toBe(true);
  });

  it("turns a scope off with 0", async () => {
    const rl = limiter({ ip: 0, session: 0, course: 0 });
    for (let i = 0; i < 50; i++)
      expect((await rl.check({ ip: "a", session: "s", course: "c" })).allowed).toBe(true);
  });

  it("lets requests through and reports it when the store fails", async () => {
    const broken: RateLimitStore = {
      kind: "redis",
      consume: async () => {
        throw new Error("connection refused");
      },
      close: async () => {},
    };
    const errors: unknown[] = [];
    const rl = new RateLimiter({
      store: broken,
      settings: { windowMs: 1_000, ip: 1, session: 1, course: 1 },
      onStoreError: (error) => errors.push(error),
    });
    expect((await rl.check({ ip: "a" })).allowed).toBe(true);
    expect(errors).toHaveLength(1);
  });
});

describe("MemoryRateLimitStore", () => {
  it("forgets keys whose allowance has fully come back", async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now, 1_000);
    for (let i = 0; i < 100; i++) await store.consume(`ip:${i}`, { limit: 10, periodMs: 1_000 });
    expect(store.size).toBe(100);
    now = 5_000;
    await store.consume("ip:new", { limit: 10, periodMs: 1_000 });
    expect(store.size).toBe(1);
  });
});
