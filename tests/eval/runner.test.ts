import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.ts";
import type { Tutor } from "../../src/app/tutor.ts";
import type { Pipeline } from "../../src/chat/index.ts";
import type { Db } from "../../src/db/db.ts";
import { SentenceEncoderEmbeddings } from "../../src/embed/index.ts";
import { parseConfigList } from "../../src/eval/configs.ts";
import { loadCourseChunks } from "../../src/eval/course-check.ts";
import type { EvalCase } from "../../src/eval/dataset.ts";
import { createEvalTutor, evaluate } from "../../src/eval/evaluate.ts";
import { OfflineJudge } from "../../src/eval/offline-judge.ts";
import type { JudgedChunk } from "../../src/eval/relevance.ts";
import { RANK_DEPTH, runCases } from "../../src/eval/runner.ts";
import { UnknownCourseError } from "../../src/retrieve/index.ts";
import { openSeededDb } from "../helpers/db.ts";

const factual: EvalCase = {
  id: "f-multiple-testing",
  category: "factual",
  question: "How many false alarms does checking 200 features at p < 0.05 produce?",
  expected_sources: ["week-09/notes.md"],
  expected_phrases: ["will produce about 10 false alarms by chance"],
  reference_answer: "About 10 false alarms by chance in every run.",
  split: "test",
};
const unanswerable: EvalCase = {
  id: "u-lasagna",
  category: "unanswerable",
  question: "What's the best lasagna recipe?",
  expected_sources: [],
  expected_phrases: [],
  reference_answer: "",
  split: "dev",
};

let db: Db;
let embeddings: SentenceEncoderEmbeddings;
let tutor: Tutor;
let chunks: JudgedChunk[];

beforeAll(async () => {
  db = await openSeededDb();
  embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
  // The runner is under test here, not the reranker: keep the fused order.
  tutor = await createEvalTutor(loadConfig({ RERANKER: "none" }), { db, embeddings });
  chunks = await loadCourseChunks(db, "aie101");
}, 180_000);

afterAll(async () => {
  await tutor?.close();
  await db?.close();
});

describe("runCases through the real pipeline", () => {
  it("scores retrieval from the pipeline's trace, ten deep, and judges only the chosen configurations", async () => {
    const progress: [number, number][] = [];
    const results = await runCases(
      { pipeline: tutor.pipeline, judge: new OfflineJudge(), courseChunks: chunks },
      {
        course: "aie101",
        cases: [factual, unanswerable],
        configs: parseConfigList("bm25,hybrid"),
        judgeConfigs: ["bm25"],
        onProgress: (done, total) => progress.push([done, total]),
      },
    );
    expect(results.map((r) => `${r.id}/${r.config}`)).toEqual([
      "f-multiple-testing/bm25",
      "f-multiple-testing/hybrid",
      "u-lasagna/bm25",
      "u-lasagna/hybrid",
    ]);
    expect(progress.at(-1)).toEqual([4, 4]);

    const [bm25, hybrid, declinedBm25] = results;
    expect(bm25?.retrieved).toHaveLength(RANK_DEPTH);
    expect(bm25?.retrieval?.hit5).toBe(1);
    const relevantRank = bm25?.retrieved.find((c) => c.grade === 2)?.rank ?? 99;
    expect(bm25?.retrieval?.mrr10).toBeCloseTo(1 / relevantRank, 10);
    expect(bm25?.status).toBe("answered");
    expect(bm25?.judgement?.faithfulness).not.toBeNull();
    expect(hybrid?.judgement).toBeNull();
    expect(bm25?.latencyMs).toBeGreaterThan(0);

    expect(declinedBm25?.expectDecline).toBe(true);
    expect(declinedBm25?.retrieval).toBeNull();
    expect(declinedBm25?.declined).toBe(declinedBm25?.status !== "answered");
  });

  it("records a failing case and carries on, but stops at an unknown course", async () => {
    const failing: Pick<Pipeline, "askWithTrace"> = {
      askWithTrace: (request) =>
        request.message === factual.question
          ? Promise.reject(new Error("answerer exploded"))
          : tutor.pipeline.askWithTrace(request),
    };
    const results = await runCases(
      { pipeline: failing, judge: new OfflineJudge(), courseChunks: chunks },
      { course: "aie101", cases: [factual, unanswerable], configs: parseConfigList("bm25"), warmUp: false },
    );
    expect(results[0]).toMatchObject({ status: "error", error: "answerer exploded", retrieval: null });
    expect(results[1]?.status).not.toBe("error");

    await expect(
      runCases(
        { pipeline: tutor.pipeline, judge: new OfflineJudge(), courseChunks: [] },
        { course: "no-such-course", cases: [factual], configs: parseConfigList("bm25") },
      ),
    ).rejects.toBeInstanceOf(UnknownCourseError);
  });

  it("stops between cases when aborted", async () => {
    const abort = new AbortController();
    abort.abort(new Error("stop"));
    await expect(
      runCases(
        { pipeline: tutor.pipeline, judge: new OfflineJudge(), courseChunks: chunks },
        {
          course: "aie101",
          cases: [factual],
          configs: parseConfigList("bm25"),
          signal: abort.signal,
          warmUp: false,
        },
      ),
    ).rejects.toThrow("stop");
  });
});

describe("evaluate", () => {
  it("runs one split, warns about sources the course lacks, and names the reranker and judge", async () => {
    const missing: EvalCase = {
      ...factual,
      id: "f-missing",
      expected_sources: ["week-99/notes.md"],
      split: "test",
    };
    const { report, results } = await evaluate(tutor, {
      course: "aie101",
      datasetName: "mini.jsonl",
      cases: [factual, unanswerable, missing],
      configs: parseConfigList("bm25"),
      split: "test",
      judge: new OfflineJudge(),
    });
    expect(report.cases).toBe(2);
    expect(results.map((r) => r.id)).toEqual(["f-multiple-testing", "f-missing"]);
    expect(report.warnings).toEqual(['f-missing: expected source "week-99/notes.md" is not in the course']);
    expect(report).toMatchObject({ reranker: "none", judge: "offline (lexical)", split: "test" });
    expect(report.configs.bm25?.hit5).toBe(0.5);
  });
});
