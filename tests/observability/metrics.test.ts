import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer } from "../helpers/server.ts";
import { sample } from "./prom-text.ts";

/**
 * The real server with an LLM configured at an address where nothing listens: every LLM call
 * fails for real (connection refused), the breaker opens after one failure, answers degrade.
 */
describe("GET /metrics", () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let folder: string;
  let deadPort: number;

  beforeAll(async () => {
    // Reserve a port, then free it: nothing listens there afterwards.
    const probe: Server = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    deadPort = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    server = await startSeededServer({
      ADMIN_TOKEN: "metrics-admin-token-123",
      LLM_PROVIDER: "openai",
      LLM_BASE_URL: `http://127.0.0.1:${deadPort}/v1`,
      LLM_MODEL: "tiny",
      LLM_API_KEY: "sk-test",
      LLM_MAX_RETRIES: "0",
      LLM_BREAKER_FAILURES: "1",
      LLM_BREAKER_COOLDOWN_MS: "600000",
    });
    folder = await mkdtemp(path.join(tmpdir(), "metrics-course-"));
    await writeFile(
      path.join(folder, "notes.md"),
      "# Tide pools\n\nTide pools hold anemones, limpets and sea stars between the high and low water marks.\n",
    );
  });
  afterAll(async () => {
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const url = (route: string) => `${server.url}${route}`;
  const chat = (message: string) =>
    fetch(url("/v1/chat"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message }),
    });
  const metrics = async () => {
    const response = await fetch(url("/metrics"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it("counts requests by route pattern, answers by status, stage latencies and guardrail hits", async () => {
    const answered = (await (await chat("What is data drift and how do I detect it?")).json()) as {
      status: string;
      degraded?: boolean;
    };
    expect(answered.status).toBe("answered");
    const refused = (await (await chat(`Explain ${"overfitting ".repeat(300)}`)).json()) as {
      status: string;
    };
    expect(refused.status).toBe("refused");
    await fetch(url("/v1/search"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "drift" }),
    });
    await fetch(url("/no/such/route"));
    await fetch(url("/admin/courses/aie101/stats"), {
      headers: { authorization: "Bearer metrics-admin-token-123" },
    });

    const text = await metrics();
    expect(
      sample(text, "tutor_http_request_duration_seconds_count", {
        method: "POST",
        route: "/v1/chat",
        status: "200",
      }),
    ).toBe(2);
    expect(
      sample(text, "tutor_http_request_duration_seconds_count", { route: "/v1/search", status: "200" }),
    ).toBe(1);
    expect(
      sample(text, "tutor_http_request_duration_seconds_count", { route: "unmatched", status: "404" }),
    ).toBe(1);
    // Patterns, never raw paths: the course id stays out of the label.
    expect(
      sample(text, "tutor_http_request_duration_seconds_count", {
        route: "/admin/courses/:id/stats",
        status: "200",
      }),
    ).toBe(1);
    expect(text).not.toMatch(/route="\/admin\/courses\/aie101/);

    expect(
      sample(text, "tutor_answers_total", { course: "aie101", status: "answered", degraded: "true" }),
    ).toBe(1);
    expect(sample(text, "tutor_answers_total", { course: "aie101", status: "refused" })).toBe(1);
    for (const stage of ["guard", "retrieve", "answer", "total"]) {
      expect(
        sample(text, "tutor_pipeline_stage_duration_seconds_count", { stage }),
        stage,
      ).toBeGreaterThanOrEqual(1);
    }
    // The refused question never reached retrieval: one retrieve sample, two guard samples.
    expect(sample(text, "tutor_pipeline_stage_duration_seconds_count", { stage: "retrieve" })).toBe(1);
    expect(sample(text, "tutor_pipeline_stage_duration_seconds_count", { stage: "guard" })).toBe(2);
    expect(
      sample(text, "tutor_guardrail_hits_total", { stage: "input", rule: "input.size", action: "refuse" }),
    ).toBe(1);
    // Process metrics come along (memory for the load test's bound, event-loop lag).
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("reports the loaded courses' search indexes against their memory budget", async () => {
    // The questions above loaded the course's indexes.
    const text = await metrics();
    expect(sample(text, "tutor_search_index_courses")).toBe(1);
    expect(sample(text, "tutor_search_index_bytes")).toBeGreaterThan(1_000_000);
    expect(sample(text, "tutor_search_index_budget_bytes")).toBe(768 * 2 ** 20);
    expect(sample(text, "tutor_search_index_evictions_total")).toBe(0);
  });

  it("counts LLM failures by kind and shows the breaker's state", async () => {
    const text = await metrics();
    // The answered question above went to the dead LLM: refused connection, breaker opened.
    expect(sample(text, "tutor_llm_errors_total", { kind: "connection" })).toBe(1);
    expect(sample(text, "tutor_llm_breaker_state", { state: "open" })).toBe(1);
    expect(sample(text, "tutor_llm_breaker_state", { state: "closed" })).toBe(0);
    expect(sample(text, "tutor_llm_breaker_transitions_total", { to: "open" })).toBe(1);

    const next = (await (await chat("How do I detect concept drift in production?")).json()) as {
      status: string;
      degraded?: boolean;
    };
    expect(next).toMatchObject({ status: "answered", degraded: true });
    const after = await metrics();
    expect(sample(after, "tutor_llm_errors_total", { kind: "circuit_open" })).toBe(1);
    expect(sample(after, "tutor_llm_calls_total", { outcome: "rejected" })).toBe(1);
  });

  it("counts ingestion runs by course, trigger and outcome", async () => {
    const response = await fetch(url("/admin/ingest"), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer metrics-admin-token-123" },
      body: JSON.stringify({ course: "tide101", dir: folder }),
    });
    expect(response.status).toBe(200);
    const text = await metrics();
    expect(
      sample(text, "tutor_ingestion_runs_total", {
        course: "tide101",
        trigger: "folder",
        outcome: "succeeded",
      }),
    ).toBe(1);
    expect(
      sample(text, "tutor_ingestion_duration_seconds_count", { trigger: "folder", outcome: "succeeded" }),
    ).toBe(1);
    expect(
      sample(text, "tutor_ingestion_last_success_timestamp_seconds", { course: "tide101" }),
    ).toBeGreaterThan(Date.now() / 1000 - 600);
  });
});

describe("GET /metrics with METRICS_TOKEN", () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  beforeAll(async () => {
    server = await startSeededServer({ METRICS_TOKEN: "scrape-secret-456" });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("asks scrapers for the token", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong-secret-456" } }))
        .status,
    ).toBe(403);
    const ok = await fetch(`${server.url}/metrics`, {
      headers: { authorization: "Bearer scrape-secret-456" },
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("tutor_http_request_duration_seconds");
  });
});
