import { splitSentences } from "../text/sentences/index.ts";
import { contentTerms } from "../text/terms.ts";
import { dot } from "../text/vector.ts";
import { matchStatements, termCosine } from "./correctness.ts";
import type { AnswerJudge, AnswerJudgement, CorrectnessParts, JudgeInput } from "./judge.ts";
import { answerCorrectness, averagePrecision, share, statementF1 } from "./metrics.ts";

/**
 * The RAGAS-style judge that needs no LLM. It is an APPROXIMATION of RAGAS, which asks an LLM to
 * split answers into claims and to decide whether a context entails each claim:
 *
 * - statements are the answer's (or reference answer's) sentences, citation markers removed;
 * - "entailment" is lexical: a statement is supported by a context when the context contains
 *   most of its content terms (stemmed, stop words dropped). Statements with a middling overlap
 *   get a second chance from the embedding model: the cosine similarity between the statement
 *   and the context sentence that shares most of its terms;
 * - answer relevancy is the cosine similarity between the question and the answer embeddings
 *   (RAGAS instead generates questions from the answer and compares those with the question);
 * - answer correctness matches the answer's statements with the reference answer's on content
 *   terms (correctness.ts) and blends their F1 with the embedding similarity of answer and
 *   reference, 0.75 / 0.25 as RAGAS does.
 *
 * So a paraphrase that shares few words and sits below the cosine bar counts as unsupported,
 * and a statement that reuses the context's words while changing its meaning (a negation, a
 * swapped number the context also mentions) can count as supported. Use the LLM judge for
 * answers an LLM wrote when those cases matter.
 */

/** What the judge needs from an embedding model: unit-length vectors for texts. */
export interface TextEmbedder {
  embedDocuments(texts: string[]): Promise<number[][]>;
}

export interface OfflineJudgeOptions {
  /** Share of a statement's content terms a context must contain to support it outright. */
  lexicalSupport: number;
  /** Below this share, no embedding similarity can make a statement supported. */
  lexicalFloor: number;
  /** Cosine similarity that supports a statement whose term share lies between floor and support. */
  semanticSupport: number;
}

export const defaultOfflineJudgeOptions: OfflineJudgeOptions = {
  lexicalSupport: 0.65,
  lexicalFloor: 0.35,
  semanticSupport: 0.7,
};

const CITATION_MARKER = /\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g;
const CACHE_LIMIT = 20_000;

/** The statements of an answer: its sentences without `[n]` markers, each with some content. */
export function statementsOf(text: string): string[] {
  const cleaned = text.replace(CITATION_MARKER, "");
  return splitSentences(cleaned)
    .map((s) => s.trim())
    .filter((s) => s !== "" && contentTerms(s).length > 0);
}

export class OfflineJudge implements AnswerJudge {
  readonly name: string;
  private readonly options: OfflineJudgeOptions;
  private readonly termCache = new Map<string, Set<string>>();
  private readonly vectorCache = new Map<string, number[]>();

  constructor(
    private readonly embedder?: TextEmbedder,
    options: Partial<OfflineJudgeOptions> = {},
  ) {
    this.options = { ...defaultOfflineJudgeOptions, ...options };
    this.name = embedder ? "offline (lexical + embeddings)" : "offline (lexical)";
  }

  async judge(input: JudgeInput): Promise<AnswerJudgement> {
    const answerStatements = statementsOf(input.answer);
    const referenceStatements = statementsOf(input.referenceAnswer);
    const answer = input.answer.replace(CITATION_MARKER, "").trim();

    // Lexical pass first; what it leaves open is settled by one batch of embeddings.
    const faithChecks = answerStatements.map((s) => this.lexical(s, input.citedContexts));
    const precisionChecks = input.retrievedContexts.map((context) =>
      referenceStatements.map((s) => this.lexical(s, [context])),
    );
    const recallChecks = referenceStatements.map((s) => this.lexical(s, input.retrievedContexts));
    const relevancyTexts = answer !== "" && input.question.trim() !== "" ? [input.question, answer] : [];
    const reference = input.referenceAnswer.trim();
    const scoresCorrectness = answerStatements.length > 0 && referenceStatements.length > 0;
    await this.embedAll([
      ...[...faithChecks, ...precisionChecks.flat(), ...recallChecks].flatMap((c) =>
        c.pending ? [c.pending.statement, c.pending.sentence] : [],
      ),
      ...(this.embedder ? relevancyTexts : []),
      ...(this.embedder && scoresCorrectness ? [answer, reference] : []),
    ]);

    const holds = (checks: readonly LexicalCheck[]) => checks.map((c) => this.settle(c));
    const faithful = holds(faithChecks).filter(Boolean).length;
    const relevant = precisionChecks.map((checks) => holds(checks).some(Boolean));
    const recalled = holds(recallChecks).filter(Boolean).length;
    const hasReference = referenceStatements.length > 0;
    const correctness = scoresCorrectness
      ? this.correctness(answerStatements, referenceStatements, answer, reference)
      : undefined;
    return {
      faithfulness: answerStatements.length > 0 ? share(faithful, answerStatements.length) : null,
      answerRelevancy: relevancyTexts.length > 0 ? this.relevancy(input.question, answer) : null,
      contextPrecision: hasReference ? (relevant.length > 0 ? averagePrecision(relevant) : 0) : null,
      contextRecall: hasReference ? share(recalled, referenceStatements.length) : null,
      answerCorrectness: correctness ? answerCorrectness(correctness, correctness.similarity) : null,
      ...(correctness ? { correctness } : {}),
    };
  }

  private correctness(
    answerStatements: readonly string[],
    referenceStatements: readonly string[],
    answer: string,
    reference: string,
  ): CorrectnessParts {
    const counts = matchStatements(answerStatements, referenceStatements, {}, (text) => this.terms(text));
    const a = this.vectorCache.get(answer);
    const b = this.vectorCache.get(reference);
    const similarity =
      this.embedder && a && b
        ? Math.max(0, Math.min(1, dot(a, b)))
        : termCosine(this.terms(answer), this.terms(reference));
    return { ...counts, f1: statementF1(counts) ?? 0, similarity };
  }

  /** Whether any of the contexts supports the statement (see the class comment). */
  async supported(statement: string, contexts: readonly string[]): Promise<boolean> {
    const check = this.lexical(statement, contexts);
    if (check.pending) await this.embedAll([check.pending.statement, check.pending.sentence]);
    return this.settle(check);
  }

  /**
   * Decides on term overlap alone when it can; otherwise names the statement and the context
   * sentence that shares most of its terms, for the embedding model to compare.
   */
  private lexical(statement: string, contexts: readonly string[]): LexicalCheck {
    const terms = this.terms(statement);
    if (terms.size === 0 || contexts.length === 0) return { supported: false };
    let bestShare = 0;
    let bestContext = "";
    for (const context of contexts) {
      const coverage = overlap(terms, this.terms(context)) / terms.size;
      if (coverage >= this.options.lexicalSupport) return { supported: true };
      if (coverage > bestShare) {
        bestShare = coverage;
        bestContext = context;
      }
    }
    if (!this.embedder || bestShare < this.options.lexicalFloor) return { supported: false };
    // The one sentence of the best context that shares most terms, not the whole chunk: a
    // chunk's embedding blurs several topics.
    let sentence = bestContext;
    let sentenceShare = -1;
    for (const candidate of splitSentences(bestContext)) {
      const coverage = overlap(terms, this.terms(candidate)) / terms.size;
      if (coverage > sentenceShare) {
        sentenceShare = coverage;
        sentence = candidate;
      }
    }
    return { supported: false, pending: { statement, sentence } };
  }

  private settle(check: LexicalCheck): boolean {
    if (!check.pending) return check.supported;
    const a = this.vectorCache.get(check.pending.statement);
    const b = this.vectorCache.get(check.pending.sentence);
    return a !== undefined && b !== undefined && dot(a, b) >= this.options.semanticSupport;
  }

  private relevancy(question: string, answer: string): number | null {
    if (!this.embedder) {
      const q = this.terms(question);
      return q.size === 0 ? null : overlap(q, this.terms(answer)) / q.size;
    }
    const a = this.vectorCache.get(question);
    const b = this.vectorCache.get(answer);
    return a && b ? Math.max(0, Math.min(1, dot(a, b))) : null;
  }

  private terms(text: string): Set<string> {
    let terms = this.termCache.get(text);
    if (!terms) {
      if (this.termCache.size > CACHE_LIMIT) this.termCache.clear();
      terms = new Set(contentTerms(text));
      this.termCache.set(text, terms);
    }
    return terms;
  }

  /** Embeds the texts not seen before in one batch (batches are far cheaper than single calls). */
  private async embedAll(texts: readonly string[]): Promise<void> {
    if (!this.embedder) return;
    const missing = [...new Set(texts)].filter((t) => !this.vectorCache.has(t));
    if (missing.length === 0) return;
    if (this.vectorCache.size + missing.length > CACHE_LIMIT) this.vectorCache.clear();
    const vectors = await this.embedder.embedDocuments(missing);
    missing.forEach((text, i) => {
      const vector = vectors[i];
      if (vector) this.vectorCache.set(text, vector);
    });
  }
}

interface LexicalCheck {
  supported: boolean;
  /** Left for the embedding model: the statement and the context sentence closest to it. */
  pending?: { statement: string; sentence: string };
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const term of a) if (b.has(term)) n++;
  return n;
}
