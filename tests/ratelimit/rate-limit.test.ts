import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { RateLimiter } from "../../src/ratelimit/limiter.ts";
import { MemoryRateLimitStore } from "../../src/ratelimit/memory-store.ts";
import { clientIp, rateLimit } from "../../src/surfaces/http/middleware/rate-limit.ts";
import { startSeededServer as start } from "../helpers/server.ts";
import { type RedisServer, startRedisServer } from "./redis-server.ts";

type Server = Awaited<ReturnType<typeof start>>;

/**
 * Two servers (as two replicas) sharing one real redis-server, limits on. The tutor sits behind
 * "one proxy" here (TRUST_PROXY_HOPS=1), so each scenario can speak as its own client address.
 */
describe("rate limits on the student routes", () => {
  let redis: RedisServer;
  let embeddings: SentenceEncoderEmbeddings;
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    redis = await startRedisServer();
    embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
    const env = {
      REDIS_URL: redis.url,
      TRUST_PROXY_HOPS: "1",
      RATE_LIMIT_IP: "3",
      RATE_LIMIT_SESSION: "2",
      RATE_LIMIT_COURSE: "4",
      // Ten minutes: one allowance comes back every 200 s (IP), 300 s (session), 150 s (course), far
      // longer than a slow machine takes between two requests of one test.
      RATE_LIMIT_WINDOW_MS: "600000",
      // A loaded machine can stall this process past the default 500 ms, and a check that times out
      // lets the request through, which would look like a limit not kept.
      RATE_LIMIT_STORE_TIMEOUT_MS: "10000",
    };
    a = await start(env, { overrides: { embeddings } });
    b = await start(env, { overrides: { embeddings } });
    for (const server of [a, b]) {
      for (const course of ["ip101", "ip102", "busy101", "calm101"])
        await server.tutor.db.query("INSERT INTO courses (id, title) VALUES ($1, $1)", [course]);
    }
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await embeddings?.close();
    await redis?.stop();
  });

  const post = (server: Server, route: string, body: unknown, ip: string) =>
    fetch(`${server.url.replace("localhost", "127.0.0.1")}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.77, ${ip}` },
      body: JSON.stringify(body),
    });

  it("answers 429 with Retry-After and the documented error shape once an IP has used its allowance", async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await post(a, "/v1/search", { course: "ip101", query: "drift" }, "203.0.113.1")).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await post(a, "/v1/search", { course: "ip101", query: "drift" }, "203.0.113.1");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(200);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/network address/);
    // Another client is unaffected, and routes outside the student API are never limited.
    expect((await post(a, "/v1/search", { course: "ip101", query: "drift" }, "203.0.113.99")).status).toBe(
      200,
    );
    expect((await fetch(`${a.url}/healthz`, { headers: { "x-forwarded-for": "203.0.113.1" } })).status).toBe(
      200,
    );
  });

  it("limits a conversation on its own: a new session is still served", async () => {
    const ip = "203.0.113.2";
    const first = await post(a, "/v1/chat", { message: "What is data drift?" }, ip);
    expect(first.status).toBe(200);
    const { sessionId } = (await first.json()) as { sessionId: string };
    expect((await post(a, "/v1/chat", { message: "And concept drift?", sessionId }, ip)).status).toBe(200);
    expect(
      (
        await post(
          b,
          "/v1/feedback",
          { sessionId, messageId: crypto.randomUUID(), rating: "up" },
          "203.0.113.3",
        )
      ).status,
    ).toBe(404);
    // The session's allowance (2) is used up, across both replicas and whichever address it comes from.
    const refused = await post(a, "/v1/chat", { message: "Why does it matter?", sessionId }, "203.0.113.4");
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/conversation/);
    expect((await post(a, "/v1/chat", { message: "What is data drift?" }, "203.0.113.5")).status).toBe(200);
    const metrics = await (await fetch(`${a.url}/metrics`)).text();
    expect(metrics).toMatch(/tutor_rate_limited_total\{scope="session"\} 1/);
  });

  it("limits each course separately, whoever asks", async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await post(i % 2 ? a : b, "/v1/search", { course: "busy101", query: "drift" }, `192.0.2.${i + 10}`))
          .status,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await post(a, "/v1/search", { course: "calm101", query: "drift" }, "192.0.2.50")).status).toBe(
      200,
    );
  });

  it("shares one allowance between replicas through Redis", async () => {
    const ip = "203.0.113.9";
    const statuses = [];
    for (const server of [a, b, a, b])
      statuses.push((await post(server, "/v1/search", { course: "ip102", query: "x" }, ip)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe("clientIp", () => {
  const app = (hops: number) => {
    const hono = new Hono();
    hono.get("/", (c) => c.text(clientIp(c, hops)));
    return hono;
  };
  const headers = { "x-forwarded-for": "6.6.6.6, 10.1.1.1, 10.2.2.2" };

  it("ignores X-Forwarded-For unless proxies are trusted (a client could write anything there)", async () => {
    expect(await (await app(0).request("/", { headers })).text()).toBe("unknown");
  });

  it("takes the address the last trusted proxy saw", async () => {
    expect(await (await app(1).request("/", { headers })).text()).toBe("10.2.2.2");
    expect(await (await app(2).request("/", { headers })).text()).toBe("10.1.1.1");
  });
});

describe("rateLimit middleware keys", () => {
  it("keys courses only by well-formed course ids, so made-up giants never enter the store", async () => {
    const store = new MemoryRateLimitStore();
    const limiter = new RateLimiter({
      store,
      settings: { windowMs: 60_000, ip: 100, session: 100, course: 100 },
    });
    const app = new Hono();
    app.use("*", rateLimit({ limiter, defaultCourse: "aie101", trustProxyHops: 0 }));
    app.post("/v1/search", (c) => c.text("ok"));
    const send = (body: unknown) =>
      app.request("/v1/search", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await send({ course: "x".repeat(5_000), query: "q" })).status).toBe(200);
    expect(store.size).toBe(1); // the client address only
    expect((await send({ course: "bio200", query: "q" })).status).toBe(200);
    expect((await send({ query: "q" })).status).toBe(200); // the default course
    expect(store.size).toBe(3);
    expect((await send("not an object")).status).toBe(200);
  });

  it("counts escalations against the session and polls for staff answers against the address only", async () => {
    const store = new MemoryRateLimitStore();
    const limiter = new RateLimiter({
      store,
      settings: { windowMs: 60_000, ip: 3, session: 1, course: 100 },
    });
    const app = new Hono();
    app.use("*", rateLimit({ limiter, defaultCourse: "aie101", trustProxyHops: 0 }));
    app.post("/v1/escalations", (c) => c.text("ok"));
    app.get("/v1/sessions/:id/messages", (c) => c.text("ok"));
    const session = "0b6c7f2e-3c1a-4a53-9a55-1f2a3b4c5d6e";
    const escalate = () =>
      app.request("/v1/escalations", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ sessionId: session, messageId: session }),
      });
    expect((await escalate()).status).toBe(200);
    expect((await escalate()).status).toBe(429); // the session's one request is spent
    const poll = () => app.request(`/v1/sessions/${session}/messages`);
    // The session is spent, but polls only count against the address (3, one used by the escalation
    // that was let through and one by the refused one).
    expect((await poll()).status).toBe(200);
    expect((await poll()).status).toBe(429);
  });
});
