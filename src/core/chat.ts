import type { RetrievalMode, ScoredChunk, SearchFilters } from "./chunks.ts";
import type { EscalationReceipt, ReplyTarget } from "./escalations.ts";

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
  onStart?: (info: { sessionId: string }) => void;
  signal?: AbortSignal;
  /** Where a staff answer to this question would go besides the session (Slack threads, DMs). */
  replyTo?: ReplyTarget;
  /** Who asked, as the surface knows them (`slack:T…:U…`); escalations derive pseudonyms from it. */
  asker?: string;
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
  /** Set when the question went to the teaching staff with the answer (a course's auto-escalation). */
  escalation?: EscalationReceipt;
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
}
