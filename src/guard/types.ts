import type { AnswerStatus, Citation, TutorMode } from "../core/chat.ts";
import type { ScoredChunk } from "../core/chunks.ts";
import type { GuardEmbedder, MessageEmbedding } from "./exemplars/types.ts";
import type { TextViews } from "./normalize/index.ts";

export type GuardAction = "allow" | "redact" | "refuse";
/**
 * `input` runs before retrieval, `retrieval` after it (it sees how well the course matched the
 * question), `output` on the answer before the student sees it.
 */
export type GuardStage = "input" | "retrieval" | "output";

/**
 * What a refusal asks the pipeline to do instead of a plain refusal:
 * - `hint`: still retrieve, and reply in hint mode (a Socratic nudge with citations), status "refused";
 * - `off_topic`: a polite redirect to the course, with the nearest sections, status "no_answer".
 */
export type GuardRedirect = "hint" | "off_topic";

/** Facts about a verdict that are safe to log: counts and kinds, never the matched text. */
export type GuardDetails = Record<string, string | number | boolean>;

export interface GuardVerdict {
  rule: string;
  action: GuardAction;
  /** Student-facing explanation (refusals) or a short note (redactions). */
  reason?: string;
  /** The text after this rule, when it redacted something. */
  text?: string;
  /** What the tutor says instead of answering, when a rule refuses with its own reply. */
  reply?: string;
  /** A refusal that still helps, in a different way (see GuardRedirect). */
  redirect?: GuardRedirect;
  /** Output rules: the citations left once this rule dropped the ones it rejected. */
  citations?: Citation[];
  /** Loggable facts about the decision (what kind of PII, which pattern family, how many dropped). */
  details?: GuardDetails;
}

/** Retrieval signals the `retrieval` stage judges the question by. */
export interface GuardRetrievalSignals {
  /** Whether the pipeline's confidence check found the material good enough to answer from. */
  confident: boolean;
  /** Share of the question's terms the top chunks contain, 0..1. */
  coverage: number;
  /** Best cosine similarity of the question to any chunk; null without vector search. */
  topVectorSimilarity: number | null;
  /** Cosine similarity of the question to the course's topic centroid; filled in by the engine. */
  centroidSimilarity?: number | null;
  /** The question's embedding, when vector search ran (the engine compares it with the centroid). */
  queryEmbedding?: readonly number[] | null;
  /** The course's IDF of an analysed term; undefined for a term the course never uses. */
  termIdf?: (term: string) => number | undefined;
  /** What a term the course never uses weighs (the largest IDF). */
  unseenIdf?: number;
  /** The embedding model the course's vectors came from, and the course version (cache keys). */
  embeddingModel?: string | null;
  courseVersion?: number;
}

export interface GuardContext {
  course: string;
  /** The tutor mode the student asked for. */
  mode?: TutorMode;
  /** Output rules only: the chunks the answer was written from. */
  chunks?: readonly ScoredChunk[];
  /** Output rules only: the answer's citations. */
  citations?: readonly Citation[];
  /** Output rules only: the status the answer would go out with (grounding applies to "answered"). */
  answerStatus?: AnswerStatus;
  /** Output rules only: texts that must never appear in an answer (the answerer's system prompt). */
  protectedTexts?: readonly string[];
  /** Retrieval stage only. */
  retrieval?: GuardRetrievalSignals;
  /** Normalised views of the text being checked; the engine fills this in, rules compute it if absent. */
  views?: TextViews;
  /** The message's embedding, for rules that judge by meaning (the engine fills it in when it can). */
  embedding?: MessageEmbedding;
}

/** A pure check over text; one rule family per module under src/guard/rules/. */
export interface GuardRule {
  readonly id: string;
  readonly stage: GuardStage;
  /** Redaction rules run even after an earlier rule refused, so nothing unredacted is stored. */
  readonly alwaysRun?: boolean;
  /**
   * Output rules that judge each sentence on its own, without the whole answer or its final
   * citations, and so can vet a streamed answer sentence by sentence before it is sent.
   */
  readonly judgesSentences?: boolean;
  check(text: string, context: GuardContext): GuardVerdict;
  /**
   * Rules that judge by meaning: awaited before `check` with the engine's embedder, so the rule's
   * own vectors (its exemplars) are ready for that model. Such a rule abstains without
   * `context.embedding`.
   */
  prepare?(embedder: GuardEmbedder): Promise<void>;
  /**
   * Input rules: how retrieval should read the message once this rule has judged it (its own
   * verdict, when it did not allow). The engine applies these in rule order.
   */
  searchText?(text: string, verdict: GuardVerdict | undefined): string;
}

export interface GuardOutcome {
  /** The text after every redaction. */
  text: string;
  verdicts: GuardVerdict[];
  /** The first refusing verdict, if any; later rules do not run after it. */
  refusal?: GuardVerdict;
  /** Input stage: the message as retrieval should search it (see GuardRule.searchText). */
  searchText?: string;
  /** Output stage: the citations left after the rules (undefined when no rule changed them). */
  citations?: Citation[];
  /** Input stage (`screenInput`): the message's embedding, which retrieval may reuse for the same text. */
  embedding?: MessageEmbedding;
}
