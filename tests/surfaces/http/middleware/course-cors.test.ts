import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OriginPolicy } from "../../../../src/courses/origin-policy.ts";
import type { Db } from "../../../../src/db/db.ts";
import { courseCors } from "../../../../src/surfaces/http/middleware/course-cors.ts";
import { openEmptyDb } from "../../../helpers/db.ts";

const LMS = "https://lms.example.edu";
const ML_SITE = "https://ml200.example.edu";
const EVIL = "https://evil.example";
const SESSION = "0b6c7f2e-3c1a-4a53-9a55-1f2a3b4c5d6e";

let db: Db;
let app: Hono;
let handled: string[] = [];

beforeAll(async () => {
  db = await openEmptyDb();
  await db.query("INSERT INTO courses (id) VALUES ('aie101'), ('ml200')");
  await db.query("INSERT INTO sessions (id, course_id) VALUES ($1, 'ml200')", [SESSION]);
  const policy = new OriginPolicy({ db, defaults: [LMS] });
  await policy.update("ml200", [ML_SITE]);
  app = new Hono();
  app.use(
    "*",
    courseCors({
      allows: (course, origin) => policy.allows(course, origin),
      defaultCourse: "aie101",
      publicBaseUrl: "https://tutor.example.edu",
      db,
    }),
  );
  // Stand-in handlers that record what reached them; the real routes read the same cached body.
  app.post("/v1/chat", async (c) => {
    const body = JSON.parse(await c.req.text()) as { stream?: boolean; course?: string };
    handled.push(`chat:${body.course ?? "default"}`);
    if (body.stream) return streamSSE(c, (stream) => stream.writeSSE({ event: "done", data: "{}" }));
    return c.json({ ok: true });
  });
  app.post("/v1/feedback", (c) => {
    handled.push("feedback");
    return c.json({ status: "recorded" });
  });
  app.post("/v1/search", (c) => {
    handled.push("search");
    return c.json({ results: [] });
  });
  app.post("/v1/escalations", (c) => {
    handled.push("escalations");
    return c.json({ escalation: {} }, 201);
  });
  app.get("/v1/sessions/:id/messages", (c) => {
    handled.push(`messages:${c.req.param("id")}`);
    return c.json({ messages: [] });
  });
  app.get("/healthz", (c) => c.json({ status: "ok" }));
});

afterAll(async () => db.close());
beforeEach(() => {
  handled = [];
});

const post = (path: string, body: unknown, origin?: string, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(origin ? { origin } : {}), ...headers },
    body: JSON.stringify(body),
  });

const preflight = (path: string, origin: string, requestHeaders = "content-type") =>
  app.request(path, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": requestHeaders,
    },
  });

describe("courseCors", () => {
  it("lets requests without an Origin and from the tutor's own pages through untouched", async () => {
    const plain = await post("/v1/chat", { message: "q" });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    const own = await post("/v1/chat", { message: "q" }, "https://tutor.example.edu");
    expect(own.status).toBe(200);
    const sameHost = await post("/v1/chat", { message: "q" }, "http://localhost", { host: "localhost" });
    expect(sameHost.status).toBe(200);
    expect(handled).toEqual(["chat:default", "chat:default", "chat:default"]);
  });

  it("answers an allowed origin with its CORS headers, streams included", async () => {
    const json = await post("/v1/chat", { message: "q" }, LMS);
    expect(json.status).toBe(200);
    expect(json.headers.get("access-control-allow-origin")).toBe(LMS);
    expect(json.headers.get("vary")).toContain("Origin");
    expect(json.headers.get("access-control-expose-headers")).toContain("Retry-After");
    const stream = await post("/v1/chat", { message: "q", stream: true }, LMS);
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    expect(stream.headers.get("access-control-allow-origin")).toBe(LMS);
    expect(await stream.text()).toContain("event: done");
    const search = await post("/v1/search", { query: "drift" }, LMS);
    expect(search.headers.get("access-control-allow-origin")).toBe(LMS);
  });

  it("refuses other origins with 403 before the route does any work", async () => {
    for (const path of ["/v1/chat", "/v1/search", "/v1/feedback"]) {
      const response = await post(path, { message: "q", query: "q" }, EVIL);
      expect(response.status, path).toBe(403);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("origin_not_allowed");
    }
    // Browsers send text/plain POSTs without a preflight; they are refused all the same.
    const simple = await app.request("/v1/chat", {
      method: "POST",
      headers: { origin: EVIL, "content-type": "text/plain" },
      body: JSON.stringify({ message: "q" }),
    });
    expect(simple.status).toBe(403);
    expect(handled).toEqual([]);
  });

  it("judges preflights by the course in the query string and allows only the widget's headers", async () => {
    const ok = await preflight("/v1/chat?course=ml200", ML_SITE, "Content-Type, X-Tutor-Surface, X-Evil");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ML_SITE);
    expect(ok.headers.get("access-control-allow-methods")).toBe("GET, POST, OPTIONS");
    expect(ok.headers.get("access-control-allow-headers")).toBe("content-type, x-tutor-surface");
    expect(ok.headers.get("access-control-max-age")).toBe("600");
    // ml200 has its own list, so the deployment default (LMS) does not apply to it.
    expect((await preflight("/v1/chat?course=ml200", LMS)).status).toBe(403);
    expect((await preflight("/v1/chat", LMS)).status).toBe(204);
    expect((await preflight("/v1/chat", ML_SITE)).status).toBe(403);
  });

  it("uses the course the route will use, so the query string cannot stand in for the body", async () => {
    expect((await post("/v1/chat?course=ml200", { course: "ml200", message: "q" }, ML_SITE)).status).toBe(
      200,
    );
    // No course in the body means the default course, whatever the query says.
    expect((await post("/v1/chat?course=ml200", { message: "q" }, ML_SITE)).status).toBe(403);
    expect((await post("/v1/chat", { course: "aie101", message: "q" }, ML_SITE)).status).toBe(403);
    expect(handled).toEqual(["chat:ml200"]);
  });

  it("finds a feedback request's course from its session", async () => {
    const feedback = { sessionId: SESSION, messageId: SESSION, rating: "up" };
    expect((await post("/v1/feedback?course=aie101", feedback, ML_SITE)).status).toBe(200);
    expect((await post("/v1/feedback?course=ml200", feedback, LMS)).status).toBe(403);
    expect((await post("/v1/feedback", { ...feedback, sessionId: "not-a-uuid" }, LMS)).status).toBe(200);
    expect(handled).toEqual(["feedback", "feedback"]);
  });

  it("leaves other routes alone", async () => {
    const health = await app.request("/healthz", { headers: { origin: EVIL } });
    expect(health.status).toBe(200);
  });

  it("judges escalations and a session's messages by the session's course", async () => {
    // The session belongs to ml200: its own site may escalate and poll, the default list may not.
    const escalated = await post("/v1/escalations", { sessionId: SESSION, messageId: SESSION }, ML_SITE);
    expect(escalated.status).toBe(201);
    expect(escalated.headers.get("access-control-allow-origin")).toBe(ML_SITE);
    expect((await post("/v1/escalations", { sessionId: SESSION, messageId: SESSION }, LMS)).status).toBe(403);
    const poll = (origin: string) =>
      app.request(`/v1/sessions/${SESSION}/messages?course=aie101`, { headers: { origin } });
    const allowed = await poll(ML_SITE);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ML_SITE);
    // The query string cannot stand in for the session's own course.
    expect((await poll(LMS)).status).toBe(403);
    expect(handled).toEqual(["escalations", `messages:${SESSION}`]);
  });
});
