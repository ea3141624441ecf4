import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig, packageRoot } from "../../src/app/config.ts";
import { type RunningServer, startServer } from "../../src/app/server.ts";
import { stagingCourseId } from "../../src/ingest/staging.ts";
import type { IngestSummary } from "../../src/ingest/sync.ts";
import { type FakeOpenAiServer, quoteSources, startOpenAiServer } from "../helpers/openai-server.ts";
import { type PgliteWireServer, startPgliteWireServer } from "../helpers/pg-server.ts";

type Json = Record<string, unknown>;
const COURSE = "aie101";
const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

/**
 * Faults on the real server: the database (PGlite served over the Postgres wire protocol, as a
 * server Postgres would be) goes away and comes back, the LLM (a real OpenAI-compatible HTTP
 * server) stops answering, and `tutor ingest` is killed with SIGKILL halfway through a run.
 */
describe("faults", () => {
  let database: PgliteWireServer;
  let llm: FakeOpenAiServer;
  let server: RunningServer;
  let base: string;
  const env = () => ({
    DATABASE_URL: database.url,
    PORT: "0",
    EMBED_WORKERS: "0",
    LOG_LEVEL: "silent",
    LLM_PROVIDER: "openai",
    LLM_BASE_URL: llm.url,
    LLM_MODEL: "fake-model",
    LLM_TIMEOUT_MS: "3000",
    LLM_MAX_RETRIES: "1",
    LLM_BREAKER_FAILURES: "2",
    LLM_BREAKER_COOLDOWN_MS: "1500",
    RATE_LIMIT_IP: "0",
    RATE_LIMIT_SESSION: "0",
    RATE_LIMIT_COURSE: "0",
  });
  const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    database = await startPgliteWireServer({
      maxConnections: 12,
      loadDataDir: new Blob([await readFile(inject("courseDumpPath"))]),
    });
    llm = await startOpenAiServer();
    // A grounded reply, as a well-behaved model gives: the output guardrails would refuse an invented one.
    llm.setDefault((request) => ({ kind: "reply", text: quoteSources(request, 1) }));
    server = await startServer(loadConfig(env()), { hostname: "127.0.0.1", bootstrapDefaultCourse: false });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await llm?.close();
    await database?.stop();
  });

  it("answers 503 in the documented shape while the database is unreachable, and recovers when it returns", async () => {
    expect((await post("/v1/search", { query: "model drift" })).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    await database.pause();
    for (const [route, body] of [
      ["/v1/search", { query: "what is model drift?" }],
      ["/v1/chat", { message: "what is model drift?" }],
      [
        "/v1/feedback",
        {
          sessionId: "00000000-0000-4000-8000-000000000000",
          messageId: "00000000-0000-4000-8000-000000000001",
          rating: "up",
        },
      ],
    ] as const) {
      const res = await post(route, body);
      expect(res.status, route).toBe(503);
      expect(res.headers.get("retry-after"), route).toMatch(/^\d+$/);
      expect(await res.json(), route).toEqual(errorShape);
    }
    const streamed = await post("/v1/chat", { message: "what is model drift?", stream: true });
    expect([200, 503]).toContain(streamed.status);
    if (streamed.status === 200) expect(await streamed.text()).toMatch(/event: error[\s\S]*"status":503/);
    const readiness = await fetch(`${base}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ reason: "database unreachable" });
    // Liveness is about the process, not its dependencies: no restart loop while the database is away.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await database.resume();
    await expect
      .poll(async () => (await fetch(`${base}/readyz`)).status, { timeout: 20_000, interval: 250 })
      .toBe(200);
    const search = await post("/v1/search", { query: "what is model drift?" });
    expect(search.status).toBe(200);
    expect(((await search.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
    const chat = await post("/v1/chat", { message: "What is model drift?" });
    expect(chat.status).toBe(200);
  });

  it("answers from the material, marked degraded, while the LLM is down, and uses it again once it is back", async () => {
    const question = { message: "What is model drift and how do I detect it?" };
    const calls = llm.callCount;
    const healthy = (await (await post("/v1/chat", question)).json()) as Json;
    expect(healthy).toMatchObject({ status: "answered" });
    expect(healthy.degraded).toBeUndefined();
    expect(llm.callCount).toBe(calls + 1);

    const port = llm.port;
    await llm.close();
    for (let i = 0; i < 3; i++) {
      const res = await post("/v1/chat", question);
      expect(res.status).toBe(200);
      const body = (await res.json()) as Json & { citations: unknown[] };
      expect(body).toMatchObject({ status: "answered", degraded: true });
      expect(body.citations.length).toBeGreaterThan(0);
    }
    // Streaming degrades the same way, with no error event.
    const streamed = await (await post("/v1/chat", { ...question, stream: true })).text();
    expect(streamed).not.toContain("event: error");
    const done = /event: done\ndata: (.*)\n/.exec(streamed)?.[1];
    expect(JSON.parse(done ?? "{}")).toMatchObject({ status: "answered", degraded: true });

    llm = await startOpenAiServer(port);
    llm.setDefault((request) => ({ kind: "reply", text: quoteSources(request, 1) }));
    await expect
      .poll(async () => ((await (await post("/v1/chat", question)).json()) as Json).degraded, {
        timeout: 15_000,
        interval: 500,
      })
      .toBeUndefined();
  });

  it("keeps the previous version intact when `tutor ingest` is killed with SIGKILL, and the next run resumes", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "tutor-kill-"));
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const liveState = async () => {
      const { rows } = await client.query<{ version: string; chunks: number; ids: string }>(
        `SELECT (SELECT version::text FROM courses WHERE id = $1) AS version,
                (SELECT count(*)::int FROM chunks WHERE course_id = $1) AS chunks,
                (SELECT md5(string_agg(id::text || ':' || content_hash, ',' ORDER BY id)) FROM chunks WHERE course_id = $1) AS ids`,
        [COURSE],
      );
      return rows[0];
    };
    const stagedCount = async () =>
      (
        await client.query<{ n: number }>("SELECT count(*)::int AS n FROM documents WHERE course_id = $1", [
          stagingCourseId(COURSE),
        ])
      ).rows[0]?.n ?? 0;
    try {
      // The next version: the bundled course plus 60 new short handouts.
      await cp(path.join(packageRoot, "corpus"), folder, { recursive: true });
      for (let i = 0; i < 60; i++) {
        await writeFile(
          path.join(folder, `handout-${String(i).padStart(2, "0")}.md`),
          `# Handout ${i}: lab checklist\n\nLab station ${i} uses rubric code QX${1000 + i}. Bring the signed checklist number ${i * 7} to the session.\n`,
        );
      }
      const before = await liveState();
      const served = async (query: string) =>
        (
          (await (await post("/v1/search", { query, k: 3 })).json()) as { results: { source: string }[] }
        ).results.map((r) => r.source);
      expect(await served("rubric code QX1003 lab station")).not.toContain("handout-03.md");

      const ingest = (): ChildProcess =>
        spawn(
          process.execPath,
          [path.join(packageRoot, "bin", "tutor.js"), "ingest", folder, "--course", COURSE, "--json"],
          {
            env: { ...process.env, ...env(), EMBED_WORKERS: "1" },
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
      const exited = (child: ChildProcess) =>
        new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
          child.once("exit", (code, signal) => resolve({ code, signal })),
        );

      const victim = ingest();
      let victimErr = "";
      victim.stderr?.on("data", (piece: Buffer) => {
        victimErr += piece.toString();
      });
      let victimGone = false;
      const victimExit = exited(victim).then((exit) => {
        victimGone = true;
        return exit;
      });
      // Kill it while it is writing: some documents staged, the rest not yet. Polled sparingly: the
      // wire server shares one PGlite session between connections, and a query of ours arriving between
      // the ingestion's Parse and Bind replaces its unnamed statement (pglite-socket issue #1046), so
      // each poll is a chance to break the run under test.
      const deadline = Date.now() + 150_000;
      while (!victimGone && Date.now() < deadline && (await stagedCount()) < 5) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(victimGone, `tutor ingest ended on its own before it could be killed:\n${victimErr}`).toBe(
        false,
      );
      victim.kill("SIGKILL");
      expect((await victimExit).signal).toBe("SIGKILL");
      const leftBehind = await stagedCount();
      expect(leftBehind).toBeGreaterThanOrEqual(5);
      expect(leftBehind).toBeLessThan(60);

      // The previous version is intact and still served.
      expect(await liveState()).toEqual(before);
      expect(await served("rubric code QX1003 lab station")).not.toContain("handout-03.md");

      // The next run publishes what was staged, writes the rest and bumps the version once.
      const survivor = ingest();
      let output = "";
      let survivorErr = "";
      survivor.stdout?.on("data", (piece: Buffer) => {
        output += piece.toString();
      });
      survivor.stderr?.on("data", (piece: Buffer) => {
        survivorErr += piece.toString();
      });
      const result = await exited(survivor);
      expect(result.code, survivorErr).toBe(0);
      const summary = JSON.parse(output.trim().split("\n").at(-1) ?? "{}") as IngestSummary;
      expect(summary).toMatchObject({ added: 60, updated: 0, removed: 0 });
      expect(summary.resumed).toBe(leftBehind);
      // Embeddings were computed (and cached) before the kill: nothing goes through the model again.
      expect(summary.embedded).toBe(0);
      const after = await liveState();
      expect(Number(after?.version)).toBe(Number(before?.version) + 1);
      expect(after?.chunks).toBe((before?.chunks ?? 0) + 60);
      expect(await stagedCount()).toBe(0);
      // The running API replica notices the new version and serves the new material.
      await expect
        .poll(() => served("rubric code QX1003 lab station"), { timeout: 10_000, interval: 250 })
        .toContain("handout-03.md");
    } finally {
      await client.end();
      await rm(folder, { recursive: true, force: true });
    }
  }, 240_000);
});
