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

/** The associations as flat arrays, by term id and sentence index (what is stored and loaded). */
export interface AssociationTables {
  terms: string[];
  /** The word each term was most often stemmed from: what an expanded query says. */
  words: string[];
  /** Sentence s holds the distinct terms `sentenceTerms[sentenceOffsets[s]..sentenceOffsets[s+1]]`. */
  sentenceOffsets: Int32Array;
  sentenceTerms: Int32Array;
  /** Term t occurs in the sentences `postingSentences[postingOffsets[t]..postingOffsets[t+1]]`, ascending. */
  postingOffsets: Int32Array;
  postingSentences: Int32Array;
}

/**
 * Which terms the course uses together, sentence by sentence: a thesaurus of the course's own
 * making. Notes explain a concept in ordinary words next to its name ("the learning rate sets the
 * step size"), so a student's words lead to the terms the notes file the answer under. Built from
 * the chunk texts only; counting is done per query from posting lists, so memory grows with the
 * text, not with the number of term pairs. Sentences with fewer than two terms are left out.
 */
export class TermAssociations {
  readonly tables: AssociationTables;
  private readonly ids = new Map<string, number>();
  /** Scratch space by term id, reused by every expansion (synchronous, so never shared). */
  private readonly scratch: Record<"isQuery" | "together" | "togetherMark" | "scoreMark", Int32Array> & {
    scores: Float64Array;
  };
  /** Marks of the current expansion (query terms, scored terms) and of the current count. */
  private queryEpoch = 0;
  private countEpoch = 0;

  /** From raw texts (each analysed here). */
  static fromTexts(texts: Iterable<string>): TermAssociations {
    return new TermAssociations(Array.from(texts, (text) => contentWordsBySentence(text)));
  }

  /**
   * From documents already analysed into sentences of content words (`contentWordsBySentence`),
   * or from stored tables.
   */
  constructor(source: Iterable<readonly (readonly ContentWord[])[]> | AssociationTables) {
    this.tables = "sentenceTerms" in source ? source : buildTables(source);
    this.tables.terms.forEach((term, id) => {
      this.ids.set(term, id);
    });
    const size = this.tables.terms.length;
    this.scratch = {
      isQuery: new Int32Array(size),
      together: new Int32Array(size),
      togetherMark: new Int32Array(size),
      scoreMark: new Int32Array(size),
      scores: new Float64Array(size),
    };
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
    const { sentenceOffsets, postingOffsets } = this.tables;
    const total = sentenceOffsets.length - 1;
    if (total === 0 || options.limit <= 0) return [];
    const epoch = ++this.queryEpoch;
    const queryIds: number[] = [];
    for (const term of terms) {
      const id = this.ids.get(term);
      if (id !== undefined && this.scratch.isQuery[id] !== epoch) {
        this.scratch.isQuery[id] = epoch;
        queryIds.push(id);
      }
    }
    const scored: number[] = [];
    for (const id of queryIds) {
      const occurrences = (postingOffsets[id + 1] as number) - (postingOffsets[id] as number);
      // A term in very many sentences is counted over an even sample of them, scaled back up:
      // on large courses the full count costs more than the whole BM25 search.
      const stride = Math.max(1, occurrences / MAX_COUNTED_SENTENCES);
      const others = this.countTogether(id, occurrences, stride, epoch);
      const weight = termWeight(this.tables.terms[id] as string);
      for (const other of others) {
        const count = (this.scratch.together[other] as number) * stride;
        if (count < options.minSentences) continue;
        const otherCount = (postingOffsets[other + 1] as number) - (postingOffsets[other] as number);
        const npmi = normalisedPmi(count, occurrences, otherCount, total);
        if (npmi < options.minNpmi) continue;
        if (this.scratch.scoreMark[other] !== epoch) {
          this.scratch.scoreMark[other] = epoch;
          this.scratch.scores[other] = 0;
          scored.push(other);
        }
        this.scratch.scores[other] = (this.scratch.scores[other] as number) + npmi * weight;
      }
    }
    return scored
      .sort((a, b) => (this.scratch.scores[b] as number) - (this.scratch.scores[a] as number) || a - b)
      .slice(0, options.limit)
      .map((id) => this.tables.words[id] as string);
  }

  /** How often each other term shares a (sampled) sentence with term `id`, in first-met order. */
  private countTogether(id: number, occurrences: number, stride: number, queryEpoch: number): number[] {
    const { sentenceOffsets, sentenceTerms, postingOffsets, postingSentences } = this.tables;
    const start = postingOffsets[id] as number;
    const mark = ++this.countEpoch;
    const others: number[] = [];
    for (let at = 0; at < occurrences; at += stride) {
      const sentence = postingSentences[start + Math.floor(at)] as number;
      const end = sentenceOffsets[sentence + 1] as number;
      for (let i = sentenceOffsets[sentence] as number; i < end; i++) {
        const other = sentenceTerms[i] as number;
        if (this.scratch.isQuery[other] === queryEpoch) continue;
        if (this.scratch.togetherMark[other] !== mark) {
          this.scratch.togetherMark[other] = mark;
          this.scratch.together[other] = 0;
          others.push(other);
        }
        this.scratch.together[other] = (this.scratch.together[other] as number) + 1;
      }
    }
    return others;
  }
}

/** Term ids in first-seen order, each sentence's distinct terms, and every term's sentences. */
function buildTables(documents: Iterable<readonly (readonly ContentWord[])[]>): AssociationTables {
  const ids = new Map<string, number>();
  const terms: string[] = [];
  const wordCounts: Map<string, number>[] = [];
  const sentences: number[][] = [];
  const postings: number[][] = [];
  for (const document of documents) {
    for (const sentence of document) {
      const seen = new Set<number>();
      for (const { term, word } of sentence) {
        let id = ids.get(term);
        if (id === undefined) {
          id = terms.length;
          ids.set(term, id);
          terms.push(term);
          postings.push([]);
          wordCounts.push(new Map());
        }
        const counts = wordCounts[id] as Map<string, number>;
        counts.set(word, (counts.get(word) ?? 0) + 1);
        seen.add(id);
      }
      if (seen.size < 2) continue;
      for (const id of seen) postings[id]?.push(sentences.length);
      sentences.push([...seen]);
    }
  }
  const words = wordCounts.map((counts) => {
    let best = "";
    let bestCount = 0;
    for (const [word, count] of counts) if (count > bestCount) [best, bestCount] = [word, count];
    return best;
  });
  const [sentenceOffsets, sentenceTerms] = flatten(sentences);
  const [postingOffsets, postingSentences] = flatten(postings);
  return { terms, words, sentenceOffsets, sentenceTerms, postingOffsets, postingSentences };
}

/** Lists of integers as offsets and one flat array. */
export function flatten(lists: readonly (readonly number[])[]): [Int32Array, Int32Array] {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => {
    offsets[i + 1] = (offsets[i] as number) + list.length;
  });
  const flat = new Int32Array(offsets[lists.length] as number);
  lists.forEach((list, i) => {
    flat.set(list, offsets[i] as number);
  });
  return [offsets, flat];
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
