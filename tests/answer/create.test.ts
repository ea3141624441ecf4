import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import { createTutor, type Tutor } from "../../src/app/tutor.ts";
import type { Db } from "../../src/db/db.ts";
import { openSeededDb } from "../helpers/db.ts";
import { type FakeOpenAiServer, quoteSources, startOpenAiServer } from "../helpers/openai-server.ts";

/** The pipeline wired by createTutor with the LLM settings, against the fake server. */
let server: FakeOpenAiServer;
let db: Db;
const tutors: Tutor[] = [];

beforeAll(async () => {
  server = await startOpenAiServer();
  db = await openSeededDb();
});
afterAll(async () => {
  for (const tutor of tutors) await tutor.close();
  await db.close();
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.setDefault((request) => ({ kind: "reply", text: quoteSources(request) }));
});

async function tutorWith(env: Record<string, string> = {}): Promise<Tutor> {
  const config = loadConfig({
    LLM_PROVIDER: "openai",
    LLM_BASE_URL: server.url,
    LLM_MODEL: "fake-model",
    LLM_TIMEOUT_MS: "5000",
    CHAT_DEADLINE_MS: "30000",
    ...env,
  });
  const tutor = await createTutor(config, { db });
  tutors.push(tutor);
  // Build the course's indexes now, so that a slow first retrieval on a busy machine does not
  // eat the answer's share of the deadline.
  await tutor.searcher.search({ course: "aie101", query: QUESTION, k: 6 });
  return tutor;
}

const QUESTION = "What is model drift and how do I detect it?";

describe("the pipeline with an LLM configured", () => {
  it("answers through the LLM with citations that point at retrieved chunks", async () => {
    const tutor = await tutorWith();
    const { answer, trace } = await tutor.pipeline.askWithTrace({ course: "aie101", message: QUESTION });
    expect(server.callCount).toBe(1);
    expect(trace.answeredBy).toBe("llm:openai/fake-model");
    expect(answer.status).toBe("answered");
    expect(answer.degraded).toBeUndefined();
    expect(answer.citations.map((c) => c.n)).toEqual([1, 2]);
    const retrievedIds = new Set(trace.retrieved.map((c) => c.chunkId));
    for (const citation of answer.citations) {
      expect(retrievedIds.has(citation.chunkId)).toBe(true);
      expect(answer.answer).toContain(`[${citation.n}]`);
    }
    // What the model received: the retrieved chunks, numbered, in retrieval order.
    const prompt = String(server.requests[0]!.body.messages.at(-1)?.content);
    expect(prompt).toContain(`[1] ${trace.retrieved[0]!.title}`);
    expect(prompt).toContain(trace.retrieved[0]!.text.slice(0, 60));
  });

  it("sends the earlier turns of the session with a follow-up question", async () => {
    const tutor = await tutorWith();
    const first = await tutor.pipeline.ask({ course: "aie101", message: QUESTION });
    await tutor.pipeline.ask({
      course: "aie101",
      message: "How is data drift detected?",
      sessionId: first.sessionId,
    });
    const messages = server.requests[1]!.body.messages;
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(messages[1]?.content).toBe(QUESTION);
    // The earlier answer, without its citation markers.
    expect(String(messages[2]?.content)).not.toMatch(/\[\d\]/);
    expect(String(messages[2]?.content).slice(0, 30)).toBe(first.answer.replace(/ \[\d\]/g, "").slice(0, 30));
  });

  it("falls back to the extractive answer, marked degraded, when 500s continue past the retries", async () => {
    server.setDefault({ kind: "status", status: 500 });
    const tutor = await tutorWith({ LLM_MAX_RETRIES: "1" });
    const { answer, trace } = await tutor.pipeline.askWithTrace({ course: "aie101", message: QUESTION });
    expect(server.callCount).toBe(2);
    expect(answer).toMatchObject({ status: "answered", degraded: true });
    expect(trace.answeredBy).toBe("extractive");
    expect(answer.citations.length).toBeGreaterThan(0);
    const { rows } = await db.query<{ degraded: boolean }>("SELECT degraded FROM messages WHERE id = $1", [
      answer.messageId,
    ]);
    expect(rows[0]?.degraded).toBe(true);
  });

  it("answers degraded within the deadline when the LLM never replies", async () => {
    const tutor = await tutorWith({ LLM_TIMEOUT_MS: "60000", CHAT_DEADLINE_MS: "4000" });
    // One answered request first warms every cache on the path (indexes, the topic centroid), so
    // the measurement is about the wait on the LLM, not a cold start on a busy machine.
    await tutor.pipeline.ask({ course: "aie101", message: QUESTION });
    server.requests.length = 0;
    server.setDefault({ kind: "hang" });
    const started = performance.now();
    const answer = await tutor.pipeline.ask({ course: "aie101", message: QUESTION });
    const elapsed = performance.now() - started;
    expect(answer).toMatchObject({ status: "answered", degraded: true });
    expect(elapsed).toBeLessThan(4_000);
    // It waited for the LLM for most of the budget rather than giving up early.
    expect(elapsed).toBeGreaterThan(2_500);
    expect(server.callCount).toBe(1);
  });

  it("streams, and when the stream drops midway, finishes with the fallback in the same request", async () => {
    server.script({
      kind: "drop",
      afterPieces: 4,
      text: "Model drift is a slow decline in a deployed model's quality [1].",
    });
    const tutor = await tutorWith();
    const tokens: string[] = [];
    const { answer, trace } = await tutor.pipeline.askWithTrace({
      course: "aie101",
      message: QUESTION,
      onToken: (text) => tokens.push(text),
    });
    expect(server.callCount).toBe(1); // tokens had reached the student: no retry
    expect(answer).toMatchObject({ status: "answered", degraded: true });
    expect(trace.answeredBy).toBe("extractive");
    const streamed = tokens.join("");
    expect(streamed.startsWith("Model drift is a")).toBe(true);
    // The abandoned partial answer, a paragraph break, then the fallback answer in full.
    expect(streamed.endsWith(`\n\n${answer.answer}`)).toBe(true);
  });

  it("stops calling an LLM whose breaker has opened, and degrades at once", async () => {
    server.setDefault({ kind: "status", status: 503 });
    const tutor = await tutorWith({ LLM_MAX_RETRIES: "0", LLM_BREAKER_FAILURES: "2" });
    const before = server.callCount;
    await tutor.pipeline.ask({ course: "aie101", message: QUESTION });
    await tutor.pipeline.ask({ course: "aie101", message: QUESTION });
    expect(tutor.llmBreaker?.state).toBe("open");
    expect(server.callCount - before).toBe(2);
    const answer = await tutor.pipeline.ask({ course: "aie101", message: QUESTION });
    expect(answer.degraded).toBe(true);
    expect(server.callCount - before).toBe(2);
  });

  it("keeps hint mode a hint when the LLM fails", async () => {
    server.setDefault({ kind: "status", status: 500 });
    const tutor = await tutorWith({ LLM_MAX_RETRIES: "0" });
    const { answer, trace } = await tutor.pipeline.askWithTrace({
      course: "aie101",
      message: QUESTION,
      mode: "hint",
    });
    expect(answer.degraded).toBe(true);
    expect(trace.answeredBy).toBe("extractive:hint");
    expect(answer.answer).toContain("_____");
  });

  it("stores an LLM quiz's key and reveals it on 'show answers' without calling the LLM again", async () => {
    // A well-behaved model: two questions, and a key whose answers quote sources 1 and 2.
    let key = "";
    server.setDefault((request) => {
      const [first = "", second = ""] = quoteSources(request).split(/(?<=\]\.) /);
      key = `1. ${first}\n2. ${second}`;
      return {
        kind: "reply",
        text: `1. What is model drift? [1]\n2. What does the second source say? [2]\nANSWER KEY\n${key}`,
      };
    });
    const tutor = await tutorWith();
    server.requests.length = 0;
    const quiz = await tutor.pipeline.ask({
      course: "aie101",
      message: "quiz me on model drift",
      mode: "quiz",
    });
    expect(quiz.status).toBe("answered");
    expect(quiz.answer).toContain("1. What is model drift? [1]");
    const secondAnswer = key.split("\n")[1]!.slice(3);
    expect(quiz.answer).not.toContain(secondAnswer.slice(0, 30));
    // The topic, not the request phrasing, is what the model is asked about.
    expect(String(server.requests[0]!.body.messages.at(-1)?.content)).toContain(
      "Write practice questions on this topic: model drift",
    );
    const reveal = await tutor.pipeline.ask({
      course: "aie101",
      message: "show answers",
      sessionId: quiz.sessionId,
    });
    expect(server.callCount).toBe(1);
    expect(reveal.status).toBe("answered");
    expect(reveal.answer).toContain(`- What does the second source say? ${secondAnswer}`);
    expect(reveal.citations.map((c) => c.chunkId)).toEqual(quiz.citations.map((c) => c.chunkId));
    // Another session has no quiz: there "show answers" is an ordinary question.
    const elsewhere = await tutor.pipeline.ask({ course: "aie101", message: "show answers" });
    expect(elsewhere.answer).not.toMatch(/Answer key/);
  });
});

describe("the pipeline with no LLM configured", () => {
  it("answers offline in every mode and reveals an offline quiz's key in the same session", async () => {
    const tutor = await createTutor(loadConfig({}), { db });
    tutors.push(tutor);
    expect(tutor.llmBreaker).toBeUndefined();
    const explain = await tutor.pipeline.askWithTrace({ course: "aie101", message: QUESTION });
    expect(explain.trace.answeredBy).toBe("extractive");
    expect(explain.answer.degraded).toBeUndefined();

    const quiz = await tutor.pipeline.askWithTrace({
      course: "aie101",
      message: "quiz me on model drift",
      mode: "quiz",
    });
    expect(quiz.trace.answeredBy).toBe("extractive:quiz");
    expect(quiz.trace.query).toBe("model drift");
    expect(quiz.answer.answer).toMatch(/^Practice questions/);
    // The invitation is a question, and "yes" straight after it is the answer.
    expect(quiz.answer.answer.endsWith("shall I show you the answers?")).toBe(true);
    const reveal = await tutor.pipeline.ask({
      course: "aie101",
      message: "yes",
      sessionId: quiz.answer.sessionId,
    });
    expect(reveal.answer).toMatch(/^Answer key:\n- What is model drift\? /);
    expect(reveal.citations.length).toBeGreaterThan(0);
    expect(server.callCount).toBe(0);
  });
});
