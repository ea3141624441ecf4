import { z } from "zod";
import { cosine } from "../../text/vector.ts";

export interface GroupingOptions {
  /**
   * Cosine similarity of two questions' embeddings at or above which they count as the same
   * question. Calibrated for the bundled Universal Sentence Encoder on the dev split of
   * evals/escalations/paraphrases.jsonl by scripts/calibrate-grouping.ts (docs/escalations.md).
   */
  threshold: number;
}

export const defaultGrouping: GroupingOptions = { threshold: 0.7 };

/** A stored question vector of an open group. */
export interface GroupVector {
  groupId: string;
  embedding: ArrayLike<number>;
}

/**
 * The open group a new question joins: the one holding the most similar question, if that
 * similarity reaches the threshold (a group is as close as its closest member).
 */
export function nearestGroup(
  question: ArrayLike<number>,
  candidates: readonly GroupVector[],
  threshold: number,
): { groupId: string; similarity: number } | undefined {
  let best: { groupId: string; similarity: number } | undefined;
  for (const candidate of candidates) {
    const similarity = cosine(question, candidate.embedding);
    if (similarity >= threshold && (!best || similarity > best.similarity)) {
      best = { groupId: candidate.groupId, similarity };
    }
  }
  return best;
}

const paraphrasePairSchema = z.object({
  split: z.enum(["dev", "test"]),
  same: z.boolean(),
  a: z.string().min(1),
  b: z.string().min(1),
});

/** One labelled pair of questions: the same question in other words, or a different one. */
export type ParaphrasePair = z.infer<typeof paraphrasePairSchema>;

/** The pairs of a JSONL file (evals/escalations/paraphrases.jsonl); a bad line names its number. */
export function parseParaphrasePairs(text: string): ParaphrasePair[] {
  return text
    .split("\n")
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => {
      const parsed = paraphrasePairSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`paraphrase pair on line ${number}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** Each pair's cosine similarity under an embedder (the questions embedded as queries). */
export async function scorePairs(
  embedder: { embedQuery(text: string): Promise<number[]> },
  pairs: readonly ParaphrasePair[],
): Promise<(ParaphrasePair & { score: number })[]> {
  const scored: (ParaphrasePair & { score: number })[] = [];
  for (const pair of pairs) {
    const [a, b] = [await embedder.embedQuery(pair.a), await embedder.embedQuery(pair.b)];
    scored.push({ ...pair, score: cosine(a, b) });
  }
  return scored;
}

export interface ThresholdFit {
  threshold: number;
  precision: number;
  recall: number;
  fBeta: number;
}

/**
 * The threshold that maximises F-beta on scored pairs (beta 0.5 weighs precision twice: merging
 * two different questions sends one student a wrong answer, missing a merge only costs the staff
 * a second answer). Candidates sit halfway between neighbouring scores.
 */
export function fitThreshold(scored: readonly { score: number; same: boolean }[], beta = 0.5): ThresholdFit {
  const scores = [...new Set(scored.map((s) => s.score))].sort((a, b) => a - b);
  const candidates = scores.map((s, i) => (i === 0 ? s - 1e-6 : ((scores[i - 1] as number) + s) / 2));
  let best: ThresholdFit = { threshold: 1, precision: 1, recall: 0, fBeta: 0 };
  for (const threshold of candidates) {
    const fit = evaluateThreshold(scored, threshold, beta);
    if (fit.fBeta > best.fBeta) best = fit;
  }
  return best;
}

export function evaluateThreshold(
  scored: readonly { score: number; same: boolean }[],
  threshold: number,
  beta = 0.5,
): ThresholdFit {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scored) {
    if (s.score >= threshold) {
      if (s.same) tp++;
      else fp++;
    } else if (s.same) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const b2 = beta * beta;
  const denominator = b2 * precision + recall;
  const fBeta = denominator === 0 ? 0 : ((1 + b2) * precision * recall) / denominator;
  return { threshold, precision, recall, fBeta };
}
