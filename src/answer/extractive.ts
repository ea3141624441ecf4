import { ChunkCitations } from "./citations.ts";
import {
  absentSubject,
  addressesQuestion,
  defaultNoAnswerThresholds,
  keyCoverage,
  type NoAnswerThresholds,
} from "./compose/addresses.ts";
import { weighedViews } from "./compose/emphasis.ts";
import { type ShapeContext, shapeContext } from "./compose/fit.ts";
import { renderAnswer } from "./compose/render.ts";
import {
  headingTerms,
  type QueryView,
  type ScoredUnit,
  SentenceVectors,
  scoreUnits,
} from "./compose/score.ts";
import { type SelectOptions, selectUnits } from "./compose/select.ts";
import { chunkUnits, type Unit } from "./compose/units.ts";
import { classifyQuestion, type QuestionShape } from "./question.ts";
import type { AnswerDraft, Answerer, AnswerRequest, TextEmbeddings } from "./types.ts";

export { withCitation } from "./compose/render.ts";
export type { Unit } from "./compose/units.ts";

export interface ExtractiveOptions extends SelectOptions {
  /** How many of the top chunks units may come from. */
  maxChunks: number;
  publicBaseUrl?: string;
  /** The course's embedding model: sentences are scored by similarity to the question too. */
  embeddings?: TextEmbeddings;
  /** How many units (best by word overlap) are embedded and compared with the question. */
  semanticShortlist: number;
  semanticWeight: number;
  /** When the lead does not address the question, the answer is no_answer. */
  noAnswer: NoAnswerThresholds;
}

export const defaultExtractiveOptions: ExtractiveOptions = {
  maxChunks: 5,
  maxUnits: 3,
  maxChars: 700,
  minScore: 0.3,
  supportRatio: 0.6,
  maxListItems: 8,
  maxListChars: 900,
  semanticShortlist: 16,
  semanticWeight: 0.35,
  noAnswer: defaultNoAnswerThresholds,
};

/** What the answerer read from a request: the question's shape and every unit, scored. */
export interface Analysis {
  shape: QuestionShape;
  context: ShapeContext;
  /** The question as asked, and as retrieval spelled it out when that differs. */
  views: QueryView[];
  scored: ScoredUnit[];
  /** The units the answer quotes, the lead first; empty when nothing is good enough. */
  selected: Unit[];
  /** How much of the question's key terms the lead addresses, 0..1. */
  keyCoverage: number;
  /** A concept the question names that no passage mentions (see `absentSubject`). */
  absentSubject?: string;
  /** The lead's similarity to the question; null without an embedding model. */
  leadSimilarity: number | null;
}

/**
 * The answerer that needs no LLM. It reads what the question asks for (a definition, a
 * comparison, steps, a date…), scores every sentence, list and table row of the top chunks for
 * relevance, and quotes the one that answers best first, then the best of the rest within a
 * length budget, each with its [n] citation. It only states what a cited chunk says, and it
 * declines when nothing addresses the question's key terms.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly name = "extractive";
  private readonly options: ExtractiveOptions;
  private readonly vectors: SentenceVectors | undefined;

  constructor(options: Partial<ExtractiveOptions> = {}) {
    this.options = { ...defaultExtractiveOptions, ...options };
    this.vectors = this.options.embeddings ? new SentenceVectors(this.options.embeddings) : undefined;
  }

  async answer(request: AnswerRequest): Promise<AnswerDraft> {
    const analysis = await this.analyse(request);
    const addressed = addressesQuestion(analysis.keyCoverage, analysis.leadSimilarity, this.options.noAnswer);
    if (analysis.selected.length === 0 || !addressed || analysis.absentSubject !== undefined) {
      return { status: "no_answer", answer: "", citations: [], answeredBy: this.name };
    }
    const numbering = new ChunkCitations();
    const answer = renderAnswer(
      analysis.selected,
      numbering,
      request.query ?? request.question,
      this.options.maxListItems,
    );
    emitInPieces(answer, request.onToken);
    return {
      status: "answered",
      answer,
      citations: numbering.citations(this.options.publicBaseUrl),
      answeredBy: this.name,
    };
  }

  /** Scores the units of the top chunks for the question and picks what the answer would quote. */
  async analyse(request: AnswerRequest): Promise<Analysis> {
    const question = request.query ?? request.question;
    const shape = classifyQuestion(request.question);
    const context = shapeContext(request.question, shape);
    const units = request.chunks
      .slice(0, this.options.maxChunks)
      .flatMap((chunk, rank) => chunkUnits(chunk, rank))
      .filter((u) => u.terms.size > 0 || u.kind === "list");
    const attainable = new Set(units.flatMap((u) => [...u.terms, ...headingTerms(u)]));
    const forms = [...new Set([request.question, question])];
    const views = weighedViews(forms, shape, request.termWeight, attainable);
    const empty = { shape, context, views, scored: [], selected: [], keyCoverage: 0, leadSimilarity: null };
    if (views.every((v) => v.terms.length === 0) || units.length === 0) return empty;
    const scored = await scoreUnits(units, views, context, question, {
      ...this.options,
      vectors: request.lexicalOnly ? undefined : this.vectors,
      queryVector: request.queryVector,
      shortlist: this.options.semanticShortlist,
    });
    const selected = selectUnits(scored, context, this.options, views);
    const absent = absentSubject(forms, units);
    const lead = selected[0];
    if (!lead) return { ...empty, scored, absentSubject: absent };
    return {
      shape,
      context,
      views,
      scored,
      selected,
      keyCoverage: keyCoverage(lead, views),
      absentSubject: absent,
      leadSimilarity: scored.find((s) => s.unit === lead)?.similarity ?? null,
    };
  }

  /** Sentences that read on their own, best first: what hints and quizzes are made from. */
  async rankSentences(request: AnswerRequest): Promise<ScoredUnit[]> {
    return this.sentencesOf(await this.analyse(request));
  }

  /**
   * The same sentences with the one an answer would lead with first (the definition for "what
   * is", the date for "when"…), when it reads on its own: what a hint holds back a concept of.
   */
  async answeringSentences(request: AnswerRequest): Promise<ScoredUnit[]> {
    const analysis = await this.analyse(request);
    const ranked = this.sentencesOf(analysis);
    const lead = ranked.find((s) => s.unit === analysis.selected[0]);
    return lead ? [lead, ...ranked.filter((s) => s !== lead)] : ranked;
  }

  private sentencesOf({ scored }: Analysis): ScoredUnit[] {
    return scored
      .filter((s) => s.unit.standalone && s.unit.kind !== "row" && s.score >= this.options.minScore)
      .sort((a, b) => b.score - a.score);
  }
}

/** Streams a finished answer a few words at a time, so every surface handles tokens the same way. */
function emitInPieces(answer: string, onToken: ((text: string) => void) | undefined): void {
  if (!onToken) return;
  const pieces = answer.match(/\S+\s*/g) ?? [answer];
  for (const piece of pieces) onToken(piece);
}
