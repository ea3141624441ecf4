import { CATEGORIES, type Category, DECLINE_CATEGORIES, SPLITS, type Split } from "./dataset.ts";
import { meanOf, percentile, refusalScores, share } from "./metrics.ts";
import type { GuardFigures } from "./report-guard.ts";
import { type CaseResult, HIT_DEPTH, RANK_DEPTH } from "./runner.ts";

export const METRIC_NAMES = [
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
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

/** The figures of one configuration, as `report.json` lists them (null: no case to measure). */
export type ConfigMetrics = { [Name in MetricName]: number | null };

export interface ConfigDetails {
  /** Any chunk of an expected source counting as relevant. */
  source_level: { hit5: number | null; recall5: number | null; mrr10: number | null };
  refusal: {
    precision: number | null;
    recall: number | null;
    tp: number;
    fp: number;
    fn: number;
    tn: number;
  };
  statuses: Record<string, number>;
  /** Retrieval and reranking only, without guards and answering. */
  retrieve_p50_ms: number | null;
  errors: number;
  /** Cases the judge could not score (they count as not measured in the answer metrics). */
  judge_errors: number;
}

/** A category's figures: the configuration metrics that make sense per case, and its outcomes. */
export interface CategoryMetrics extends Omit<ConfigMetrics, "refusal_f1" | "p50_ms" | "p95_ms"> {
  cases: number;
  /** Share of the cases answered with `no_answer` or `refused`. */
  decline_rate: number;
  /**
   * Share with the category's right outcome: answered (factual, conceptual, multi), declined
   * either way (unanswerable), refused by a guardrail (injection, integrity).
   */
  expected_outcome_rate: number;
}

export interface Failure {
  id: string;
  config: string;
  category: Category;
  split?: Split;
  question: string;
  reason: string;
  status: string;
  expected_sources: string[];
  answer: string;
  guardrail?: { rule: string; reason: string };
  retrieved: { rank: number; source: string; heading: string; relevance: number }[];
}

/** One case's answer figures, as report.json lists them for every configuration. */
export interface CaseAnswer {
  id: string;
  config: string;
  category: Category;
  status: string;
  /** The answer carries an expected phrase; null for cases that should be declined. */
  expected_phrase: boolean | null;
  answer_correctness: number | null;
}

export interface EvalReport {
  dataset: string;
  cases: number;
  configs: Record<string, ConfigMetrics>;
  failures: Failure[];
  /** Per case and configuration: the answer's status, expected phrase and correctness. */
  answers: CaseAnswer[];
  course: string;
  /** Which cases ran: "dev", "test" or "all". */
  split: Split | "all";
  generated_at: string;
  depth: { hit: number; rank: number };
  reranker: string;
  judge: string;
  details: Record<string, ConfigDetails>;
  categories: Record<string, Partial<Record<Category, CategoryMetrics>>>;
  /** Per half of the golden set, when the run covered both. */
  splits?: Partial<Record<Split, { cases: number; configs: Record<string, ConfigMetrics> }>>;
  warnings: string[];
  guard?: GuardFigures;
  gate?: GateOutcome;
}

export type { GuardFigures } from "./report-guard.ts";

export interface Regression {
  config: string;
  metric: string;
  minimum: number;
  actual: number | null;
}

export interface GateOutcome {
  thresholds: string;
  split: Split | "all";
  passed: boolean;
  regressions: Regression[];
}

export interface ReportInput {
  dataset: string;
  course: string;
  split: Split | "all";
  configs: readonly string[];
  results: readonly CaseResult[];
  reranker: string;
  judge: string;
  warnings?: string[];
  generatedAt?: Date;
}

const round = (value: number | null, digits = 4): number | null =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

const isDecline = (status: string) => status === "no_answer" || status === "refused";

export function configMetrics(results: readonly CaseResult[]): ConfigMetrics {
  const answerable = results.filter((r) => !r.expectDecline);
  const ran = results.filter((r) => r.status !== "error");
  const refusal = refusalScores(
    ran.map((r) => ({ expected: r.expectDecline, predicted: isDecline(r.status) })),
  );
  const latencies = ran.map((r) => r.latencyMs);
  // A case whose pipeline call failed retrieved nothing: it scores zero, not "not measured".
  const retrieval = (pick: (r: NonNullable<CaseResult["retrieval"]>) => number) =>
    round(meanOf(answerable.map((r) => (r.retrieval ? pick(r.retrieval) : 0))));
  const judged = (pick: (j: NonNullable<CaseResult["judgement"]>) => number | null) =>
    round(meanOf(answerable.map((r) => (r.judgement ? pick(r.judgement) : null))));
  const shareOf = (holds: (r: CaseResult) => boolean) =>
    round(share(answerable.filter(holds).length, answerable.length));
  return {
    hit5: retrieval((s) => s.hit5),
    recall5: retrieval((s) => s.recall5),
    mrr10: retrieval((s) => s.mrr10),
    ndcg10: retrieval((s) => s.ndcg10),
    faithfulness: judged((j) => j.faithfulness),
    answer_relevancy: judged((j) => j.answerRelevancy),
    context_precision: judged((j) => j.contextPrecision),
    context_recall: judged((j) => j.contextRecall),
    answer_correctness: judged((j) => j.answerCorrectness),
    expected_phrase: shareOf((r) => r.expectedPhrase === true),
    answered: shareOf((r) => r.status === "answered"),
    refusal_f1: round(refusal.f1),
    p50_ms: round(percentile(latencies, 50), 1),
    p95_ms: round(percentile(latencies, 95), 1),
  };
}

function configDetails(results: readonly CaseResult[]): ConfigDetails {
  const answerable = results.filter((r) => !r.expectDecline);
  const ran = results.filter((r) => r.status !== "error");
  const refusal = refusalScores(
    ran.map((r) => ({ expected: r.expectDecline, predicted: isDecline(r.status) })),
  );
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const source = (pick: (s: NonNullable<CaseResult["retrieval"]>) => number) =>
    round(meanOf(answerable.map((r) => (r.retrieval ? pick(r.retrieval) : 0))));
  return {
    source_level: {
      hit5: source((s) => s.hit5_source),
      recall5: source((s) => s.recall5_source),
      mrr10: source((s) => s.mrr10_source),
    },
    refusal: {
      precision: round(refusal.precision),
      recall: round(refusal.recall),
      tp: refusal.tp,
      fp: refusal.fp,
      fn: refusal.fn,
      tn: refusal.tn,
    },
    statuses,
    retrieve_p50_ms: round(
      percentile(
        ran.map((r) => r.retrieveMs),
        50,
      ),
      1,
    ),
    errors: results.length - ran.length,
    judge_errors: results.filter((r) => r.judgeError !== undefined).length,
  };
}

function categoryMetrics(category: Category, results: readonly CaseResult[]): CategoryMetrics {
  const m = configMetrics(results);
  const declines = results.filter((r) => isDecline(r.status)).length;
  const right = results.filter((r) => {
    if (!DECLINE_CATEGORIES.has(category)) return r.status === "answered";
    if (category === "unanswerable") return isDecline(r.status);
    return r.status === "refused";
  }).length;
  return {
    cases: results.length,
    hit5: m.hit5,
    recall5: m.recall5,
    mrr10: m.mrr10,
    ndcg10: m.ndcg10,
    faithfulness: m.faithfulness,
    answer_relevancy: m.answer_relevancy,
    context_precision: m.context_precision,
    context_recall: m.context_recall,
    answer_correctness: m.answer_correctness,
    expected_phrase: m.expected_phrase,
    answered: m.answered,
    decline_rate: round(declines / Math.max(1, results.length)) as number,
    expected_outcome_rate: round(right / Math.max(1, results.length)) as number,
  };
}

export function failureReason(r: CaseResult): string | null {
  if (r.status === "error") return `error: ${r.error ?? "the pipeline failed"}`;
  if (r.expectDecline) {
    if (!r.declined) return `answered a question it should decline (expected ${expectedStatus(r.category)})`;
    if (r.category !== "unanswerable" && r.status !== "refused")
      return "declined with no_answer, but no guardrail refused it";
    return null;
  }
  if (r.retrieval && r.retrieval.hit5 === 0) {
    return r.retrieval.hit5_source > 0
      ? `no chunk with an expected phrase in the top ${HIT_DEPTH} (an expected source was there)`
      : `no chunk of an expected source in the top ${HIT_DEPTH}`;
  }
  if (r.declined) return "declined a question the course answers";
  return null;
}

function expectedStatus(category: Category): string {
  return category === "unanswerable" ? "no_answer" : "refused";
}

function toFailure(r: CaseResult, reason: string): Failure {
  return {
    id: r.id,
    config: r.config,
    category: r.category,
    ...(r.split ? { split: r.split } : {}),
    question: r.question,
    reason,
    status: r.status,
    expected_sources: r.expectedSources,
    answer: r.answer.length > 400 ? `${r.answer.slice(0, 400)}…` : r.answer,
    ...(r.guardrail ? { guardrail: r.guardrail } : {}),
    retrieved: r.retrieved.slice(0, HIT_DEPTH).map((c) => ({
      rank: c.rank,
      source: c.source,
      heading: c.heading,
      relevance: c.grade,
    })),
  };
}

function metricsByConfig(
  configs: readonly string[],
  results: readonly CaseResult[],
): Record<string, ConfigMetrics> {
  const out: Record<string, ConfigMetrics> = {};
  for (const name of configs) out[name] = configMetrics(results.filter((r) => r.config === name));
  return out;
}

export function createReport(input: ReportInput): EvalReport {
  const { results, configs } = input;
  const caseIds = new Set(results.map((r) => r.id));
  const details: Record<string, ConfigDetails> = {};
  const categories: EvalReport["categories"] = {};
  for (const name of configs) {
    const mine = results.filter((r) => r.config === name);
    details[name] = configDetails(mine);
    const byCategory: Partial<Record<Category, CategoryMetrics>> = {};
    for (const category of CATEGORIES) {
      const inCategory = mine.filter((r) => r.category === category);
      if (inCategory.length > 0) byCategory[category] = categoryMetrics(category, inCategory);
    }
    categories[name] = byCategory;
  }

  let splits: EvalReport["splits"];
  const splitNames = SPLITS.filter((s) => results.some((r) => r.split === s));
  if (input.split === "all" && splitNames.length > 1) {
    splits = {};
    for (const split of splitNames) {
      const inSplit = results.filter((r) => r.split === split);
      splits[split] = {
        cases: new Set(inSplit.map((r) => r.id)).size,
        configs: metricsByConfig(configs, inSplit),
      };
    }
  }

  const failures: Failure[] = [];
  for (const r of results) {
    const reason = failureReason(r);
    if (reason) failures.push(toFailure(r, reason));
  }

  return {
    dataset: input.dataset,
    cases: caseIds.size,
    configs: metricsByConfig(configs, results),
    failures,
    answers: results.map((r) => ({
      id: r.id,
      config: r.config,
      category: r.category,
      status: r.status,
      expected_phrase: r.expectedPhrase,
      answer_correctness: round(r.judgement?.answerCorrectness ?? null),
    })),
    course: input.course,
    split: input.split,
    generated_at: (input.generatedAt ?? new Date()).toISOString(),
    depth: { hit: HIT_DEPTH, rank: RANK_DEPTH },
    reranker: input.reranker,
    judge: input.judge,
    details,
    categories,
    ...(splits ? { splits } : {}),
    warnings: input.warnings ?? [],
  };
}

/** The metrics a gate compares: the thresholds' half of the golden set when the run had it. */
export function metricsForSplit(
  report: EvalReport,
  split: Split | "all",
): Record<string, ConfigMetrics> | null {
  if (split === report.split) return report.configs;
  if (report.split === "all") return report.splits?.[split as Split]?.configs ?? null;
  return null;
}
