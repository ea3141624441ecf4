import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LlmAnswerer } from "../../../src/answer/llm/answerer.ts";
import { createChatModelFactory } from "../../../src/answer/llm/chat-model.ts";
import { NOT_IN_MATERIAL } from "../../../src/answer/llm/prompt.ts";
import { QUIZ_REVEAL_INVITE } from "../../../src/answer/modes/quiz-key.ts";
import type { AnswerRequest } from "../../../src/answer/types.ts";
import type { TutorMode } from "../../../src/core/chat.ts";
import { type FakeOpenAiServer, startOpenAiServer } from "../../helpers/openai-server.ts";
import { flatTermWeight, sampleChunks } from "../sample-chunks.ts";

let server: FakeOpenAiServer;

beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function answerer(provider: "openai" | "ollama" = "openai") {
  const llm = {
    provider,
    baseUrl: provider === "openai" ? server.url : server.origin,
    model: "fake-model",
    apiKey: "test-key",
    timeoutMs: 5_000,
  } as const;
  return new LlmAnswerer({ chatModel: createChatModelFactory(llm), label: `llm:${provider}/fake-model` });
}

function request(overrides: Partial<AnswerRequest> = {}): AnswerRequest {
  return {
    question: "What is model drift and how is it detected?",
    chunks: sampleChunks(),
    termWeight: flatTermWeight,
    mode: "explain" as TutorMode,
    history: [],
    ...overrides,
  };
}

describe("LlmAnswerer over HTTP (OpenAI-compatible, non-streaming)", () => {
  it("sends numbered sources and rules, and maps the model's [n] back to chunks in citation order", async () => {
    server.script({
      kind: "reply",
      text: "Model drift is a loss of accuracy as production data moves away from training data [1]. It is detected by comparing recent inputs with a reference window [1]. Retraining is the usual fix [2].",
    });
    const draft = await answerer().answer(request());

    expect(draft.status).toBe("answered");
    expect(draft.answeredBy).toBe("llm:openai/fake-model");
    expect(draft.answer).toContain("reference window [1].");
    expect(draft.citations.map((c) => [c.n, c.chunkId])).toEqual([
      [1, "c-drift"],
      [2, "c-retrain"],
    ]);
    // The snippet is the chunk's sentence that supports the claim, not the chunk's first line.
    expect(draft.citations[1]?.snippet).toContain("Retraining on fresh labelled data");
    expect(draft.citations[0]?.url).toBe("/course/week-09#model-drift");

    const sent = server.requests[0]!;
    expect(sent.path).toBe("/v1/chat/completions");
    expect(sent.headers.authorization).toBe("Bearer test-key");
    expect(sent.body.model).toBe("fake-model");
    expect(sent.body.stream).toBeFalsy();
    const [system, user] = sent.body.messages;
    expect(system?.role).toBe("system");
    expect(String(system?.content)).toMatch(/only from the numbered course sources/);
    expect(String(system?.content)).toContain(NOT_IN_MATERIAL);
    expect(String(user?.content)).toContain("[1] Week 9: Monitoring › Model drift (week-09/notes.md)");
    expect(String(user?.content)).toContain("[3] Week 7: Serving › Latency budgets");
    expect(String(user?.content)).toContain("Student: What is model drift");
    // The model is told what kind of question it is and to lead with the direct answer.
    expect(String(user?.content)).toMatch(/Question type: definition\. .*definition of model drift/);
  });

  it("renumbers sources by first citation and drops markers that name no source", async () => {
    server.script({
      kind: "reply",
      text: "Tail latency matters most [3]. Budgets split time between stages [Source 3][9]. Drift hurts accuracy [1, 3].",
    });
    const draft = await answerer().answer(request());
    expect(draft.answer).toBe(
      "Tail latency matters most [1]. Budgets split time between stages [1]. Drift hurts accuracy [2][1].",
    );
    expect(draft.citations.map((c) => [c.n, c.chunkId])).toEqual([
      [1, "c-latency"],
      [2, "c-drift"],
    ]);
  });

  it("turns the model's 'not in the material' reply into no_answer", async () => {
    server.script({ kind: "reply", text: ` ${NOT_IN_MATERIAL}` });
    const draft = await answerer().answer(request({ question: "best lasagna recipe?" }));
    expect(draft).toMatchObject({ status: "no_answer", citations: [] });
  });

  it("treats an empty reply as a failure rather than an answer", async () => {
    server.script({ kind: "reply", text: "" });
    await expect(answerer().answer(request())).rejects.toThrow(/empty reply/);
  });

  it("passes the bounded history as earlier turns, without their old citation markers", async () => {
    server.script({ kind: "reply", text: "It is compared against a reference window [1]." });
    const history = Array.from({ length: 6 }, (_, i) => ({
      question: `question ${i}`,
      answer: `answer ${i} cites a source [1][2].`,
    }));
    await answerer().answer(request({ question: "and how do I detect it?", history }));
    const messages = server.requests[0]!.body.messages;
    const roles = messages.map((m) => m.role);
    // system, 4 (the window) × user/assistant, then the question with sources
    expect(roles).toEqual([
      "system",
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
    ]);
    expect(messages[1]?.content).toBe("question 2");
    expect(messages[2]?.content).toBe("answer 2 cites a source.");
    expect(String(messages.at(-1)?.content)).toContain("Student: and how do I detect it?");
  });
});

describe("LlmAnswerer streaming", () => {
  it("emits tokens as they arrive and the streamed text equals the answer", async () => {
    server.script({
      kind: "reply",
      text: "Drift is a slow loss of accuracy [1]. Retrain when a monitor fires [2].",
      tokenDelayMs: 20,
    });
    const tokens: { text: string; at: number }[] = [];
    const started = Date.now();
    const draft = await answerer().answer(
      request({ onToken: (text) => tokens.push({ text, at: Date.now() }) }),
    );
    const finished = Date.now();

    expect(server.requests[0]!.body.stream).toBe(true);
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.map((t) => t.text).join("")).toBe(draft.answer);
    expect(draft.answer).toBe("Drift is a slow loss of accuracy [1]. Retrain when a monitor fires [2].");
    // Tokens arrived over time, not all at once at the end.
    expect(tokens[0]!.at - started).toBeLessThan(finished - started);
    expect(tokens.at(-1)!.at - tokens[0]!.at).toBeGreaterThan(40);
  });

  it("renumbers markers split across stream pieces", async () => {
    server.script({
      kind: "reply",
      text: "",
      pieces: ["Budgets split ", "time [", "3", "] and drift", " hurts [Sou", "rce 1]", " too [", "7]."],
    });
    const tokens: string[] = [];
    const draft = await answerer().answer(request({ onToken: (t) => tokens.push(t) }));
    expect(draft.answer).toBe("Budgets split time [1] and drift hurts [2] too.");
    expect(tokens.join("")).toBe(draft.answer);
  });

  it("never streams the not-in-material marker", async () => {
    server.script({ kind: "reply", text: "", pieces: ["NOT_", "IN_", "MATERIAL"] });
    const tokens: string[] = [];
    const draft = await answerer().answer(request({ onToken: (t) => tokens.push(t) }));
    expect(draft.status).toBe("no_answer");
    expect(tokens).toEqual([]);
  });

  it("quiz mode streams the questions, keeps the answer key back and returns it separately", async () => {
    server.script({
      kind: "reply",
      text: "1. What is model drift? [1]\n2. When does triggered retraining start? [2]\nANSWER KEY\n1. A loss of accuracy as production data moves away from training data [1].\n2. When a monitor fires [2].",
      tokenDelayMs: 2,
    });
    const tokens: string[] = [];
    const draft = await answerer().answer(request({ mode: "quiz", onToken: (t) => tokens.push(t) }));
    expect(tokens.join("")).toBe(draft.answer);
    expect(draft.answer).toContain("1. What is model drift? [1]");
    expect(draft.answer).not.toMatch(/monitor fires|ANSWER KEY/);
    expect(draft.answer.endsWith(QUIZ_REVEAL_INVITE)).toBe(true);
    expect(draft.quizKey?.answer).toBe(
      "- What is model drift? A loss of accuracy as production data moves away from training data [1].\n" +
        "- When does triggered retraining start? When a monitor fires [2].",
    );
    expect(draft.quizKey?.citations.map((c) => c.chunkId)).toEqual(["c-drift", "c-retrain"]);
    expect(String(server.requests[0]!.body.messages[0]?.content)).toMatch(/Mode: quiz/);
  });

  it("hint mode tells the model not to give the solution", async () => {
    server.script({
      kind: "reply",
      text: "Look at how recent inputs are compared [1]. What would you compare them with?",
    });
    const draft = await answerer().answer(request({ mode: "hint" }));
    expect(draft.status).toBe("answered");
    const system = String(server.requests[0]!.body.messages[0]?.content);
    expect(system).toMatch(/Mode: hint/);
    expect(system).toMatch(/Do not give the answer or the full solution/);
  });
});

describe("LlmAnswerer with the Ollama client", () => {
  it("streams from Ollama's /api/chat and cites", async () => {
    server.script({ kind: "reply", text: "Drift is a loss of accuracy [1].", tokenDelayMs: 5 });
    const tokens: string[] = [];
    const draft = await answerer("ollama").answer(request({ onToken: (t) => tokens.push(t) }));
    expect(server.requests[0]!.path).toBe("/api/chat");
    expect(draft.answer).toBe("Drift is a loss of accuracy [1].");
    expect(tokens.join("")).toBe(draft.answer);
    expect(draft.citations[0]?.chunkId).toBe("c-drift");
  });
});
