/**
 * Ranking, answer and refusal metrics as pure functions over plain numbers, so each can be
 * checked against values computed by hand. Ranks are 1-based in the docs and 0-based in arrays.
 */

/** A retrieved item as the ranking metrics see it: its grade and which expected source it is. */
export interface RankedJudgement {
  /** 2 = expected source and expected phrase, 1 = expected source only, 0 = neither. */
  grade: number;
  /** Index into the case's expected sources, or -1. */
  sourceIndex: number;
}

/** 1 when an item of at least `minGrade` is in the top k, else 0. */
export function hitAtK(ranked: readonly RankedJudgement[], k: number, minGrade = 2): number {
  return ranked.slice(0, k).some((item) => item.grade >= minGrade) ? 1 : 0;
}

/**
 * Share of the expected sources that have an item of at least `minGrade` in the top k. A
 * question that needs two documents scores 0.5 when only one of them is found.
 */
export function recallAtK(
  ranked: readonly RankedJudgement[],
  expectedSources: number,
  k: number,
  minGrade = 2,
): number {
  if (expectedSources <= 0) return 0;
  const found = new Set<number>();
  for (const item of ranked.slice(0, k)) {
    if (item.grade >= minGrade && item.sourceIndex >= 0) found.add(item.sourceIndex);
  }
  return found.size / expectedSources;
}

/** 1 / rank of the first item of at least `minGrade` within the top k, 0 when there is none. */
export function reciprocalRankAtK(ranked: readonly RankedJudgement[], k: number, minGrade = 2): number {
  const index = ranked.slice(0, k).findIndex((item) => item.grade >= minGrade);
  return index < 0 ? 0 : 1 / (index + 1);
}

/** Discounted cumulative gain: Σ gain_i / log2(i + 1) over ranks i = 1..k (linear gains). */
export function dcgAtK(gains: readonly number[], k: number): number {
  let total = 0;
  gains.slice(0, k).forEach((gain, index) => {
    total += gain / Math.log2(index + 2);
  });
  return total;
}

/**
 * nDCG@k = DCG@k / IDCG@k, where IDCG@k is the DCG of `idealPool` sorted best first. 0 when the
 * pool holds no gain.
 */
export function ndcgAtK(gains: readonly number[], idealPool: readonly number[], k: number): number {
  const ideal = dcgAtK(
    [...idealPool].sort((a, b) => b - a),
    k,
  );
  if (ideal <= 0) return 0;
  return Math.min(1, dcgAtK(gains, k) / ideal);
}

/**
 * The ideal pool for one case's nDCG: every chunk of the course that holds an expected phrase
 * (gain 2) plus the source-only matches (gain 1) that the system actually retrieved in its top
 * k. So missing an answer chunk costs, and the order of the partial matches counts, but nobody
 * is asked to fill ten slots with the unrelated sections of an expected document.
 */
export function idealPoolFor(
  relevantInCourse: number,
  retrievedGrades: readonly number[],
  k: number,
): number[] {
  const partial = retrievedGrades.slice(0, k).filter((g) => g === 1);
  return [...Array.from({ length: relevantInCourse }, () => 2), ...partial];
}

/**
 * RAGAS context precision: the mean of precision@i over the positions i that hold a relevant
 * context (1-based). [rel, no, rel] → (1/1 + 2/3) / 2. 0 when nothing is relevant.
 */
export function averagePrecision(relevant: readonly boolean[]): number {
  let hits = 0;
  let sum = 0;
  relevant.forEach((isRelevant, index) => {
    if (!isRelevant) return;
    hits += 1;
    sum += hits / (index + 1);
  });
  return hits === 0 ? 0 : sum / hits;
}

/** A share, or null when there is nothing to take a share of. */
export function share(part: number, whole: number): number | null {
  return whole <= 0 ? null : part / whole;
}

export interface RefusalOutcome {
  /** The case's category expects the tutor to decline. */
  expected: boolean;
  /** The tutor declined (`no_answer` or `refused`). */
  predicted: boolean;
}

export interface RefusalScores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Of the declines, the share that should have been declines; null when nothing was declined. */
  precision: number | null;
  /** Of the cases that should be declined, the share that were; null when none should be. */
  recall: number | null;
  /** Harmonic mean; null when no case should be declined, 0 when nothing right was declined. */
  f1: number | null;
}

export function refusalScores(outcomes: readonly RefusalOutcome[]): RefusalScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const o of outcomes) {
    if (o.expected && o.predicted) tp++;
    else if (!o.expected && o.predicted) fp++;
    else if (o.expected && !o.predicted) fn++;
    else tn++;
  }
  const precision = share(tp, tp + fp);
  const recall = share(tp, tp + fn);
  let f1: number | null;
  if (recall === null) f1 = null;
  else if (precision === null || precision + recall === 0) f1 = 0;
  else f1 = (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** Nearest-rank percentile (p in 0..100) of the values; null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] as number;
}

/** Mean of the numbers present; null when there are none. */
export function meanOf(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (typeof v !== "number" || Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  return count === 0 ? null : sum / count;
}

/** How an answer's statements line up with the reference answer's (RAGAS answer correctness). */
export interface StatementCounts {
  /** Answer statements the reference supports. */
  tp: number;
  /** Answer statements the reference does not support. */
  fp: number;
  /** Reference statements the answer leaves out. */
  fn: number;
}

/** F1 over statements: tp / (tp + (fp + fn) / 2); null when there is nothing to count. */
export function statementF1({ tp, fp, fn }: StatementCounts): number | null {
  const whole = tp + 0.5 * (fp + fn);
  return whole <= 0 ? null : tp / whole;
}

/** RAGAS's default blend: 0.75 factual F1, 0.25 semantic similarity with the reference. */
export const CORRECTNESS_WEIGHTS = { factuality: 0.75, similarity: 0.25 } as const;

/**
 * Answer correctness: the statement F1 blended with the answer's semantic similarity to the
 * reference (0..1), weighted as RAGAS does by default.
 */
export function answerCorrectness(
  counts: StatementCounts,
  similarity: number,
  weights: { factuality: number; similarity: number } = CORRECTNESS_WEIGHTS,
): number {
  const f1 = statementF1(counts) ?? 0;
  const total = weights.factuality + weights.similarity;
  const clamped = Math.max(0, Math.min(1, similarity));
  return (weights.factuality * f1 + weights.similarity * clamped) / total;
}
