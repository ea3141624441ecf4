import type { RetrievalMode, ScoredChunk, SearchFilters } from "./chunks.ts";

/** The shared vocabulary of a chat: what a student asks and what every surface gets back. */

export const TUTOR_MODES = ["explain", "hint", "quiz"] as const;
export type TutorMode = (typeof TUTOR_MODES)[number];

export const ANSWER_STATUSES = ["answered", "no_answer", "refused"] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export interface Citation {
  n: number;
  source: string;
  title: string;
  heading: string;
  snippet: string;
  url?: string;
  chunkId: string;
  locator?: string;
}

export interface ConversationTurn {
  question: string;
  answer: string;
}

export interface AskRequest {
  course: string;
  message: string;
  sessionId?: string;
  mode?: TutorMode;
  filters?: SearchFilters;
  /** Evaluations compare retrieval set-ups through the same pipeline. */
  retrievalMode?: RetrievalMode;
  rerank?: boolean;
  /**
   * Evaluations only: retrieve at least this many chunks into the trace (ranking metrics need
   * ten); the answer, coverage and guards still see only the pipeline's usual number.
   */
  retrieveK?: number;
  /** Which surface asked (api, widget, slack, cli, eval); stored with the session. */
  surface?: string;
  onToken?: (text: string) => void;
  /** Called once the session is known, before any token (streaming surfaces send it as `meta`). */
  onStart?: (info: { sessionId: string; mode: TutorMode }) => void;
  signal?: AbortSignal;
}

export interface AnswerTimings {
  guard: number;
  retrieve: number;
  rerank: number;
  answer: number;
  total: number;
}

/** What every surface gets back: the `/v1/chat` reply. */
export interface Answer {
  sessionId: string;
  messageId: string;
  status: AnswerStatus;
  answer: string;
  citations: Citation[];
  guardrail?: { rule: string; reason: string };
  degraded?: boolean;
  timings: AnswerTimings;
}

/** What happened inside, for evaluations and logs; not part of the HTTP reply. */
export interface AskTrace {
  /** The query retrieval ran with (after follow-up rewriting, typo fixes, acronym expansion). */
  query: string;
  /** Course terms hybrid search added to the query for its expanded BM25 list. */
  expansion?: string[];
  retrieved: ScoredChunk[];
  /** How many of `retrieved` (best first) the answerer, coverage and guards saw. */
  answerChunks?: number;
  coverage: number;
  topVectorSimilarity: number | null;
  answeredBy: string;
  /** The course policy the question was answered under (release week, mode, LLM on or off). */
  policy?: { week?: number; mode: TutorMode; llm: boolean };
  /** Each retriever's best candidates before fusion, with its own score. */
  retrievers?: { bm25: TraceHit[]; expanded: TraceHit[]; vector: TraceHit[] };
  /** The fused order before the reranker (the same as `retrieved` when no reranker ran). */
  fused?: TraceHit[];
  /** Whether the reranker reordered the fused candidates. */
  reranked?: boolean;
  /** What the guard decided at each stage, rules that allowed left out. */
  guard?: { input: TraceVerdict[]; retrieval: TraceVerdict[]; output: TraceVerdict[] };
}

/**
 * What a course's own settings change about answering it (see courses/settings.ts). The release
 * schedule's week applies to student surfaces only: staff (evals, the playground) see everything.
 */
export interface CoursePolicy {
  /** Students see material up to this week, and material without a week; undefined: every week. */
  week?: number;
  /** The tutor mode of a question that names none. */
  defaultMode?: TutorMode;
  /** False: the offline answerer answers even when an LLM is configured. */
  llm?: boolean;
  /** An archived course answers no student (it reads as an unknown course); staff may still ask. */
  archived?: boolean;
}

export interface CoursePolicySource {
  policyFor(course: string): Promise<CoursePolicy>;
}

/** One guard verdict as the trace shows it: the rule, what it did and why. */
export interface TraceVerdict {
  rule: string;
  action: string;
  reason?: string;
  details?: Record<string, string | number | boolean>;
}

/** One retriever's candidate as the trace shows it. */
export interface TraceHit {
  chunkId: string;
  source: string;
  heading: string;
  score: number;
}
