import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../../src/app/config.ts";
import type { RunningServer } from "../../../src/app/server.ts";
import { startSeededServer } from "../../helpers/server.ts";

type Json = Record<string, unknown>;

describe("HTTP API (app.request against the real wiring)", () => {
  let server: RunningServer;
  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    server.app.request(route, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: "test-admin-token" });
  });
  afterAll(() => server.close());

  it("reports health and readiness", async () => {
    expect(await (await server.app.request("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await server.app.request("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("answers a course question with citations whose sources exist in corpus/", async () => {
    const res = await post("/v1/chat", { message: "What is model drift and how do I detect it?" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json & { citations: { n: number; source: string; snippet: string }[] };
    expect(body.status).toBe("answered");
    expect(body.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.citations.length).toBeGreaterThan(0);
    for (const c of body.citations) {
      expect(existsSync(path.join(packageRoot, "corpus", c.source))).toBe(true);
      expect(body.answer).toContain(`[${c.n}]`);
    }
    expect(body.timings).toMatchObject({ retrieve: expect.any(Number), answer: expect.any(Number) });
  });

  it("says no_answer for an off-course question", async () => {
    const body = (await (await post("/v1/chat", { message: "best lasagna recipe?" })).json()) as Json;
    expect(body.status).toBe("no_answer");
  });

  it("continues a session and keeps sessions apart", async () => {
    const first = (await (await post("/v1/chat", { message: "what is BM25?" })).json()) as Json;
    const second = (await (
      await post("/v1/chat", { message: "and TF-IDF?", sessionId: first.sessionId })
    ).json()) as Json;
    expect(second.sessionId).toBe(first.sessionId);
    const forged = (await (
      await post("/v1/chat", { message: "hi", sessionId: "not-a-uuid" })
    ).json()) as Json;
    expect(forged.sessionId).not.toBe("not-a-uuid");
  });

  it("streams the same answer as server-sent events", async () => {
    const res = await post("/v1/chat", { message: "What is a circuit breaker?", stream: true });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const text = await res.text();
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({
      event: m[1],
      data: JSON.parse(m[2] as string),
    }));
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("meta");
    expect(names.filter((n) => n === "token").length).toBeGreaterThan(2);
    expect(names.slice(-2)).toEqual(["citations", "done"]);
    const done = events.at(-1)?.data as Json & { answer: string };
    const streamed = events
      .filter((e) => e.event === "token")
      .map((e) => e.data.text)
      .join("");
    expect(streamed).toBe(done.answer);
    expect(events[0]?.data.sessionId).toBe(done.sessionId);
  });

  it("also streams when the client asks for text/event-stream", async () => {
    const res = await post("/v1/chat", { message: "what is TF-IDF?" }, { accept: "text/event-stream" });
    expect(await res.text()).toContain("event: done");
  });

  it("searches with per-retriever scores and filters", async () => {
    const res = await post("/v1/search", { query: "HNSW ef_search", k: 3, filters: { week: 6 } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Json[]; timings: Json };
    expect(body.results).toHaveLength(3);
    for (const r of body.results) {
      expect(r).toMatchObject({
        chunkId: expect.any(String),
        source: expect.any(String),
        text: expect.any(String),
      });
      expect(r.scores).toBeTypeOf("object");
      expect((r.week as number | null) ?? 0).toBeLessThanOrEqual(6);
    }
    expect(body.timings.total).toBeTypeOf("number");
  });

  it("stores feedback against a message and rejects feedback for unknown messages", async () => {
    const answer = (await (await post("/v1/chat", { message: "what is overfitting?" })).json()) as Json;
    const ok = await post("/v1/feedback", {
      sessionId: answer.sessionId,
      messageId: answer.messageId,
      rating: "up",
    });
    expect(ok.status).toBe(200);
    const { rows } = await server.tutor.db.query<{ rating: string }>(
      "SELECT rating FROM feedback WHERE message_id = $1",
      [answer.messageId as string],
    );
    expect(rows).toEqual([{ rating: "up" }]);
    const wrongSession = await post("/v1/feedback", {
      sessionId: "00000000-0000-4000-8000-000000000000",
      messageId: answer.messageId,
      rating: "down",
    });
    expect(wrongSession.status).toBe(404);
  });

  describe("bad input gets a clear 4xx in the documented shape", () => {
    const expectError = async (res: Response, status: number, code?: string) => {
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message.length).toBeGreaterThan(5);
      if (code) expect(body.error.code).toBe(code);
    };

    it("malformed JSON → 400", async () =>
      expectError(await post("/v1/chat", "{not json"), 400, "invalid_json"));
    it("empty body → 400", async () => expectError(await post("/v1/search", ""), 400, "invalid_json"));
    it("a JSON array instead of an object → 400", async () =>
      expectError(await post("/v1/chat", "[1,2]"), 400));
    it("wrong types → 400 naming the field", async () => {
      const res = await post("/v1/search", { query: 42, k: "five" });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/query/);
    });
    it("k out of range → 400", async () =>
      expectError(await post("/v1/search", { query: "x", k: 1000 }), 400));
    it("unknown filter → 400", async () =>
      expectError(await post("/v1/search", { query: "x", filters: { term: 3 } }), 400));
    it("empty message → 400", async () => expectError(await post("/v1/chat", { message: "" }), 400));
    it("bad feedback rating → 400", async () =>
      expectError(await post("/v1/feedback", { sessionId: "a", messageId: "b", rating: "meh" }), 400));
    it("unknown course → 404", async () =>
      expectError(
        await post("/v1/chat", { course: "no-such-course", message: "hello there" }),
        404,
        "unknown_course",
      ));
    it("invalid course id → 400", async () =>
      expectError(await post("/v1/search", { course: "../etc", query: "x" }), 400));
    it("body over 64 KiB → 413", async () =>
      expectError(await post("/v1/chat", { message: "a".repeat(70 * 1024) }), 413, "payload_too_large"));
    it("unknown route → 404", async () =>
      expectError(await server.app.request("/v2/nothing"), 404, "not_found"));
    it("admin routes without a token → 401, with a wrong one → 403", async () => {
      await expectError(await server.app.request("/admin/courses"), 401);
      await expectError(
        await server.app.request("/admin/courses", { headers: { authorization: "Bearer nope" } }),
        403,
      );
      const ok = await server.app.request("/admin/courses", {
        headers: { authorization: "Bearer test-admin-token" },
      });
      expect(ok.status).toBe(200);
    });
  });
});

describe("when the database goes away", () => {
  it("answers 503 in the documented shape, and readiness fails", async () => {
    const server = await startSeededServer();
    try {
      await server.tutor.db.close();
      const res = await server.app.request("/v1/search", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "drift" }),
      });
      // The indexes may still be cached; the vector search needs the database.
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unavailable");
      expect((await server.app.request("/readyz")).status).toBe(503);
    } finally {
      await server.close().catch(() => {});
    }
  });
});
