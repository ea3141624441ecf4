import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import type { Tutor } from "../../src/app/tutor.ts";
import type { Db } from "../../src/db/db.ts";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { parseConfigList } from "../../src/eval/configs.ts";
import type { EvalCase } from "../../src/eval/dataset.ts";
import { createEvalTutor, evaluate, selectJudge } from "../../src/eval/evaluate.ts";
import { createLlmJudge } from "../../src/eval/llm-judge.ts";
import { OfflineJudge } from "../../src/eval/offline-judge.ts";
import { openSeededDb } from "../helpers/db.ts";
import { type FakeOpenAiServer, startOpenAiServer } from "../helpers/openai-server.ts";

const factual: EvalCase = {
  id: "f-multiple-testing",
  category: "factual",
  question: "How many false alarms does checking 200 features at p < 0.05 produce?",
  expected_sources: ["week-09/notes.md"],
  expected_phrases: ["will produce about 10 false alarms by chance"],
  reference_answer: "About 10 false alarms by chance in every run.",
};

let llmServer: FakeOpenAiServer;
let db: Db;
let embeddings: SentenceEncoderEmbeddings;
let tutor: Tutor;

beforeAll(async () => {
  llmServer = await startOpenAiServer();
  db = await openSeededDb();
  embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
  tutor = await createEvalTutor(loadConfig({ RERANKER: "none" }), { db, embeddings });
}, 180_000);

afterAll(async () => {
  await tutor?.close();
  await db?.close();
  await llmServer?.close();
});

describe("selectJudge", () => {
  it("uses the offline judge without an LLM and the LLM judge when one is configured", () => {
    expect(selectJudge(loadConfig({}), embeddings)).toBeInstanceOf(OfflineJudge);
    const withLlm = selectJudge(
      loadConfig({ LLM_PROVIDER: "openai", LLM_MODEL: "judge-model", LLM_BASE_URL: llmServer.url }),
      embeddings,
    );
    expect(withLlm.name).toMatch(/llm judge/);
  });
});

describe("evaluate with a judge that cannot score", () => {
  it("keeps the case's retrieval figures, drops its answer metrics and counts the judge error", async () => {
    // The LLM answers prose where the judge needs JSON verdicts: every judgement fails.
    llmServer.setDefault({ kind: "reply", text: "I think the answer is fine." });
    const config = loadConfig({
      LLM_PROVIDER: "openai",
      LLM_MODEL: "judge-model",
      LLM_BASE_URL: llmServer.url,
    });
    const judge = createLlmJudge(
      { llm: { ...config.llm, timeoutMs: 5_000, maxRetries: 0 } },
      { embedder: embeddings },
    );
    const { report, results } = await evaluate(tutor, {
      course: "aie101",
      datasetName: "one.jsonl",
      cases: [factual],
      configs: parseConfigList("bm25"),
      judge,
    });
    expect(results[0]?.judgeError).toBeTruthy();
    expect(results[0]?.judgement).toBeNull();
    expect(results[0]?.retrieval?.hit5).toBe(1);
    expect(report.details.bm25?.judge_errors).toBe(1);
    expect(report.configs.bm25?.faithfulness).toBeNull();
    expect(report.configs.bm25?.hit5).toBe(1);
    expect(report.judge).toMatch(/llm judge/);
  });
});
