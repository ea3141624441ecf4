import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.ts";
import { createTelemetry } from "../../src/observability/telemetry.ts";
import { startSeededServer } from "../helpers/server.ts";

interface LogLine {
  level: string;
  time: string;
  requestId?: string;
  event?: string;
  [key: string]: unknown;
}

describe("structured logs", () => {
  const raw: string[] = [];
  let server: Awaited<ReturnType<typeof startSeededServer>>;

  beforeAll(async () => {
    const logger = createLogger({ level: "debug", destination: { write: (line: string) => raw.push(line) } });
    server = await startSeededServer({}, { overrides: { telemetry: createTelemetry({ logger }) } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const lines = () =>
    raw.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((line) => JSON.parse(line) as LogLine);

  const secretQuestion =
    "My email is jane.doe@example.edu and my phone is +1 415 555 0134: what is the zebrafish gradient rule?";

  it("writes JSON lines that all carry a request id; a request's lines carry its id", async () => {
    const before = raw.length;
    const response = await fetch(`${server.url}/v1/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-abc-12345" },
      body: JSON.stringify({ message: secretQuestion }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("trace-abc-12345");
    const reply = (await response.json()) as { status: string };

    const all = lines();
    expect(all.length).toBeGreaterThan(0);
    for (const line of all) {
      expect(typeof line.requestId, JSON.stringify(line)).toBe("string");
      expect(line.level).toMatch(/^(trace|debug|info|warn|error|fatal)$/);
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    }
    const mine = lines()
      .slice(before)
      .filter((line) => line.requestId === "trace-abc-12345");
    const events = mine.map((line) => line.event);
    expect(events).toContain("http.request");
    expect(events).toContain("chat.answer");
    const answer = mine.find((line) => line.event === "chat.answer") as LogLine;
    expect(answer).toMatchObject({ course: "aie101", status: reply.status });
    expect(answer.timings).toMatchObject({ total: expect.any(Number) });
    const access = mine.find((line) => line.event === "http.request") as LogLine;
    expect(access).toMatchObject({ method: "POST", route: "/v1/chat", status: 200 });
  });

  it("never writes what the student typed, nor their email or phone number", async () => {
    const text = raw.join("");
    expect(text).not.toContain("jane.doe");
    expect(text).not.toContain("555 0134");
    expect(text).not.toContain("zebrafish");
    expect(text.toLowerCase()).not.toContain("gradient rule");
  });

  it("keeps the request id on lines written while an SSE answer streams", async () => {
    const response = await fetch(`${server.url}/v1/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "stream-req-67890" },
      body: JSON.stringify({ message: "What is a feature store?", stream: true }),
    });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(await response.text()).toContain("event: done");
    await expect
      .poll(() =>
        lines()
          .filter((line) => line.requestId === "stream-req-67890")
          .map((line) => line.event),
      )
      .toContain("chat.answer");
  });

  it("gives each request its own id when the caller sends none", async () => {
    const before = raw.length;
    const responses = await Promise.all(
      [1, 2].map(() =>
        fetch(`${server.url}/v1/search`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "feature stores" }),
        }),
      ),
    );
    const ids = responses.map((r) => r.headers.get("x-request-id"));
    expect(new Set(ids).size).toBe(2);
    const access = lines()
      .slice(before)
      .filter((line) => line.event === "http.request");
    expect(access.map((line) => line.requestId).sort()).toEqual([...ids].sort());
  });
});
