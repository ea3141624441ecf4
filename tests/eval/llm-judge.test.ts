import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { JudgeInput } from "../../src/eval/judge.ts";
import { createLlmJudge, extractJson, JudgeReplyError } from "../../src/eval/llm-judge.ts";
import {
  type Behaviour,
  type FakeOpenAiServer,
  type RecordedRequest,
  startOpenAiServer,
} from "../helpers/openai-server.ts";

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(async () => {
  await server.close();
});

const llm = () => ({
  provider: "openai" as const,
  baseUrl: server.url,
  model: "judge-model",
  apiKey: undefined,
  timeoutMs: 5_000,
  maxRetries: 1,
});

const input: JudgeInput = {
  question: "What is model drift?",
  answer:
    "Model drift is a loss of accuracy over time [1]. It is detected by comparing input distributions [1]. Drift never affects language models [2].",
  citedContexts: [
    "Model drift is the gradual loss of accuracy when production data moves away from training data. Teams compare input distributions.",
  ],
  retrievedContexts: [
    "Containers package code with its libraries.",
    "Model drift is the gradual loss of accuracy when production data moves away from training data.",
    "Teams detect drift by comparing input distributions with a reference window.",
  ],
  referenceAnswer:
    "Model drift is a gradual loss of accuracy. It is found by comparing distributions. It is fixed by retraining.",
};

/** A judge model that answers from the prompt, the way a careful grader would on this input. */
function grader(request: RecordedRequest): Behaviour {
  const prompt = String(request.body.messages.at(-1)?.content);
  const items = (heading: string) =>
    [...(prompt.split(`${heading}:\n`)[1] ?? "").matchAll(/^(\d+)\. (.*)$/gm)].map((m) => ({
      id: Number(m[1]),
      text: m[2]!,
    }));
  const contexts = [...prompt.matchAll(/^\[(\d+)\] (.*)$/gm)].map((m) => ({ id: Number(m[1]), text: m[2]! }));
  let reply: unknown;
  if (prompt.includes("directly inferred")) {
    // Statements 1 and 2 follow from the context; "never affects language models" does not.
    reply = {
      verdicts: items("Statements").map((s) => ({ id: s.id, verdict: /never/.test(s.text) ? 0 : 1 })),
    };
  } else if (prompt.includes("noncommittal")) {
    reply = {
      questions: ["What is model drift?", "How is model drift detected?", "What is drift?"],
      noncommittal: 0,
    };
  } else if (prompt.includes("useful in arriving")) {
    reply = { verdicts: contexts.map((c) => ({ id: c.id, verdict: /drift/i.test(c.text) ? 1 : 0 })) };
  } else if (prompt.includes("whether the reference answer supports it")) {
    // The reference says nothing about language models; the answer leaves out retraining.
    const [references = "", answers = ""] = (prompt.split("Reference answer statements:\n")[1] ?? "").split(
      "Answer statements:\n",
    );
    const numbered = (text: string) =>
      [...text.matchAll(/^(\d+)\. (.*)$/gm)].map((m) => ({ id: Number(m[1]), text: m[2]! }));
    reply = {
      answer: numbered(answers).map((s) => ({ id: s.id, verdict: /never/.test(s.text) ? 0 : 1 })),
      reference: numbered(references).map((s) => ({ id: s.id, verdict: /retraining/.test(s.text) ? 0 : 1 })),
    };
  } else if (prompt.includes("attributed to the contexts")) {
    reply = {
      verdicts: items("Reference statements").map((s) => ({
        id: s.id,
        verdict: /retraining/.test(s.text) ? 0 : 1,
      })),
    };
  }
  return { kind: "reply", text: `Here is my grading:\n\`\`\`json\n${JSON.stringify(reply)}\n\`\`\`` };
}

beforeEach(() => {
  server.requests.length = 0;
  server.setDefault(grader);
});

describe("createLlmJudge against an OpenAI-compatible server", () => {
  it("scores the five RAGAS metrics from the model's verdicts", async () => {
    const judge = createLlmJudge({ llm: llm() });
    expect(judge.name).toBe("llm judge (llm:openai/judge-model)");
    const judgement = await judge.judge(input);
    expect(judgement.faithfulness).toBeCloseTo(2 / 3, 5);
    // Contexts 2 and 3 of 3 are useful: AP = (1/2 + 2/3) / 2.
    expect(judgement.contextPrecision).toBeCloseTo((1 / 2 + 2 / 3) / 2, 5);
    expect(judgement.contextRecall).toBeCloseTo(2 / 3, 5);
    // Content-term cosine of the generated questions with "What is model drift?": 1, 2/√6, 1/√2.
    expect(judgement.answerRelevancy).toBeCloseTo((1 + 2 / Math.sqrt(6) + 1 / Math.sqrt(2)) / 3, 5);
    // Correctness: TP 2, FP 1 (language models), FN 1 (retraining) → F1 2/3, blended 0.75 / 0.25.
    expect(judgement.correctness).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(judgement.correctness?.f1).toBeCloseTo(2 / 3, 5);
    const similarity = judgement.correctness?.similarity ?? -1;
    expect(similarity).toBeGreaterThan(0);
    expect(similarity).toBeLessThan(1);
    expect(judgement.answerCorrectness).toBeCloseTo(0.75 * (2 / 3) + 0.25 * similarity, 5);
    expect(server.callCount).toBe(5);

    const faithfulnessPrompt = server.requests
      .map((r) => String(r.body.messages.at(-1)?.content))
      .find((p) => p.includes("directly inferred"))!;
    // Statements without their citation markers; only the cited context is shown.
    expect(faithfulnessPrompt).toContain("3. Drift never affects language models.");
    expect(faithfulnessPrompt).not.toContain("[2].");
    expect(faithfulnessPrompt).not.toContain("Containers package");
    expect(server.requests[0]!.body.temperature).toBe(0);
  });

  it("uses embeddings for relevancy when given, and scores noncommittal answers 0", async () => {
    const embedder = {
      async embedDocuments(texts: string[]) {
        return texts.map((t) => (t.includes("detected") ? [0, 1] : [1, 0]));
      },
    };
    const judge = createLlmJudge({ llm: llm() }, { embedder });
    expect((await judge.judge(input)).answerRelevancy).toBeCloseTo(2 / 3, 5);

    server.setDefault((request) =>
      String(request.body.messages.at(-1)?.content).includes("noncommittal")
        ? { kind: "reply", text: '{"questions": ["What is drift?"], "noncommittal": "yes"}' }
        : grader(request),
    );
    expect((await judge.judge(input)).answerRelevancy).toBe(0);
  });

  it("does not ask about metrics that do not apply", async () => {
    const judge = createLlmJudge({ llm: llm() });
    const judgement = await judge.judge({ ...input, answer: "", referenceAnswer: "", citedContexts: [] });
    expect(judgement).toEqual({
      faithfulness: null,
      answerRelevancy: null,
      contextPrecision: null,
      contextRecall: null,
      answerCorrectness: null,
    });
    expect(server.callCount).toBe(0);
    // An answer that cites nothing cannot be faithful to what it cites.
    const uncited = await judge.judge({ ...input, citedContexts: [], referenceAnswer: "" });
    expect(uncited.faithfulness).toBe(0);
  });

  it("asks again after an unusable reply, and fails rather than guessing after a second one", async () => {
    server.script({ kind: "reply", text: "I think they are mostly fine." });
    const judge = createLlmJudge({ llm: llm() });
    const judgement = await judge.judge({ ...input, referenceAnswer: "" });
    expect(judgement.faithfulness).not.toBeNull();
    expect(server.callCount).toBe(3); // faithfulness asked twice, relevancy once
    const prompts = server.requests.map((r) => String(r.body.messages.at(-1)?.content));
    expect(prompts.filter((p) => p.includes("could not be used"))).toHaveLength(1);

    server.setDefault({ kind: "reply", text: '{"verdicts": [{"id": 1, "verdict": 1}]}' });
    await expect(judge.judge({ ...input, referenceAnswer: "" })).rejects.toBeInstanceOf(JudgeReplyError);
  });

  it("retries a 503 from the judge model", async () => {
    server.script({ kind: "status", status: 503 });
    const judge = createLlmJudge({ llm: llm() });
    const judgement = await judge.judge({
      ...input,
      referenceAnswer: "",
      answer: "Model drift is a loss of accuracy [1].",
    });
    expect(judgement.faithfulness).toBe(1);
    expect(server.callCount).toBe(3);
  });

  it("refuses to start without an LLM", () => {
    expect(() => createLlmJudge({ llm: { ...llm(), provider: "none" } })).toThrow(/needs an LLM/);
  });
});

describe("extractJson", () => {
  it("finds the object inside fences and prose", () => {
    expect(extractJson('Sure!\n```json\n{"a": 1}\n```')).toEqual({ a: 1 });
    expect(extractJson("no json here")).toBeNull();
    expect(extractJson("{broken")).toBeNull();
  });
});
