import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { type RunningServer, startServer } from "../../src/app/server.ts";
import { type FakeOpenAiServer, quoteSources, startOpenAiServer } from "../helpers/openai-server.ts";
import { type PgliteWireServer, startPgliteWireServer } from "../helpers/pg-server.ts";

/** Reads server-sent events as they arrive. */
async function* sseEvents(body: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffer += decoder.decode(read.value, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6))
        .join("\n");
      yield { event, data };
      end = buffer.indexOf("\n\n");
    }
  }
}

describe("graceful shutdown of the real server (pg over the wire, LLM streaming slowly)", () => {
  let database: PgliteWireServer;
  let llm: FakeOpenAiServer;
  let server: RunningServer;

  beforeAll(async () => {
    database = await startPgliteWireServer({
      maxConnections: 8,
      loadDataDir: new Blob([await readFile(inject("courseDumpPath"))]),
    });
    llm = await startOpenAiServer();
    // A grounded reply (the output guardrails refuse invented ones), trickled word by word over a
    // few seconds: long enough to shut down in the middle of the stream.
    llm.setDefault((request) => ({ kind: "reply", text: quoteSources(request, 2), tokenDelayMs: 80 }));
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: "0",
      EMBED_WORKERS: "0",
      LLM_PROVIDER: "openai",
      LLM_BASE_URL: llm.url,
      LLM_MODEL: "fake-model",
      SHUTDOWN_DELAY_MS: "600",
      SHUTDOWN_GRACE_MS: "20000",
      LOG_LEVEL: "silent",
    });
    server = await startServer(config, { hostname: "127.0.0.1", bootstrapDefaultCourse: false });
  });
  afterAll(async () => {
    await server?.close();
    await llm?.close();
    await database?.stop();
  });

  it("reports not-ready, finishes the open SSE stream, stops listening, then closes the database", async () => {
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(database.activeConnections()).toBeGreaterThan(0);

    const response = await fetch(`${base}/v1/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ message: "What is model drift and how do I detect it?" }),
    });
    expect(response.status).toBe(200);
    const events = sseEvents(response.body as ReadableStream<Uint8Array>);
    const seen: { event: string; data: string }[] = [];
    // Read by hand: leaving a for-await loop early would cancel the response body.
    for (let next = await events.next(); !next.done; next = await events.next()) {
      seen.push(next.value);
      if (next.value.event === "token") break;
    }

    let closedAt = Number.POSITIVE_INFINITY;
    const closeStartedAt = performance.now();
    const closing = server.close().then(() => {
      closedAt = performance.now();
    });

    // During the delay the server still answers, and says it is draining.
    const readiness = await fetch(`${base}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toMatchObject({ status: "not_ready", reason: "draining" });

    for (let next = await events.next(); !next.done; next = await events.next()) seen.push(next.value);
    const names = seen.map((e) => e.event);
    expect(names).not.toContain("error");
    expect(names.at(-1)).toBe("done");
    const done = JSON.parse(seen.at(-1)?.data ?? "{}") as {
      status: string;
      degraded?: boolean;
      answer: string;
    };
    expect(done.status).toBe("answered");
    expect(done.degraded).toBeUndefined();
    expect(done.answer.split(" ").length).toBeGreaterThan(10);
    // The model's reply ended while the server was closing, and the close waited for it.
    const modelAnsweredAt = llm.requests.at(-1)?.answeredAt ?? Number.POSITIVE_INFINITY;

    // After the delay nothing new gets in, while the stream above was still being written.
    await new Promise((resolve) => setTimeout(resolve, 700));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();

    await closing;
    expect(modelAnsweredAt).toBeGreaterThan(closeStartedAt);
    expect(closedAt).toBeGreaterThanOrEqual(modelAnsweredAt);
    // The pool is closed: the database sees no client connections any more.
    await expect.poll(() => database.activeConnections(), { timeout: 5_000 }).toBe(0);
  });
});
