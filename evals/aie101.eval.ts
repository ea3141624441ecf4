import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, packageRoot } from "../src/app/config.ts";
import type { Tutor } from "../src/app/tutor.ts";
import type { Db } from "../src/db/db.ts";
import { SentenceEncoderEmbeddings } from "../src/embed/index.ts";
import { parseConfigList } from "../src/eval/configs.ts";
import { parseJsonl } from "../src/eval/dataset.ts";
import { createEvalTutor, type Evaluation, evaluate } from "../src/eval/evaluate.ts";
import { checkThresholds, thresholdsSchema } from "../src/eval/gate.ts";
import { openSeededDb } from "../tests/helpers/db.ts";

/**
 * The regression gate on the bundled course: runs the golden set's held-out test split through
 * the same pipeline the API uses, for every configuration evals/thresholds.json names, and
 * fails when any figure falls below its minimum. `npm run eval` applies the same thresholds.
 */
const thresholdsFile = path.join(packageRoot, "evals", "thresholds.json");
const thresholds = thresholdsSchema.parse(JSON.parse(readFileSync(thresholdsFile, "utf8")));
const configs = parseConfigList(Object.keys(thresholds.configs));
const ANSWER_METRICS = ["faithfulness", "answer_relevancy", "context_precision", "context_recall"];
// Judging answers is the slow part: only configurations with answer-metric minimums are judged.
const judgeConfigs = Object.entries(thresholds.configs)
  .filter(([, minimums]) => Object.keys(minimums).some((m) => ANSWER_METRICS.includes(m)))
  .map(([name]) => name);

let db: Db;
let embeddings: SentenceEncoderEmbeddings;
let tutor: Tutor;
let evaluation: Evaluation;

beforeAll(async () => {
  const parsed = parseJsonl(await readFile(path.join(packageRoot, "evals", thresholds.dataset), "utf8"));
  if (!parsed.ok) throw new Error(`evals/${thresholds.dataset} is invalid`);
  db = await openSeededDb();
  embeddings = new SentenceEncoderEmbeddings({ workers: 0 });
  // Default settings, as a fresh install runs: the default reranker, no LLM (offline judge).
  tutor = await createEvalTutor(loadConfig({}), { db, embeddings });
  evaluation = await evaluate(tutor, {
    course: thresholds.course,
    datasetName: thresholds.dataset,
    cases: parsed.cases,
    configs,
    judgeConfigs,
    split: thresholds.split,
  });
}, 900_000);

afterAll(async () => {
  await tutor?.close();
  await db?.close();
});

describe(`${thresholds.dataset} (${thresholds.split} split) meets evals/thresholds.json`, () => {
  it("ran every case of the split for every configuration without errors", () => {
    const { report } = evaluation;
    expect(report.split).toBe(thresholds.split);
    expect(report.cases).toBeGreaterThanOrEqual(80);
    expect(report.warnings).toEqual([]);
    for (const config of configs) expect(report.details[config.name]?.errors, config.name).toBe(0);
  });

  for (const [config, minimums] of Object.entries(thresholds.configs)) {
    it(`${config}: ${Object.keys(minimums).join(", ")}`, () => {
      const outcome = checkThresholds(evaluation.report, { ...thresholds, configs: { [config]: minimums } });
      const measured = evaluation.report.configs[config];
      expect(outcome.regressions, `measured ${JSON.stringify(measured)}`).toEqual([]);
    });
  }
});
