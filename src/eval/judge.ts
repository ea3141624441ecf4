/**
 * RAGAS-style answer scoring. Two implementations: an offline one (embeddings plus lexical
 * entailment, an approximation) and an LLM judge used when an LLM is configured.
 */
export interface JudgeInput {
  question: string;
  answer: string;
  /** The texts of the chunks the answer cites (what it may rely on). */
  citedContexts: string[];
  /** The texts of all retrieved chunks, best first. */
  retrievedContexts: string[];
  referenceAnswer: string;
}

/** Each score in 0..1; null when it does not apply (e.g. faithfulness of an empty answer). */
export interface AnswerJudgement {
  faithfulness: number | null;
  answerRelevancy: number | null;
  contextPrecision: number | null;
  contextRecall: number | null;
  /**
   * RAGAS answer correctness against the reference answer: statement F1 and semantic similarity,
   * blended 0.75 / 0.25; null without a reference answer or without an answer to score.
   */
  answerCorrectness: number | null;
  /** What the correctness score was made of. */
  correctness?: CorrectnessParts;
}

export interface CorrectnessParts {
  tp: number;
  fp: number;
  fn: number;
  /** Statement F1 (0 when nothing matched). */
  f1: number;
  /** Semantic similarity of the answer and the reference answer, 0..1. */
  similarity: number;
}

export interface AnswerJudge {
  readonly name: string;
  judge(input: JudgeInput): Promise<AnswerJudgement>;
}
