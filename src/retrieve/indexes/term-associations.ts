import { type ContentWord, contentWordsBySentence } from "../../text/terms.ts";

export interface ExpansionOptions {
  /** At most this many terms are added to a query. */
  limit: number;
  /** Two terms must share at least this many sentences to count as associated. */
  minSentences: number;
  /** Normalised PMI a pair needs (0: independent, 1: always together). */
  minNpmi: number;
}

/** Co-occurrences of one query term are counted over at most this many of its sentences. */
const MAX_COUNTED_SENTENCES = 1_000;

/** Fitted on the dev split of the bundled golden set (see the README, "How retrieval ranks"). */
export const defaultExpansionOptions: ExpansionOptions = { limit: 8, minSentences: 2, minNpmi: 0.2 };

/**
 * Which terms the course uses together, sentence by sentence: a thesaurus of the course's own
 * making. Notes explain a concept in ordinary words next to its name ("the learning rate sets the
 * step size"), so a student's words lead to the terms the notes file the answer under. Built from
 * the chunk texts only, in memory; counting is done per query from posting lists, so memory grows
 * with the text, not with the number of term pairs.
 */
export class TermAssociations {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** The word each term was most often stemmed from, by term id: what an expanded query says. */
  private readonly words: string[] = [];
  private readonly postings: number[][] = [];
  private readonly sentences: Int32Array[] = [];

  /** From raw texts (each analysed here). */
  static fromTexts(texts: Iterable<string>): TermAssociations {
    return new TermAssociations(Array.from(texts, (text) => contentWordsBySentence(text)));
  }

  /** From documents already analysed into sentences of content words (`contentWordsBySentence`). */
  constructor(documents: Iterable<readonly (readonly ContentWord[])[]>) {
    const wordCounts: Map<string, number>[] = [];
    for (const document of documents) {
      for (const sentence of document) {
        const seen = new Set<number>();
        for (const { term, word } of sentence) {
          let id = this.ids.get(term);
          if (id === undefined) {
            id = this.ids.size;
            this.ids.set(term, id);
            this.terms.push(term);
            this.postings.push([]);
            wordCounts.push(new Map());
          }
          const counts = wordCounts[id] as Map<string, number>;
          counts.set(word, (counts.get(word) ?? 0) + 1);
          seen.add(id);
        }
        if (seen.size < 2) continue;
        const index = this.sentences.length;
        this.sentences.push(Int32Array.from(seen));
        for (const id of seen) this.postings[id]?.push(index);
      }
    }
    for (const counts of wordCounts) {
      let best = "";
      let bestCount = 0;
      for (const [word, count] of counts) if (count > bestCount) [best, bestCount] = [word, count];
      this.words.push(best);
    }
  }

  /**
   * Words for the terms most associated with `terms` (already analysed, as `contentTerms` gives
   * them): each candidate scores the sum over query terms of its normalised PMI with the term
   * times the term's weight (its IDF: a rare query term says more about the topic). Query terms
   * themselves are never returned.
   */
  expand(
    terms: readonly string[],
    termWeight: (term: string) => number,
    options: ExpansionOptions = defaultExpansionOptions,
  ): string[] {
    const total = this.sentences.length;
    if (total === 0 || options.limit <= 0) return [];
    const queryIds = new Set<number>();
    for (const term of terms) {
      const id = this.ids.get(term);
      if (id !== undefined) queryIds.add(id);
    }
    const scores = new Map<number, number>();
    for (const id of queryIds) {
      const posting = this.postings[id] as number[];
      // A term in very many sentences is counted over an even sample of them, scaled back up:
      // on large courses the full count costs more than the whole BM25 search.
      const stride = Math.max(1, posting.length / MAX_COUNTED_SENTENCES);
      const together = new Map<number, number>();
      for (let at = 0; at < posting.length; at += stride) {
        for (const other of this.sentences[posting[Math.floor(at)] as number] as Int32Array) {
          if (!queryIds.has(other)) together.set(other, (together.get(other) ?? 0) + 1);
        }
      }
      const weight = termWeight(this.terms[id] as string);
      for (const [other, sampled] of together) {
        const count = sampled * stride;
        if (count < options.minSentences) continue;
        const npmi = normalisedPmi(count, posting.length, (this.postings[other] as number[]).length, total);
        if (npmi < options.minNpmi) continue;
        scores.set(other, (scores.get(other) ?? 0) + npmi * weight);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, options.limit)
      .map(([id]) => this.words[id] as string);
  }
}

/**
 * Normalised pointwise mutual information of two terms seen together in `both` of `total`
 * sentences: log(p(a,b) / (p(a) p(b))) / -log p(a,b), in [-1, 1]; 1 when they only occur together.
 */
export function normalisedPmi(both: number, countA: number, countB: number, total: number): number {
  if (both <= 0 || countA <= 0 || countB <= 0 || total <= 0) return -1;
  const joint = both / total;
  if (joint >= 1) return 1;
  return Math.log(joint / ((countA / total) * (countB / total))) / -Math.log(joint);
}
