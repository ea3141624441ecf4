import type { AnswerStatus, Citation, ConversationTurn, TutorMode } from "../core/chat.ts";
import type { ScoredChunk } from "../core/chunks.ts";

/** Quiz mode: the answers to the practice questions, kept back until the student asks for them. */
export interface QuizKey {
  /** The answers, numbered like the questions, with their own [n] markers. */
  answer: string;
  citations: Citation[];
  /** The chunks the answers cite, kept so the reveal can be checked by the output guardrails. */
  sources: ScoredChunk[];
}

export interface AnswerDraft {
  status: AnswerStatus;
  answer: string;
  citations: Citation[];
  /** Quiz mode: stored with the message, revealed by a follow-up ("show answers"). */
  quizKey?: QuizKey;
  /** True when the preferred answerer failed and a simpler one stepped in. */
  degraded?: boolean;
  /** Which answerer wrote this (extractive, llm:…). */
  answeredBy: string;
}

export interface AnswerRequest {
  /** What the student asked (after input guardrails). */
  question: string;
  /** What retrieval searched for: the question rewritten with context; defaults to `question`. */
  query?: string;
  /** Retrieved and reranked, best first. */
  chunks: ScoredChunk[];
  /** IDF-like weight of an analysed term in this course (rare terms weigh more). */
  termWeight: (term: string) => number;
  mode: TutorMode;
  history: ConversationTurn[];
  /** Called with each piece of the answer as it is produced (streaming surfaces). */
  onToken?: (text: string) => void;
  signal?: AbortSignal;
  /** The question's embedding from retrieval, when it ran with the answerer's model. */
  queryVector?: number[];
  /** The deadline has passed: answer from word overlap alone, without embedding calls. */
  lexicalOnly?: boolean;
}

/** What the extractive answerer needs of an embedding model (any `CourseEmbeddings` has it). */
export interface TextEmbeddings {
  embedQuery(text: string): Promise<number[]>;
  embedDocuments(texts: string[]): Promise<number[][]>;
}

/** Writes an answer from retrieved chunks, citing every statement. */
export interface Answerer {
  readonly name: string;
  answer(request: AnswerRequest): Promise<AnswerDraft>;
}
