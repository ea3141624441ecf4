import type { ScoredChunk } from "../core/chunks.ts";
import { splitSentences } from "../text/sentences/index.ts";
import { contentTerms, uniqueTerms } from "../text/terms.ts";
import { ChunkCitations } from "./citations.ts";
import type { AnswerDraft, Answerer, AnswerRequest } from "./types.ts";

export interface ExtractiveOptions {
  /** How many of the top chunks sentences may come from. */
  maxChunks: number;
  maxSentences: number;
  maxChars: number;
  /** A sentence must score at least this to be used (0..~1.5). */
  minSentenceScore: number;
  publicBaseUrl?: string;
}

export const defaultExtractiveOptions: ExtractiveOptions = {
  maxChunks: 4,
  maxSentences: 4,
  maxChars: 750,
  minSentenceScore: 0.3,
};

interface Candidate {
  chunk: ScoredChunk;
  chunkRank: number;
  position: number;
  text: string;
  terms: Set<string>;
  score: number;
}

const DEFINITION = /\b(is|are|means|refers to|describes|measures|is called|are called)\b/i;

/**
 * The answerer that needs no LLM: it picks the sentences of the top chunks that best cover the
 * question and quotes them verbatim, each with its [n] citation, so it can only state what a
 * cited chunk says. When no sentence is good enough it declines instead of guessing.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly name = "extractive";
  private readonly options: ExtractiveOptions;

  constructor(options: Partial<ExtractiveOptions> = {}) {
    this.options = { ...defaultExtractiveOptions, ...options };
  }

  async answer(request: AnswerRequest): Promise<AnswerDraft> {
    const selected = this.selectSentences(request);
    if (selected.length === 0) {
      return { status: "no_answer", answer: "", citations: [], answeredBy: this.name };
    }
    const numbering = new ChunkCitations();
    const parts = selected.map((s) => withCitation(s.text, numbering.numberFor(s.chunk, s.text)));
    const answer = parts.join(" ");
    emitInPieces(answer, request.onToken);
    return {
      status: "answered",
      answer,
      citations: numbering.citations(this.options.publicBaseUrl),
      answeredBy: this.name,
    };
  }

  /** Scored, deduplicated sentences: the best first, the rest in reading order. */
  selectSentences(request: AnswerRequest): Candidate[] {
    const questionTerms = uniqueTerms(request.query ?? request.question);
    if (questionTerms.length === 0) return [];
    const queryText = request.query ?? request.question;
    const weights = new Map(questionTerms.map((t) => [t, request.termWeight(t)]));
    const queryPairs = adjacentPairs(contentTerms(queryText));
    const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0) || 1;

    const candidates: Candidate[] = [];
    request.chunks.slice(0, this.options.maxChunks).forEach((chunk, chunkRank) => {
      const headingTerms = new Set(contentTerms(chunk.headingPath.join(" ")));
      let headingOverlap = 0;
      for (const [term, weight] of weights) if (headingTerms.has(term)) headingOverlap += weight;
      splitSentences(chunk.text).forEach((text, position) => {
        if (!isQuotable(text)) return;
        const sequence = contentTerms(text);
        const terms = new Set(sequence);
        let overlap = 0;
        for (const [term, weight] of weights) if (terms.has(term)) overlap += weight;
        if (overlap === 0) return;
        const coverage = overlap / totalWeight;
        let score = coverage + 0.15 / (chunkRank + 1) + 0.1 * (headingOverlap / totalWeight);
        // A sentence that uses the question's phrases ("model drift") is about the same thing.
        if (queryPairs.size > 0) {
          const pairs = adjacentPairs(sequence);
          let shared = 0;
          for (const pair of queryPairs) if (pairs.has(pair)) shared++;
          score += 0.3 * (shared / queryPairs.size);
        }
        // Definitions of what was asked about make the best opening sentences.
        const opening = sequence.slice(0, 4);
        if (DEFINITION.test(text.slice(0, 80)) && opening.some((t) => weights.has(t))) score += 0.15;
        else if (DEFINITION.test(text)) score += 0.05;
        if (text.length > 350) score -= 0.1;
        candidates.push({ chunk, chunkRank, position, text: text.trim(), terms, score });
      });
    });

    candidates.sort((a, b) => b.score - a.score);
    const chosen: Candidate[] = [];
    let chars = 0;
    for (const candidate of candidates) {
      if (candidate.score < this.options.minSentenceScore) break;
      if (chosen.length >= this.options.maxSentences) break;
      if (chars + candidate.text.length > this.options.maxChars && chosen.length > 0) continue;
      if (chosen.some((c) => similarity(c.terms, candidate.terms) >= 0.7)) continue;
      chosen.push(candidate);
      chars += candidate.text.length;
    }
    // Lead with the sentence that answers best, then keep the others in reading order.
    const [lead, ...rest] = chosen;
    if (!lead) return [];
    return [lead, ...rest.sort((a, b) => a.chunkRank - b.chunkRank || a.position - b.position)];
  }
}

/** Sentences a student can read on their own: not questions, labels, code or fragments. */
function isQuotable(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 25 || trimmed.split(/\s+/).length < 5) return false;
  if (trimmed.endsWith("?") || trimmed.endsWith(":")) return false;
  if (/^[`$#>|]|^\s*(import|def|class|SELECT|CREATE)\b/.test(trimmed)) return false;
  if (/^\(?\d+\)?\.?$/.test(trimmed)) return false;
  return true;
}

function adjacentPairs(terms: string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < terms.length; i++) pairs.add(`${terms[i - 1]} ${terms[i]}`);
  return pairs;
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Puts the citation before the sentence's closing punctuation: "… drift [2]." */
export function withCitation(sentence: string, n: number): string {
  const match = /^(.*?)([.!?…]+["”’)]*)?$/s.exec(sentence.trim());
  const body = (match?.[1] ?? sentence).trim();
  const ending = match?.[2] ?? ".";
  return `${body} [${n}]${ending}`;
}

/** Streams a finished answer a few words at a time, so every surface handles tokens the same way. */
function emitInPieces(answer: string, onToken: ((text: string) => void) | undefined): void {
  if (!onToken) return;
  const pieces = answer.match(/\S+\s*/g) ?? [answer];
  for (const piece of pieces) onToken(piece);
}
