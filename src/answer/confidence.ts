import type { ScoredChunk } from "../core/chunks.ts";
import { contentTerms, uniqueTerms } from "../text/terms.ts";

export interface RetrievalSignals {
  /** Share of the question's terms (IDF-weighted) that occur in the top chunks, 0..1. */
  coverage: number;
  /** Best cosine similarity between the question and any chunk; null without vector search. */
  topVectorSimilarity: number | null;
}

export interface ConfidenceThresholds {
  /** Coverage needed alongside an ordinary vector similarity. */
  minCoverage: number;
  /** Vector similarity below which nothing counts as on topic. */
  minVectorSimilarity: number;
  /** A vector similarity this high lets a paraphrased question through with little word overlap. */
  strongVectorSimilarity: number;
  /** Coverage still needed with a strong vector similarity. */
  minCoverageWhenStrong: number;
  /**
   * Between the floor and strong: a casual question ("2 ppl tagging the same emails keep
   * disagreeing") shares few words with the material but sits this close to a passage. It goes
   * to the answerer with this much coverage, and the answerer declines when no sentence of the
   * passages addresses it. Absent: no such tier (a calibration fitted before it existed).
   */
  closeVectorSimilarity?: number;
  minCoverageWhenClose?: number;
  /** Coverage needed when there is no vector signal at all (BM25 only). */
  minCoverageLexicalOnly: number;
}

/**
 * Calibrated on the bundled course with the calibration questions in
 * tests/fixtures/confidence-questions.json and checked on a held-out set by
 * tests/answer/confidence-calibration.test.ts. Coverage separates on-topic from off-topic
 * questions. USE similarity overlaps heavily (acronyms it does not know score low, everyday
 * off-topic phrases can score high), so it is only a floor and, when high, lets a paraphrase with
 * little word overlap through.
 */
export const defaultConfidenceThresholds: ConfidenceThresholds = {
  minCoverage: 0.55,
  minVectorSimilarity: 0.12,
  strongVectorSimilarity: 0.55,
  minCoverageWhenStrong: 0.2,
  closeVectorSimilarity: 0.36,
  minCoverageWhenClose: 0.3,
  minCoverageLexicalOnly: 0.6,
};

/** How much of what the question asks about the top chunks mention, weighting rare terms up. */
export function queryCoverage(
  question: string,
  chunks: readonly ScoredChunk[],
  termWeight: (term: string) => number,
  topN = 3,
): number {
  const terms = uniqueTerms(question);
  if (terms.length === 0) return 0;
  const present = new Set<string>();
  for (const chunk of chunks.slice(0, topN)) {
    for (const term of contentTerms(`${chunk.headingPath.join(" ")} ${chunk.text}`)) present.add(term);
  }
  let total = 0;
  let covered = 0;
  for (const term of terms) {
    const weight = termWeight(term);
    total += weight;
    if (present.has(term)) covered += weight;
  }
  return total === 0 ? 0 : covered / total;
}

/**
 * A question is covered when either of its forms is: the chunks found for "BM25's k1" say BM25,
 * not "Best Matching 25", and those for "RRF" may say only "reciprocal rank fusion". When a
 * reranker reordered the chunks, the question must look covered in the fused order too (the
 * no-answer thresholds were calibrated there), so a reranker lifting one chunk for a single rare
 * word ("how do I train my dog" → a bag-of-words example) cannot make it look answerable.
 */
export function retrievalCoverage(
  question: { query: string; spelledOut: string },
  results: readonly ScoredChunk[],
  fusedResults: readonly ScoredChunk[] | undefined,
  termWeight: (term: string) => number,
): number {
  const coverageOf = (chunks: readonly ScoredChunk[]) => {
    const asAsked = queryCoverage(question.query, chunks, termWeight);
    return question.spelledOut === question.query
      ? asAsked
      : Math.max(asAsked, queryCoverage(question.spelledOut, chunks, termWeight));
  };
  const covered = coverageOf(results);
  return fusedResults ? Math.min(covered, coverageOf(fusedResults)) : covered;
}

/**
 * How sure retrieval is that the passages answer the question: `confident` on the fitted rules,
 * `close` when only the close tier admits it (a casual paraphrase, or an off-course question that
 * shares a course word: the off-topic rule still judges it), `low` otherwise.
 */
export function retrievalConfidence(
  signals: RetrievalSignals,
  thresholds: ConfidenceThresholds = defaultConfidenceThresholds,
): "confident" | "close" | "low" {
  const { coverage, topVectorSimilarity: similarity } = signals;
  if (similarity === null) return coverage >= thresholds.minCoverageLexicalOnly ? "confident" : "low";
  if (similarity < thresholds.minVectorSimilarity) return "low";
  if (similarity >= thresholds.strongVectorSimilarity && coverage >= thresholds.minCoverageWhenStrong)
    return "confident";
  if (coverage >= thresholds.minCoverage) return "confident";
  const { closeVectorSimilarity: close, minCoverageWhenClose: closeCoverage } = thresholds;
  if (close !== undefined && closeCoverage !== undefined && similarity >= close && coverage >= closeCoverage)
    return "close";
  return "low";
}

/** Whether the answerer gets to try: confident or close. */
export function isConfident(
  signals: RetrievalSignals,
  thresholds: ConfidenceThresholds = defaultConfidenceThresholds,
): boolean {
  return retrievalConfidence(signals, thresholds) !== "low";
}
