/**
 * Fits the no-answer thresholds for an embedder and writes src/answer/calibration/<model>.json,
 * which the tutor loads when it runs with that embedder. Similarity scales differ between models
 * (the bundled sentence encoder puts unrelated sentences near 0.2, MiniLM near 0), so thresholds
 * fitted for one do not carry over.
 *
 *   npx tsx scripts/calibrate-confidence.ts [--embedder MODEL] [--data DIR] [--dry-run]
 *
 * Questions: the calibration half of tests/fixtures/confidence-questions.json (on- and off-topic)
 * and the golden set's dev split (answerable vs unanswerable). Each goes through the tutor's real
 * pipeline once; its coverage and best vector similarity are recorded; then a grid search picks
 * the thresholds with the best balanced accuracy (answerable answered, unanswerable declined).
 * The held-out half of the confidence questions is only scored, never fitted on.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Calibration, calibrationFile } from "../src/answer/calibration/index.ts";
import {
  type ConfidenceThresholds,
  defaultConfidenceThresholds,
  isConfident,
} from "../src/answer/confidence.ts";
import { loadConfig, packageRoot } from "../src/app/config.ts";
import { createTutor, type Tutor } from "../src/app/tutor.ts";
import { DECLINE_CATEGORIES, parseJsonl, selectSplit } from "../src/eval/dataset.ts";

interface Sample {
  question: string;
  answerable: boolean;
  coverage: number;
  similarity: number | null;
}

const log = (line: string) => process.stdout.write(`${line}\n`);

async function measure(
  tutor: Tutor,
  questions: { question: string; answerable: boolean }[],
): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const { question, answerable } of questions) {
    const { trace } = await tutor.pipeline.askWithTrace({
      course: "aie101",
      message: question,
      surface: "eval",
    });
    samples.push({ question, answerable, coverage: trace.coverage, similarity: trace.topVectorSimilarity });
  }
  return samples;
}

function balancedAccuracy(samples: readonly Sample[], thresholds: ConfidenceThresholds): number {
  let answered = 0;
  let answerable = 0;
  let declined = 0;
  let unanswerable = 0;
  for (const s of samples) {
    const confident = isConfident({ coverage: s.coverage, topVectorSimilarity: s.similarity }, thresholds);
    if (s.answerable) {
      answerable++;
      if (confident) answered++;
    } else {
      unanswerable++;
      if (!confident) declined++;
    }
  }
  return (answered / Math.max(1, answerable) + declined / Math.max(1, unanswerable)) / 2;
}

const steps = (from: number, to: number, step: number) =>
  Array.from(
    { length: Math.round((to - from) / step) + 1 },
    (_, i) => Math.round((from + i * step) * 100) / 100,
  );

/** The grid point with the best balanced accuracy; ties go to the lower coverage bars (answer more). */
function fitThresholds(samples: readonly Sample[]): { thresholds: ConfidenceThresholds; score: number } {
  let best = {
    thresholds: defaultConfidenceThresholds,
    score: balancedAccuracy(samples, defaultConfidenceThresholds),
  };
  for (const minCoverage of steps(0.3, 0.7, 0.05))
    for (const minVectorSimilarity of steps(-0.1, 0.5, 0.02))
      for (const strongVectorSimilarity of steps(0.3, 0.8, 0.05))
        for (const minCoverageWhenStrong of steps(0, 0.5, 0.05)) {
          const thresholds = {
            ...defaultConfidenceThresholds,
            minCoverage,
            minVectorSimilarity,
            strongVectorSimilarity,
            minCoverageWhenStrong,
          };
          const score = balancedAccuracy(samples, thresholds);
          if (score > best.score + 1e-9) best = { thresholds, score };
        }
  return best;
}

async function main() {
  const { values } = parseArgs({
    options: {
      embedder: { type: "string" },
      data: { type: "string" },
      dataset: { type: "string", default: path.join(packageRoot, "evals", "aie101.jsonl") },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent" };
  if (values.embedder) env.EMBEDDING_MODEL = values.embedder;
  if (values.data) env.TUTOR_DATA_DIR = values.data;
  const config = loadConfig(env);
  const fixture = JSON.parse(
    await readFile(path.join(packageRoot, "tests", "fixtures", "confidence-questions.json"), "utf8"),
  ) as Record<"calibration" | "held_out", { on_topic: string[]; off_topic: string[] }>;
  const parsed = parseJsonl(await readFile(values.dataset as string, "utf8"));
  if (!parsed.ok) throw new Error("dataset problems");
  const dev = selectSplit(parsed.cases, "dev").filter(
    (c) => c.category !== "injection" && c.category !== "integrity",
  );
  const asQuestions = (half: { on_topic: string[]; off_topic: string[] }) => [
    ...half.on_topic.map((question) => ({ question, answerable: true })),
    ...half.off_topic.map((question) => ({ question, answerable: false })),
  ];
  const tutor = await createTutor(config);
  try {
    if (await tutor.courseIsEmpty("aie101")) await tutor.ingest(config.corpusDir, "aie101");
    log(
      `Embedder ${tutor.embeddings.modelId}: measuring ${dev.length} dev cases and the confidence questions…`,
    );
    const fitting = await measure(tutor, [
      ...asQuestions(fixture.calibration),
      ...dev.map((c) => ({ question: c.question, answerable: !DECLINE_CATEGORIES.has(c.category) })),
    ]);
    const heldOut = await measure(tutor, asQuestions(fixture.held_out));
    const before = balancedAccuracy(fitting, defaultConfidenceThresholds);
    const { thresholds, score } = fitThresholds(fitting);
    log(
      `  default thresholds: fitting set ${before.toFixed(3)}, held out ${balancedAccuracy(heldOut, defaultConfidenceThresholds).toFixed(3)}`,
    );
    log(
      `  fitted thresholds:  fitting set ${score.toFixed(3)}, held out ${balancedAccuracy(heldOut, thresholds).toFixed(3)}`,
    );
    log(`  ${JSON.stringify(thresholds)}`);
    const calibration: Calibration = {
      version: 1,
      confidence: thresholds,
      fittedOn: {
        questions: fitting.length,
        heldOut: heldOut.length,
        balancedAccuracy: Math.round(score * 1000) / 1000,
        heldOutBalancedAccuracy: Math.round(balancedAccuracy(heldOut, thresholds) * 1000) / 1000,
        date: new Date().toISOString().slice(0, 10),
      },
    };
    if (values["dry-run"]) return;
    const file = calibrationFile(tutor.embeddings.modelId);
    await writeFile(file, `${JSON.stringify(calibration, null, 2)}\n`);
    log(`Written to ${path.relative(process.cwd(), file)}`);
  } finally {
    await tutor.close();
  }
}

await main();
