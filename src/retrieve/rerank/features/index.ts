import type { ScoredChunk } from "../../../core/chunks.ts";
import { sectionKey } from "../../shape/neighbours.ts";
import type { ChunkAnalysis, QueryAnalysis } from "./analysis.ts";

export {
  analyseChunk,
  analyseQuery,
  type ChunkAnalysis,
  cachedChunkAnalysis,
  definedSubject,
  type QueryAnalysis,
  type SentenceAnalysis,
} from "./analysis.ts";

/**
 * The reranker's features: cheap signals about one candidate for one query, each roughly in
 * [0, 1]. Nothing here embeds text; the only semantic signal is the cosine between the query
 * embedding and the chunk's stored embedding. Pure functions: the fitting script and the
 * reranker compute features the same way.
 */
export const FEATURE_NAMES = [
  /** The fused (RRF) score relative to the best candidate's. */
  "fused",
  /** The DCG discount of the candidate's position in the fused list. */
  "fusedRank",
  /** The BM25 score relative to the best; 0 when BM25 did not return the chunk. */
  "bm25",
  /** Cosine similarity between the query and the chunk's stored embedding. */
  "vector",
  /** That cosine minus the best candidate's: how far behind the semantically closest chunk. */
  "vectorGap",
  /** Cosine of query and chunk after subtracting the course's mean vector from both. */
  "centred",
  /** That centred cosine minus the best candidate's. */
  "centredGap",
  /** Cosine of the chunk to the course's mean vector: overviews and summaries sit close to it. */
  "centrality",
  /** IDF-weighted share of the query's terms found anywhere in the chunk. */
  "coverage",
  /** IDF-weighted share of the query's terms in the chunk's heading path. */
  "headingCoverage",
  /** Share of the chunk's own heading terms that the query asks about. */
  "headingPurity",
  /** IDF-weighted share of the query's terms in the document title. */
  "titleCoverage",
  /** Share of the query's adjacent term pairs that appear adjacent in the chunk. */
  "bigram",
  /** How tightly the matched query terms cluster in the chunk, times coverage. */
  "proximity",
  /** IDF-weighted query coverage of the chunk's best single sentence. */
  "bestSentence",
  /** Best cosine between the query and one of the chunk's sentences, each embedded alone. */
  "sentenceVector",
  /** That cosine minus the best candidate's. */
  "sentenceVectorGap",
  /** How well a definitional sentence in the chunk defines what the query names. */
  "definition",
  /** Fused score of other candidates from the same document: the document is about the topic. */
  "sourceSupport",
  /** Best fused score of the chunk's same-section neighbours (ord ± 1) among the candidates. */
  "neighbour",
  /** The vector gap, weighted by how little any candidate's best sentence matches the query's words. */
  "vagueVector",
  /** The centred gap, weighted the same way. */
  "vagueCentred",
  /** Chunk length up to 1,000 characters. */
  "length",
  /** 1 for chunks under 200 characters (headings, one-liners). */
  "short",
  /** Share of the chunk's sentences that are questions (review and exercise lists). */
  "questions",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureVector = Record<FeatureName, number>;

export interface CandidateInput {
  chunk: ScoredChunk;
  analysis: ChunkAnalysis;
  /** Query–chunk cosine, when vectors are available for the chunk. */
  cosine: number | undefined;
  /** Query–chunk cosine measured from the course centroid, when known. */
  centred?: number;
  /** Chunk–centroid cosine, when known. */
  centrality?: number;
  /** Best query–sentence cosine over the chunk's sentences, when sentence vectors are known. */
  sentenceCosine?: number;
}

function weightedShare(query: QueryAnalysis, has: (term: string) => boolean): number {
  if (query.totalWeight <= 0) return 0;
  let sum = 0;
  for (const [term, weight] of query.weights) if (has(term)) sum += weight;
  return sum / query.totalWeight;
}

/**
 * The shortest stretch of `terms` that holds every one of `wanted` that occurs in it, as
 * (distinct terms found, stretch length); 0 found when fewer than two occur.
 */
export function tightestWindow(
  terms: readonly string[],
  wanted: ReadonlySet<string>,
): { found: number; length: number } {
  const present = new Set(terms.filter((t) => wanted.has(t)));
  if (present.size < 2) return { found: present.size, length: 0 };
  const counts = new Map<string, number>();
  let covered = 0;
  let best = Number.POSITIVE_INFINITY;
  let left = 0;
  for (let right = 0; right < terms.length; right++) {
    const term = terms[right] as string;
    if (!present.has(term)) continue;
    const count = counts.get(term) ?? 0;
    if (count === 0) covered++;
    counts.set(term, count + 1);
    while (covered === present.size) {
      const leftTerm = terms[left] as string;
      if (present.has(leftTerm)) {
        best = Math.min(best, right - left + 1);
        const leftCount = (counts.get(leftTerm) ?? 0) - 1;
        counts.set(leftTerm, leftCount);
        if (leftCount === 0) covered--;
      }
      left++;
    }
  }
  return { found: present.size, length: best };
}

function definitionScore(query: QueryAnalysis, analysis: ChunkAnalysis): number {
  let best = 0;
  for (const sentence of analysis.sentences) {
    if (sentence.defines.size === 0) continue;
    const coverage = weightedShare(query, (t) => sentence.defines.has(t));
    if (coverage === 0) continue;
    // "Data drift is …" defines something else than "model drift": the share of the subject's
    // own terms the query asks about keeps a broader or different subject from scoring fully.
    let asked = 0;
    for (const term of sentence.defines) if (query.weights.has(term)) asked++;
    best = Math.max(best, coverage * (asked / sentence.defines.size));
  }
  return best;
}

/** What each candidate's features are measured against: the whole candidate list's scores. */
interface CandidateList {
  maxFused: number;
  maxBm25: number;
  maxCosine: number;
  maxCentred: number;
  maxSentenceCosine: number;
  /** Per candidate: the fused score of the other candidates from its document. */
  support: number[];
  maxSupport: number;
  /** The query terms that weigh anything. */
  wanted: Set<string>;
  /** Fused scores by section and position, for the neighbour feature. */
  fusedAt: Map<string, number>;
  /** Per candidate: the query coverage of its best sentence. */
  sentenceMatch: number[];
  /** How little any candidate's best sentence matches the query's words. */
  vagueness: number;
}

function describeCandidates(query: QueryAnalysis, candidates: readonly CandidateInput[]): CandidateList {
  let maxFused = 0;
  let maxBm25 = 0;
  let maxCosine = Number.NEGATIVE_INFINITY;
  let maxCentred = Number.NEGATIVE_INFINITY;
  let maxSentenceCosine = Number.NEGATIVE_INFINITY;
  const fusedBySource = new Map<string, number>();
  for (const { chunk, cosine, centred, sentenceCosine } of candidates) {
    if (centred !== undefined) maxCentred = Math.max(maxCentred, centred);
    if (sentenceCosine !== undefined) maxSentenceCosine = Math.max(maxSentenceCosine, sentenceCosine);
    const fused = chunk.scores.fused ?? chunk.score;
    maxFused = Math.max(maxFused, fused);
    maxBm25 = Math.max(maxBm25, chunk.scores.bm25 ?? 0);
    if (cosine !== undefined) maxCosine = Math.max(maxCosine, cosine);
    fusedBySource.set(chunk.source, (fusedBySource.get(chunk.source) ?? 0) + fused);
  }
  let maxSupport = 0;
  const support = candidates.map(({ chunk }) => {
    const value = (fusedBySource.get(chunk.source) ?? 0) - (chunk.scores.fused ?? chunk.score);
    maxSupport = Math.max(maxSupport, value);
    return value;
  });
  const wanted = new Set(query.terms.filter((t) => (query.weights.get(t) ?? 0) > 0));
  const fusedAt = new Map<string, number>();
  for (const { chunk } of candidates) {
    fusedAt.set(`${sectionKey(chunk)}\u0000${chunk.ord}`, chunk.scores.fused ?? chunk.score);
  }
  const sentenceMatch = candidates.map(({ analysis }) => {
    let best = 0;
    for (const sentence of analysis.sentences)
      best = Math.max(
        best,
        weightedShare(query, (t) => sentence.terms.has(t)),
      );
    return best;
  });
  // Student phrasing shares few words with the notes: then only meaning can tell candidates apart.
  const vagueness = 1 - Math.max(0, ...sentenceMatch);
  return {
    maxFused,
    maxBm25,
    maxCosine,
    maxCentred,
    maxSentenceCosine,
    support,
    maxSupport,
    wanted,
    fusedAt,
    sentenceMatch,
    vagueness,
  };
}

/** The features of the candidate at `index` of `list`. */
function featuresOf(
  query: QueryAnalysis,
  list: CandidateList,
  { chunk, analysis, cosine, centred, centrality, sentenceCosine }: CandidateInput,
  index: number,
): FeatureVector {
  const { maxFused, maxBm25, maxCosine, maxCentred, maxSupport, vagueness } = list;
  const sentenceGap = sentenceCosine === undefined ? -1 : sentenceCosine - list.maxSentenceCosine;
  const fused = chunk.scores.fused ?? chunk.score;
  const coverage = weightedShare(query, (t) => analysis.bodySet.has(t) || analysis.headingSet.has(t));
  const window = tightestWindow(analysis.bodyTerms, list.wanted);
  const headingTerms = analysis.ownHeadingSet;
  let headingAsked = 0;
  for (const term of headingTerms) if (query.weights.has(term)) headingAsked++;
  const bestSentence = list.sentenceMatch[index] as number;
  let neighbour = 0;
  for (const ord of [chunk.ord - 1, chunk.ord + 1]) {
    neighbour = Math.max(neighbour, list.fusedAt.get(`${sectionKey(chunk)}\u0000${ord}`) ?? 0);
  }
  const vectorGap = cosine === undefined ? -1 : cosine - maxCosine;
  const centredGap = centred === undefined ? -1 : centred - maxCentred;
  const bigramHits = query.bigrams.filter((b) => analysis.bigrams.has(b)).length;
  return {
    fused: maxFused > 0 ? fused / maxFused : 0,
    fusedRank: 1 / Math.log2(index + 2),
    bm25: maxBm25 > 0 ? (chunk.scores.bm25 ?? 0) / maxBm25 : 0,
    vector: cosine ?? 0,
    vectorGap,
    centred: centred ?? 0,
    centredGap,
    centrality: centrality ?? 0,
    coverage,
    headingCoverage: weightedShare(query, (t) => analysis.headingSet.has(t)),
    headingPurity: headingTerms.size > 0 ? headingAsked / headingTerms.size : 0,
    titleCoverage: weightedShare(query, (t) => analysis.titleSet.has(t)),
    bigram: query.bigrams.length > 0 ? bigramHits / query.bigrams.length : 0,
    proximity: window.found >= 2 ? (window.found / window.length) * coverage : 0,
    bestSentence,
    sentenceVector: sentenceCosine ?? 0,
    sentenceVectorGap: sentenceGap,
    definition: definitionScore(query, analysis),
    sourceSupport: maxSupport > 0 ? (list.support[index] as number) / maxSupport : 0,
    neighbour: maxFused > 0 ? neighbour / maxFused : 0,
    vagueVector: vectorGap * vagueness,
    vagueCentred: centredGap * vagueness,
    length: Math.min(1, chunk.text.length / 1000),
    short: chunk.text.length < 200 ? 1 : 0,
    questions: analysis.questionShare,
  };
}

/** Features for every candidate of one query, in the candidates' order. */
export function computeFeatures(
  query: QueryAnalysis,
  candidates: readonly CandidateInput[],
): FeatureVector[] {
  const list = describeCandidates(query, candidates);
  return candidates.map((candidate, index) => featuresOf(query, list, candidate, index));
}

/** A linear model over the features: the score is the weighted sum. */
export function linearScore(features: FeatureVector, weights: Partial<Record<FeatureName, number>>): number {
  let score = 0;
  for (const name of FEATURE_NAMES) score += (weights[name] ?? 0) * features[name];
  return score;
}
