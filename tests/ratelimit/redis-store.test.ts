import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/ratelimit/limiter.ts";
import { RedisRateLimitStore } from "../../src/ratelimit/redis-store.ts";
import { type RedisServer, startRedisServer } from "./redis-server.ts";

describe("RedisRateLimitStore against a real redis-server", () => {
  let redis: RedisServer;
  const stores: RedisRateLimitStore[] = [];
  const open = async () => {
    const store = new RedisRateLimitStore({
      url: redis.url,
      keyPrefix: `test:${Math.random()}:`,
      commandTimeoutMs: 10_000,
    });
    stores.push(store);
    await store.ready();
    return store;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await redis?.stop();
  });

  it("gives the same burst, refusal and retry time as the in-memory algorithm", async () => {
    const store = await open();
    const rule = { limit: 3, periodMs: 60_000 };
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await store.consume("ip:1.2.3.4", rule));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    // One request comes back every 20 s; a little of that has passed since the third request.
    expect(decisions[3]?.retryAfterMs).toBeGreaterThan(19_000);
    expect(decisions[3]?.retryAfterMs).toBeLessThanOrEqual(20_000);
  });

  it("lets the allowance come back as time passes (Redis's own clock)", async () => {
    const store = await open();
    const rule = { limit: 2, periodMs: 400 };
    expect((await store.consume("session:x", rule)).allowed).toBe(true);
    expect((await store.consume("session:x", rule)).allowed).toBe(true);
    const refused = await store.consume("session:x", rule);
    expect(refused.allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, refused.retryAfterMs + 50));
    expect((await store.consume("session:x", rule)).allowed).toBe(true);
  });

  it("shares one allowance between two clients, as two replicas would", async () => {
    const prefix = `shared:${Math.random()}:`;
    const a = new RedisRateLimitStore({ url: redis.url, keyPrefix: prefix, commandTimeoutMs: 10_000 });
    const b = new RedisRateLimitStore({ url: redis.url, keyPrefix: prefix, commandTimeoutMs: 10_000 });
    stores.push(a, b);
    await Promise.all([a.ready(), b.ready()]);
    const settings = { windowMs: 60_000, ip: 0, session: 4, course: 0 };
    const replicaA = new RateLimiter({ store: a, settings });
    const replicaB = new RateLimiter({ store: b, settings });
    const verdicts = [];
    for (let i = 0; i < 6; i++)
      verdicts.push(await (i % 2 === 0 ? replicaA : replicaB).check({ session: "s-1" }));
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, true, false, false]);
    expect(verdicts[4]).toMatchObject({ scope: "session" });
  });

  it("fails open, and says so, when Redis goes away", async () => {
    const own = await startRedisServer();
    const store = new RedisRateLimitStore({ url: own.url, commandTimeoutMs: 300 });
    stores.push(store);
    await store.ready();
    const errors: unknown[] = [];
    const limiter = new RateLimiter({
      store,
      settings: { windowMs: 60_000, ip: 1, session: 0, course: 0 },
      onStoreError: (error) => errors.push(error),
    });
    expect((await limiter.check({ ip: "a" })).allowed).toBe(true);
    expect((await limiter.check({ ip: "a" })).allowed).toBe(false);
    await own.stop();
    const started = Date.now();
    expect((await limiter.check({ ip: "a" })).allowed).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    // Failing open must not mean waiting on a dead server (bounded by the command timeout).
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
