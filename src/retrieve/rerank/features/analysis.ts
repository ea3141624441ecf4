import type { ChunkRecord } from "../../../core/chunks.ts";
import { splitSentences } from "../../../text/sentences/index.ts";
import { contentTerms } from "../../../text/terms.ts";

/**
 * The lexical view of a chunk the reranker's features read: stemmed content terms in order, the
 * terms of its headings and title, and per sentence the terms it holds and, for definitional
 * sentences ("X is a …", "X: a …"), the terms of the thing it defines.
 */
export interface ChunkAnalysis {
  bodyTerms: string[];
  bodySet: Set<string>;
  /** Adjacent body and heading term pairs, "a b". */
  bigrams: Set<string>;
  headingSet: Set<string>;
  /** Terms of the chunk's own (innermost) heading. */
  ownHeadingSet: Set<string>;
  titleSet: Set<string>;
  sentences: SentenceAnalysis[];
  /** Share of the sentences that are questions: review lists ask, they do not answer. */
  questionShare: number;
}

export interface SentenceAnalysis {
  terms: Set<string>;
  /** Terms of the subject a definitional sentence defines; empty for other sentences. */
  defines: Set<string>;
}

// "Model drift is …", "Shadow deployments are …", "RRF refers to …", "nDCG measures …".
const DEFINING_VERBS = "is|are|refers to|means|measures|describes|denotes|stands for";
const DEFINITION_STARTS = "a|an|the|one|any|how|what|when|that|defined|called";
const DEFINITION_VERB = new RegExp(
  `^(.{2,120}?)\\s+(?:${DEFINING_VERBS})\\s+(?:${DEFINITION_STARTS})\\b`,
  "i",
);
// Glossary and FAQ style "Term (ABBR): definition".
const DEFINITION_LABEL = /^([^:.!?]{2,80}):\s+\S/;

/** The subject a sentence defines, or undefined when it defines nothing. */
export function definedSubject(sentence: string): string | undefined {
  const label = DEFINITION_LABEL.exec(sentence);
  if (label) return label[1];
  const verb = DEFINITION_VERB.exec(sentence);
  // A subject with a clause break in it ("In practice, X is …") is not what the sentence defines.
  if (verb && !/[,;]/.test(verb[1] as string)) return verb[1];
  return undefined;
}

/**
 * The term lists a chunk's analysis is made of, before they become sets: what a course's stored
 * index keeps for every chunk, so the reranker never analyses text while a student waits.
 */
export interface ChunkTerms {
  bodyTerms: string[];
  /** Terms of the heading path joined by " . ". */
  headingTerms: string[];
  ownHeadingTerms: string[];
  titleTerms: string[];
  sentences: { terms: string[]; defines: string[] }[];
  /** How many of the sentences are questions. */
  questions: number;
}

/** Analyses a chunk's text, title and headings into the term lists of its analysis. */
export function chunkTerms(
  chunk: Pick<ChunkRecord, "text" | "title" | "heading" | "headingPath">,
): ChunkTerms {
  const body = contentTerms(chunk.text);
  const headingTerms = contentTerms(chunk.headingPath.join(" . "));
  const split = splitSentences(chunk.text);
  const sentences = split.map((sentence) => {
    const subject = definedSubject(sentence);
    return { terms: contentTerms(sentence), defines: subject === undefined ? [] : contentTerms(subject) };
  });
  return {
    bodyTerms: body,
    headingTerms,
    ownHeadingTerms: contentTerms(chunk.heading),
    titleTerms: contentTerms(chunk.title),
    sentences,
    questions: split.filter((s) => s.trimEnd().endsWith("?")).length,
  };
}

/** The analysis the features read, from a chunk's term lists. */
export function analysisFromTerms(terms: ChunkTerms): ChunkAnalysis {
  const { bodyTerms, headingTerms } = terms;
  const bigrams = new Set<string>();
  for (const list of [bodyTerms, headingTerms]) {
    for (let i = 1; i < list.length; i++) bigrams.add(`${list[i - 1]} ${list[i]}`);
  }
  return {
    bodyTerms,
    bodySet: new Set(bodyTerms),
    bigrams,
    headingSet: new Set(headingTerms),
    ownHeadingSet: new Set(terms.ownHeadingTerms),
    titleSet: new Set(terms.titleTerms),
    sentences: terms.sentences.map((sentence) => ({
      terms: new Set(sentence.terms),
      defines: new Set(sentence.defines),
    })),
    questionShare: terms.sentences.length > 0 ? terms.questions / terms.sentences.length : 0,
  };
}

export function analyseChunk(
  chunk: Pick<ChunkRecord, "text" | "title" | "heading" | "headingPath">,
): ChunkAnalysis {
  return analysisFromTerms(chunkTerms(chunk));
}

const MAX_CACHED = 20_000;
const cache = new Map<string, { text: string; analysis: ChunkAnalysis }>();

/**
 * A chunk's analysis, computed once per chunk text: chunk texts do not change between queries,
 * and analysing them (wink-nlp) is the costly part of the lexical features.
 */
export function cachedChunkAnalysis(
  chunk: Pick<ChunkRecord, "chunkId" | "text" | "title" | "heading" | "headingPath">,
): ChunkAnalysis {
  const hit = cache.get(chunk.chunkId);
  if (hit && hit.text === chunk.text) return hit.analysis;
  const analysis = analyseChunk(chunk);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(chunk.chunkId, { text: chunk.text, analysis });
  return analysis;
}

/** The query's distinct terms with their weights (IDF in the course), and its term bigrams. */
export interface QueryAnalysis {
  terms: string[];
  weights: Map<string, number>;
  totalWeight: number;
  bigrams: string[];
}

export function analyseQuery(query: string, idf: (term: string) => number | undefined): QueryAnalysis {
  const ordered = contentTerms(query);
  const terms = [...new Set(ordered)];
  const weights = new Map<string, number>();
  let totalWeight = 0;
  for (const term of terms) {
    // Terms the course never uses cannot separate candidates; they weigh nothing here.
    const weight = idf(term) ?? 0;
    weights.set(term, weight);
    totalWeight += weight;
  }
  const bigrams = new Set<string>();
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i - 1] !== ordered[i]) bigrams.add(`${ordered[i - 1]} ${ordered[i]}`);
  }
  return { terms, weights, totalWeight, bigrams: [...bigrams] };
}
