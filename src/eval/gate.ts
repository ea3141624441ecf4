import { readFile } from "node:fs/promises";
import { z } from "zod";
import { SPLITS } from "./dataset.ts";
import {
  type EvalReport,
  type GateOutcome,
  METRIC_NAMES,
  metricsForSplit,
  type Regression,
} from "./report.ts";

/**
 * `evals/thresholds.json`: minimum figures per configuration and metric, for one dataset on one
 * course and one half of it. A run below any minimum is a regression (`npm run eval` exits 1,
 * `evals/*.eval.ts` fails).
 */
const QUALITY_METRICS = METRIC_NAMES.filter((m) => m !== "p50_ms" && m !== "p95_ms") as [
  (typeof METRIC_NAMES)[number],
  ...(typeof METRIC_NAMES)[number][],
];
// Latency depends on the machine and what else runs on it: it is reported, never gated.
const minimumsSchema = z.partialRecord(z.enum(QUALITY_METRICS), z.number().min(0).max(1));

export const thresholdsSchema = z.object({
  /** The dataset file name these minimums were measured on (e.g. "aie101.jsonl"). */
  dataset: z.string().min(1),
  course: z.string().min(1),
  split: z.enum([...SPLITS, "all"]).default("test"),
  note: z.string().optional(),
  configs: z.record(z.string().min(1), minimumsSchema),
});

export type Thresholds = z.infer<typeof thresholdsSchema>;

export async function loadThresholds(file: string): Promise<Thresholds> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new Error(
      `cannot read thresholds ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = thresholdsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid thresholds ${file}: ${problems}`);
  }
  return parsed.data;
}

/** Every metric below its minimum; a missing configuration or figure is a regression too. */
export function checkThresholds(
  report: EvalReport,
  thresholds: Thresholds,
  label = "thresholds",
): GateOutcome {
  const metrics = metricsForSplit(report, thresholds.split);
  const regressions: Regression[] = [];
  for (const [config, minimums] of Object.entries(thresholds.configs)) {
    for (const [metric, minimum] of Object.entries(minimums)) {
      const actual = metrics?.[config]?.[metric as keyof (typeof metrics)[string]] ?? null;
      if (actual === null || actual < minimum) regressions.push({ config, metric, minimum, actual });
    }
  }
  return { thresholds: label, split: thresholds.split, passed: regressions.length === 0, regressions };
}

export function describeRegressions(outcome: GateOutcome): string[] {
  return outcome.regressions.map(
    (r) =>
      `${r.config} ${r.metric}: ${r.actual === null ? "not measured" : r.actual.toFixed(4)} < minimum ${r.minimum}`,
  );
}
