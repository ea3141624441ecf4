import { contentTerms, uniqueTerms } from "../../text/terms.ts";
import { cosine } from "../../text/vector.ts";
import type { TextEmbeddings } from "../types.ts";
import { asksTheReader, type ShapeContext, shapeFit } from "./fit.ts";
import { mostlyCode, type Unit } from "./units.ts";

/**
 * Relevance of each unit to the question: how much of the question's (rarity-weighted) terms and
 * phrases it shares, its section heading, its chunk's rank, its fit to the question's shape, and,
 * when an embedding model is at hand, its semantic similarity to the question.
 */
export interface QueryView {
  terms: string[];
  weights: Map<string, number>;
  /**
   * The weight of the terms the passages contain at all: a word no passage uses ("waaay") lowers
   * every unit's overlap alike, so relevance is measured against what could be matched.
   */
  totalWeight: number;
  /** Adjacent content-term pairs ("model drift"). */
  pairs: Set<string>;
}

export function queryView(
  query: string,
  termWeight: (term: string) => number,
  attainable?: ReadonlySet<string>,
): QueryView {
  const terms = uniqueTerms(query);
  const weights = new Map(terms.map((t) => [t, termWeight(t)]));
  let totalWeight = 0;
  for (const [term, weight] of weights) if (!attainable || attainable.has(term)) totalWeight += weight;
  if (totalWeight === 0) totalWeight = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  return { terms, weights, totalWeight, pairs: adjacentPairs(contentTerms(query)) };
}

export function adjacentPairs(terms: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < terms.length; i++) pairs.add(`${terms[i - 1]} ${terms[i]}`);
  return pairs;
}

/** Share of the question's weight a set of terms carries. */
export function weightedCoverage(terms: ReadonlySet<string>, query: QueryView): number {
  let covered = 0;
  for (const [term, weight] of query.weights) if (terms.has(term)) covered += weight;
  return covered / query.totalWeight;
}

export interface ScoredUnit {
  unit: Unit;
  /** Everything together: what the composer ranks by. */
  score: number;
  /** Word overlap alone (terms, phrases, heading). */
  lexical: number;
  /** Cosine similarity to the question; null when not embedded. */
  similarity: number | null;
}

const headingCache = new WeakMap<object, Set<string>>();
/** The terms of a unit's chunk title and headings. */
export function headingTerms(unit: Unit): Set<string> {
  let terms = headingCache.get(unit.chunk);
  if (!terms) {
    terms = new Set(contentTerms(`${unit.chunk.title} ${unit.chunk.headingPath.join(" ")}`));
    headingCache.set(unit.chunk, terms);
  }
  return terms;
}

const sectionCache = new WeakMap<object, Set<string>>();
/** The terms of the unit's own section heading (the innermost one), without the title above it. */
function sectionTerms(unit: Unit): Set<string> {
  let terms = sectionCache.get(unit.chunk);
  if (!terms) {
    terms = new Set(contentTerms(unit.chunk.headingPath.at(-1) ?? ""));
    sectionCache.set(unit.chunk, terms);
  }
  return terms;
}

/**
 * A section named for what is asked ("Prerequisites" for "what are the prerequisites") answers it
 * in its first sentences, which rarely repeat the name: they get the share of the question their
 * heading carries and they do not, fading with their place in the section.
 */
const SECTION_NAMED = 0.5;

/** Word-overlap relevance of one unit (about 0 to 1.5), the best over the question's forms. */
export function lexicalRelevance(unit: Unit, views: readonly QueryView[]): number {
  return Math.max(...views.map((view) => relevanceTo(unit, view)));
}

function relevanceTo(unit: Unit, query: QueryView): number {
  let coverage = weightedCoverage(unit.terms, query);
  // A list's terms are all its items': a long list would cover anything.
  if (unit.kind === "list") coverage *= 0.8;
  let score = coverage + 0.1 * weightedCoverage(headingTerms(unit), query) + 0.15 / (unit.chunkRank + 1);
  const named = weightedCoverage(sectionTerms(unit), query);
  if (named > coverage) score += (SECTION_NAMED * (named - coverage)) / (1 + unit.position);
  if (query.pairs.size > 0) {
    const pairs = adjacentPairs(unit.sequence);
    let shared = 0;
    for (const pair of query.pairs) if (pairs.has(pair)) shared++;
    score += 0.3 * (shared / query.pairs.size);
  }
  if (unit.kind !== "list" && unit.text.length > 350) score -= 0.1;
  return score;
}

export interface ScoringOptions {
  embeddings?: TextEmbeddings;
  /** The question's vector, when retrieval already computed it with the same model. */
  queryVector?: number[];
  /** How many of the best units by word overlap are embedded and compared. */
  shortlist: number;
  /** Weight of the (min-max scaled) semantic similarity in the score. */
  semanticWeight: number;
}

/** Code and program output lead only a question about amounts; elsewhere prose comes first. */
const CODE_PENALTY = 0.4;

/** Enough to put a unit that asks below any sentence that tells, yet keep it when nothing else is there. */
const ASKING_PENALTY = 0.6;

/** Scores every unit; the shortlist also gets its similarity to the question. */
export async function scoreUnits(
  units: readonly Unit[],
  views: readonly QueryView[],
  shape: ShapeContext,
  question: string,
  options: ScoringOptions & { vectors: SentenceVectors | undefined },
): Promise<ScoredUnit[]> {
  const scored = units.map((unit) => {
    const lexical = lexicalRelevance(unit, views);
    let score = lexical + shapeFit(unit, shape);
    if (asksTheReader(unit)) score -= ASKING_PENALTY;
    if (shape.shape.type !== "quantity" && unit.kind === "sentence" && mostlyCode(unit.text))
      score -= CODE_PENALTY;
    return { unit, score, lexical, similarity: null as number | null };
  });
  if (!options.vectors) return scored;
  const candidates = [...scored]
    .filter((s) => s.unit.kind !== "item" || s.unit.standalone)
    .sort((a, b) => b.score - a.score)
    .slice(0, options.shortlist);
  if (candidates.length === 0) return scored;
  const { vectors: sentenceVectors } = options;
  // No timer of its own: the same question gets the same answer however busy the machine is.
  // The chat's deadline bounds the wait, and past it the fallback answers on words alone.
  const embedded = await Promise.all([
    options.queryVector ?? sentenceVectors.query(question),
    sentenceVectors.documents(candidates.map((c) => embeddingText(c.unit))),
  ]).catch(() => undefined);
  if (!embedded) return scored;
  const [queryVector, vectors] = embedded;
  candidates.forEach((c, i) => {
    const vector = vectors[i];
    c.similarity = vector ? cosine(queryVector, vector) : null;
  });
  const sims = candidates.map((c) => c.similarity ?? 0);
  const low = Math.min(...sims);
  const span = Math.max(...sims) - low;
  for (const c of candidates) {
    if (c.similarity !== null && span > 1e-6)
      c.score += options.semanticWeight * ((c.similarity - low) / span);
  }
  return scored;
}

/** What a unit is embedded as: a list with its label and first items. */
function embeddingText(unit: Unit): string {
  if (unit.kind !== "list" || !unit.list) return unit.text;
  return [unit.list.label ?? "", ...unit.list.items.slice(0, 6).map((i) => i.text)].join(" ").slice(0, 600);
}

/**
 * Sentence vectors, cached by text: the course's sentences come back question after question.
 * Held as 32-bit floats (2 KiB a 512-d vector, outside the JS heap) rather than arrays of numbers.
 */
export class SentenceVectors {
  private readonly cache = new Map<string, Float32Array>();

  constructor(
    private readonly embeddings: TextEmbeddings,
    private readonly limit = 20_000,
  ) {}

  query(text: string): Promise<number[]> {
    return this.embeddings.embedQuery(text);
  }

  async documents(texts: readonly string[]): Promise<(Float32Array | undefined)[]> {
    const missing = [...new Set(texts.filter((t) => !this.cache.has(t)))];
    if (missing.length > 0) {
      const vectors = await this.embeddings.embedDocuments(missing);
      if (this.cache.size + missing.length > this.limit) this.cache.clear();
      missing.forEach((text, i) => {
        const vector = vectors[i];
        if (vector) this.cache.set(text, Float32Array.from(vector));
      });
    }
    return texts.map((t) => this.cache.get(t));
  }
}
