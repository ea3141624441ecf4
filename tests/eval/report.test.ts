import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkThresholds,
  describeRegressions,
  loadThresholds,
  thresholdsSchema,
} from "../../src/eval/gate.ts";
import { createReport, failureReason } from "../../src/eval/report.ts";
import { writeReports } from "../../src/eval/report-files.ts";
import { reportToHtml, worstCases } from "../../src/eval/report-html.ts";
import { reportToMarkdown } from "../../src/eval/report-md.ts";
import type { CaseResult, RetrievalScores } from "../../src/eval/runner.ts";

const scores = (hit: number, ndcg: number): RetrievalScores => ({
  hit5: hit,
  recall5: hit,
  mrr10: hit,
  ndcg10: ndcg,
  hit5_source: 1,
  recall5_source: 1,
  mrr10_source: 1,
});

function result(over: Partial<CaseResult> & Pick<CaseResult, "id" | "category">): CaseResult {
  const expectDecline = ["unanswerable", "injection", "integrity"].includes(over.category);
  return {
    config: "a",
    question: `question ${over.id}`,
    expectedSources: expectDecline ? [] : ["week-01/notes.md"],
    expectDecline,
    status: "answered",
    declined: false,
    retrieval: expectDecline ? null : scores(1, 1),
    judgement: expectDecline
      ? null
      : {
          faithfulness: 1,
          answerRelevancy: 0.5,
          contextPrecision: 1,
          contextRecall: 1,
          answerCorrectness: 0.8,
        },
    latencyMs: 10,
    retrieveMs: 1,
    retrieved: [
      { rank: 1, source: "week-01/notes.md", heading: "Lifecycle", grade: 2, score: 0.9, snippet: "text" },
    ],
    answer: "An answer [1].",
    expectedPhrase: expectDecline ? null : true,
    ...over,
  };
}

/** Config "a", by hand: see the expectations below. */
const results: CaseResult[] = [
  result({ id: "f1", category: "factual", split: "test", latencyMs: 10 }),
  result({
    id: "c1",
    category: "conceptual",
    split: "dev",
    status: "no_answer",
    declined: true,
    retrieval: scores(0, 0.5),
    judgement: {
      faithfulness: null,
      answerRelevancy: 0,
      contextPrecision: 0.5,
      contextRecall: 0,
      answerCorrectness: 0,
    },
    expectedPhrase: false,
    latencyMs: 30,
    question: "Why <b>does</b> this fail?",
  }),
  result({
    id: "u1",
    category: "unanswerable",
    split: "test",
    status: "no_answer",
    declined: true,
    latencyMs: 20,
  }),
  result({ id: "i1", category: "injection", split: "test", latencyMs: 40 }),
  result({ id: "f1", category: "factual", split: "test", config: "b", latencyMs: 5 }),
];

describe("createReport", () => {
  const report = createReport({
    dataset: "tiny.jsonl",
    course: "c",
    split: "all",
    configs: ["a", "b"],
    results,
    reranker: "none",
    judge: "offline (lexical)",
    generatedAt: new Date("2026-01-01T00:00:00Z"),
  });

  it("has the report.json shape of the issue", () => {
    expect(Object.keys(report).slice(0, 4)).toEqual(["dataset", "cases", "configs", "failures"]);
    expect(Object.keys(report.configs.a ?? {})).toEqual([
      "hit5",
      "recall5",
      "mrr10",
      "ndcg10",
      "faithfulness",
      "answer_relevancy",
      "context_precision",
      "context_recall",
      "answer_correctness",
      "expected_phrase",
      "answered",
      "refusal_f1",
      "p50_ms",
      "p95_ms",
    ]);
    expect(report.cases).toBe(4);
  });

  it("averages by hand-checked rules", () => {
    expect(report.configs.a).toEqual({
      hit5: 0.5,
      recall5: 0.5,
      mrr10: 0.5,
      ndcg10: 0.75,
      // c1 declined: its faithfulness does not apply and its relevancy is 0.
      faithfulness: 1,
      answer_relevancy: 0.25,
      context_precision: 0.75,
      context_recall: 0.5,
      // f1 answered with correctness 0.8 and an expected phrase; c1 declined: 0 and none.
      answer_correctness: 0.4,
      expected_phrase: 0.5,
      answered: 0.5,
      // tp u1, fp c1, fn i1, tn f1: precision 0.5, recall 0.5.
      refusal_f1: 0.5,
      p50_ms: 20,
      p95_ms: 40,
    });
    expect(report.configs.b?.refusal_f1).toBeNull();
    expect(report.details.a?.refusal).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 1 });
  });

  it("breaks figures down by category and split", () => {
    expect(report.categories.a?.factual).toMatchObject({ cases: 1, hit5: 1, expected_outcome_rate: 1 });
    expect(report.categories.a?.conceptual).toMatchObject({ decline_rate: 1, expected_outcome_rate: 0 });
    expect(report.categories.a?.unanswerable).toMatchObject({ ndcg10: null, expected_outcome_rate: 1 });
    expect(report.categories.a?.injection).toMatchObject({ decline_rate: 0, expected_outcome_rate: 0 });
    expect(report.splits?.test?.cases).toBe(3);
    expect(report.splits?.dev?.configs.a?.hit5).toBe(0);
    expect(report.splits?.test?.configs.a?.hit5).toBe(1);
  });

  it("lists the failures with why and what was retrieved", () => {
    expect(report.failures.map((f) => `${f.config}:${f.id}`)).toEqual(["a:c1", "a:i1"]);
    expect(report.failures[0]?.reason).toMatch(/no chunk with an expected phrase in the top 5/);
    expect(report.failures[1]?.reason).toMatch(/answered a question it should decline/);
    expect(report.failures[0]?.retrieved[0]).toEqual({
      rank: 1,
      source: "week-01/notes.md",
      heading: "Lifecycle",
      relevance: 2,
    });
    const noGuard = result({ id: "g1", category: "integrity", status: "no_answer", declined: true });
    expect(failureReason(noGuard)).toMatch(/no guardrail refused it/);
  });

  it("writes a markdown report with the tables and failures", () => {
    const md = reportToMarkdown(report);
    expect(md).toContain("| metric | a | b |");
    expect(md).toContain("| nDCG@10 | 0.750 | 1.000 |");
    expect(md).toContain("### test split (3 cases)");
    expect(md).toContain("**c1** [a, conceptual]");
  });

  it("writes a self-contained HTML page with charts, escaped text and the worst cases", () => {
    const html = reportToHtml(report, results);
    expect(html).toMatch(/^<!doctype html>/);
    expect((html.match(/<svg /g) ?? []).length).toBe(3);
    expect(html).not.toMatch(/<script|<link|\bsrc=|href="http/i);
    expect(html).toContain("Why &lt;b&gt;does&lt;/b&gt; this fail?");
    expect(html).not.toContain("Why <b>does</b>");
    expect(worstCases(results, "a").map((r) => r.id)).toEqual(["c1", "i1"]);
  });

  it("writes report.json, report.md and report.html into a folder", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "eval-report-"));
    try {
      const files = await writeReports(path.join(dir, "nested"), report, results);
      expect(JSON.parse(await readFile(files.json, "utf8")).configs.a.hit5).toBe(0.5);
      expect(await readFile(files.markdown, "utf8")).toContain("# Eval report");
      expect(await readFile(files.html, "utf8")).toContain("<svg");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the threshold gate", () => {
  const report = createReport({
    dataset: "tiny.jsonl",
    course: "c",
    split: "all",
    configs: ["a"],
    results: results.filter((r) => r.config === "a"),
    reranker: "none",
    judge: "offline",
  });

  it("compares the thresholds' split and names every metric below its minimum", () => {
    const thresholds = thresholdsSchema.parse({
      dataset: "tiny.jsonl",
      course: "c",
      split: "test",
      configs: { a: { hit5: 0.9, refusal_f1: 0.6 }, missing: { ndcg10: 0.1 } },
    });
    const outcome = checkThresholds(report, thresholds, "t.json");
    // On the test split: hit5 1 (passes 0.9); refusal: tp u1, fn i1, no fp → F1 0.667 (passes 0.6).
    expect(outcome.regressions).toEqual([
      { config: "missing", metric: "ndcg10", minimum: 0.1, actual: null },
    ]);
    expect(outcome.passed).toBe(false);
    const all = checkThresholds(report, { ...thresholds, split: "all", configs: { a: { hit5: 0.9 } } });
    expect(all.regressions).toEqual([{ config: "a", metric: "hit5", minimum: 0.9, actual: 0.5 }]);
    expect(describeRegressions(all)).toEqual(["a hit5: 0.5000 < minimum 0.9"]);
  });

  it("refuses latency minimums and malformed files", async () => {
    expect(() =>
      thresholdsSchema.parse({ dataset: "d", course: "c", configs: { a: { p95_ms: 100 } } }),
    ).toThrow();
    const dir = await mkdtemp(path.join(os.tmpdir(), "eval-gate-"));
    try {
      const file = path.join(dir, "t.json");
      await writeFile(file, JSON.stringify({ dataset: "d", course: "c", configs: { a: { hit5: 2 } } }));
      await expect(loadThresholds(file)).rejects.toThrow(/invalid thresholds/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
