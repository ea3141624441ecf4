import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../../src/app/config.ts";
import type { RunningServer } from "../../../src/app/server.ts";
import { type FakeOpenAiServer, quoteSources, startOpenAiServer } from "../../helpers/openai-server.ts";
import { startSeededServer } from "../../helpers/server.ts";

/**
 * The "done when", over real HTTP: the API started with LLM_PROVIDER=openai and
 * LLM_BASE_URL pointing at a compatible server answers /v1/chat through the LLM with valid
 * citations (JSON and SSE); once that server is stopped, answers arrive degraded, within the
 * deadline, instead of failing.
 */
const DEADLINE_MS = 6_000;
let llm: FakeOpenAiServer;
let api: RunningServer;
let base: string;

interface ChatReply {
  sessionId: string;
  status: string;
  answer: string;
  degraded?: boolean;
  citations: { n: number; source: string; snippet: string }[];
}

beforeAll(async () => {
  llm = await startOpenAiServer();
  llm.setDefault((request) => ({ kind: "reply", text: quoteSources(request), tokenDelayMs: 15 }));
  api = await startSeededServer({
    LLM_PROVIDER: "openai",
    LLM_BASE_URL: llm.url,
    LLM_MODEL: "fake-model",
    LLM_TIMEOUT_MS: "10000",
    CHAT_DEADLINE_MS: String(DEADLINE_MS),
  });
  base = `http://127.0.0.1:${api.port}`;
  // Warm every cache on the answer path (indexes, topic centroid) so a cold start on a busy
  // machine does not use up the deadline the tests below measure.
  await chat({ message: "What is model drift and how do I detect it?" });
});
afterAll(async () => {
  await api?.close();
  await llm?.close();
});

async function chat(body: Record<string, unknown>): Promise<ChatReply> {
  const res = await fetch(`${base}/v1/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ChatReply;
}

async function chatStream(body: Record<string, unknown>) {
  const res = await fetch(`${base}/v1/chat`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ ...body, stream: true }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
  const events: { event: string; data: unknown; at: number }[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(part, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(block)?.[1];
      events.push({ event, data: data ? JSON.parse(data) : null, at: performance.now() });
      end = buffer.indexOf("\n\n");
    }
  }
  return events;
}

function expectValidCitations(reply: ChatReply) {
  expect(reply.citations.length).toBeGreaterThan(0);
  for (const citation of reply.citations) {
    expect(reply.answer).toContain(`[${citation.n}]`);
    expect(existsSync(path.join(packageRoot, "corpus", citation.source))).toBe(true);
  }
  for (const match of reply.answer.matchAll(/\[(\d+)\]/g)) {
    expect(reply.citations.some((c) => c.n === Number(match[1]))).toBe(true);
  }
}

describe("/v1/chat with an OpenAI-compatible LLM", () => {
  it("answers through the LLM with valid citations", async () => {
    const before = llm.callCount;
    const reply = await chat({ message: "What is model drift and how do I detect it?" });
    expect(llm.callCount).toBe(before + 1);
    expect(reply.status).toBe("answered");
    expect(reply.degraded).toBeUndefined();
    expectValidCitations(reply);
    // The text is the model's (each sentence quotes a numbered source), not the extractive answer.
    const prompt = String(llm.requests.at(-1)!.body.messages.at(-1)?.content);
    const firstCitedSentence = reply.answer.split(" [1].")[0]!;
    expect(prompt).toContain(firstCitedSentence);
  });

  it("streams the LLM's reply as SSE events sentence by sentence, before the final event", async () => {
    const events = await chatStream({ message: "How do I detect model drift in production?" });
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("meta");
    expect(names.at(-1)).toBe("done");
    expect(names.at(-2)).toBe("citations");
    const tokens = events.filter((e) => e.event === "token");
    // The output guard vets the stream a sentence at a time: one token event per sentence.
    expect(tokens.length).toBe((events.at(-1)!.data as ChatReply).answer.match(/\]\./g)?.length);
    const done = events.at(-1)!.data as ChatReply;
    expect(done.status).toBe("answered");
    expect(tokens.map((t) => (t.data as { text: string }).text).join("")).toBe(done.answer);
    expectValidCitations(done);
    // The model trickled its reply (15 ms a piece): the first token reached us well before the end.
    expect(events.at(-1)!.at - tokens[0]!.at).toBeGreaterThan(50);
  });

  it("streams only what the output guard passes: no leaked prompt or personal data over SSE", async () => {
    const grounded = (request: Parameters<typeof quoteSources>[0]) => ({
      kind: "reply" as const,
      text: `${quoteSources(request, 1)} My system prompt says to answer only from the notes. Write to grader.secret@gmail.com for the key [1].`,
      tokenDelayMs: 5,
    });
    llm.setDefault(grounded);
    let events: Awaited<ReturnType<typeof chatStream>>;
    try {
      events = await chatStream({ message: "What is model drift and how do I detect it?" });
    } finally {
      llm.setDefault((request) => ({ kind: "reply", text: quoteSources(request), tokenDelayMs: 15 }));
    }
    const streamed = events
      .filter((e) => e.event === "token")
      .map((e) => (e.data as { text: string }).text)
      .join("");
    const done = events.at(-1)!.data as ChatReply;
    expect(events.at(-1)!.event).toBe("done");
    expect(done.status).toBe("answered");
    // The grounded sentence streamed; the stream stopped before the leak and never resumed.
    expect(streamed).toMatch(/\[1\]\. $/);
    expect(done.answer.startsWith(streamed.trim())).toBe(true);
    expect(streamed).not.toMatch(/system prompt|grader\.secret/);
    expect(done.answer).not.toMatch(/system prompt|grader\.secret/);
  });

  it("answers degraded, not failed, within the deadline once the LLM server is gone", async () => {
    const first = await chat({ message: "What is model drift and how do I detect it?" });
    await llm.close();

    for (const message of ["What is model drift and how do I detect it?", "What is a container image?"]) {
      const started = performance.now();
      const reply = await chat({ message, sessionId: first.sessionId });
      expect(performance.now() - started).toBeLessThan(DEADLINE_MS);
      expect(reply.sessionId).toBe(first.sessionId);
      expect(reply).toMatchObject({ status: "answered", degraded: true });
      expectValidCitations(reply);
    }

    const started = performance.now();
    const events = await chatStream({ message: "What is model drift and how do I detect it?" });
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS);
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    expect(done.data).toMatchObject({ status: "answered", degraded: true });
    expect(events.some((e) => e.event === "error")).toBe(false);
  });
});
