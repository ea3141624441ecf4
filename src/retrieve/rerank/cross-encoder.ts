import type { ScoredChunk } from "../../core/chunks.ts";
import { withDefaults } from "../../core/options.ts";
import { CrossEncoderScorer, type CrossEncoderScorerOptions } from "../../embed/cross-encoder.ts";
import type { RerankContext, Reranker, RerankStageOptions } from "./index.ts";

export interface CrossEncoderOptions extends CrossEncoderScorerOptions {
  /** At most this many of the best candidates are scored; a cross-encoder pass costs per pair. */
  maxCandidates?: number;
  /**
   * Time the cross-encoder may take per query; how many pairs fit is learnt from the pairs
   * scored so far (at least `minCandidates`, at most `maxCandidates`). Infinity scores them all.
   */
  budgetMs?: number;
  minCandidates?: number;
  stage?: RerankStageOptions;
  /** Orders the candidates first (the feature reranker), so the pairs scored are the likeliest. */
  first?: Reranker;
}

export const crossEncoderDefaults = {
  maxCandidates: 20,
  minCandidates: 5,
  budgetMs: Number.POSITIVE_INFINITY,
} satisfies Partial<CrossEncoderOptions>;

/** What the cross-encoder reads for a chunk: its heading gives a short passage its subject. */
export function passageText(chunk: Pick<ScoredChunk, "heading" | "title" | "text">): string {
  const heading =
    chunk.heading && chunk.heading !== chunk.title ? `${chunk.title}: ${chunk.heading}` : chunk.title;
  return heading ? `${heading}\n${chunk.text}` : chunk.text;
}

/**
 * Reranks with a cross-encoder reading (query, passage) pairs. The candidates are ordered by the
 * `first` reranker when there is one; then as many of the best as the latency budget allows are
 * reordered by the cross-encoder's score, and the rest keep their order behind them.
 */
export class CrossEncoderReranker implements Reranker {
  readonly name = "cross-encoder";
  readonly stage: RerankStageOptions | undefined;
  readonly readsSentenceVectors: boolean;
  private readonly settings: CrossEncoderOptions & typeof crossEncoderDefaults;
  /** Smoothed cost of one pair, learnt from each pass. */
  private msPerPair: number | undefined;

  private constructor(
    private readonly scorer: CrossEncoderScorer,
    options: CrossEncoderOptions,
  ) {
    this.settings = withDefaults(crossEncoderDefaults, options);
    this.stage = options.stage;
    this.readsSentenceVectors = options.first?.readsSentenceVectors ?? false;
  }

  static async load(options: CrossEncoderOptions): Promise<CrossEncoderReranker> {
    return new CrossEncoderReranker(await CrossEncoderScorer.load(options), options);
  }

  /** Relevance of each passage to the query, in the passages' order. */
  score(query: string, passages: readonly string[]): Promise<number[]> {
    return this.scorer.score(query, passages);
  }

  /** How many pairs the budget allows, from what pairs have cost so far. */
  pairsWithinBudget(): number {
    const { maxCandidates, minCandidates, budgetMs } = this.settings;
    if (!Number.isFinite(budgetMs) || this.msPerPair === undefined) return maxCandidates;
    const fit = Math.floor(budgetMs / this.msPerPair);
    return Math.max(Math.min(minCandidates, maxCandidates), Math.min(maxCandidates, fit));
  }

  async rerank(
    query: string,
    candidates: ScoredChunk[],
    context: RerankContext = {},
  ): Promise<ScoredChunk[]> {
    const ordered = this.settings.first
      ? await this.settings.first.rerank(query, candidates, context)
      : candidates;
    const count = this.pairsWithinBudget();
    const head = ordered.slice(0, count);
    const started = performance.now();
    const scores = await this.score(query, head.map(passageText));
    if (head.length > 0) {
      const cost = (performance.now() - started) / head.length;
      this.msPerPair = this.msPerPair === undefined ? cost : 0.8 * this.msPerPair + 0.2 * cost;
    }
    const reranked = head
      .map((chunk, index) => {
        const score = scores[index] as number;
        return { chunk: { ...chunk, score, scores: { ...chunk.scores, rerank: score } }, index };
      })
      .sort((a, b) => b.chunk.score - a.chunk.score || a.index - b.index)
      .map((entry) => entry.chunk);
    // Unscored candidates stay behind every scored one, in their order, scored below the lowest.
    const floor = Math.min(...scores) - 1;
    const tail = ordered.slice(count).map((chunk, index) => {
      const { rerank: _rerank, ...scoresBefore } = chunk.scores;
      return { ...chunk, score: floor - index, scores: scoresBefore };
    });
    return [...reranked, ...tail];
  }
}
