import {
  type AnswerDraft,
  type Answerer,
  type ConfidenceThresholds,
  type DeadlineBudget,
  defaultConfidenceThresholds,
  type FollowUpHandler,
} from "../answer/index.ts";
import type {
  Answer,
  AnswerTimings,
  AskRequest,
  AskTrace,
  CoursePolicy,
  CoursePolicySource,
  TutorMode,
} from "../core/chat.ts";
import type { SearchFilters } from "../core/chunks.ts";
import type { QueryRewriter } from "../core/query.ts";
import type { ConversationStore } from "../db/conversations.ts";
import type { GuardEngine } from "../guard/engine.ts";
import type { GuardedTokenStream } from "../guard/token-stream.ts";
import type { GuardContext, GuardOutcome, GuardVerdict } from "../guard/types.ts";
import type { HybridSearcher } from "../retrieve/search.ts";

/** Watches finished answers (metrics, logs, insights); must not throw. */
export interface PipelineObserver {
  onAnswer(answer: Answer, trace: AskTrace, request: AskRequest): void;
}

export interface PipelineDeps {
  searcher: HybridSearcher;
  answerer: Answerer;
  /** Used when `answerer` fails; its answers are marked degraded. */
  fallbackAnswerer?: Answerer;
  guard: GuardEngine;
  conversations: ConversationStore;
  queryRewriter?: QueryRewriter;
  observers?: PipelineObserver[];
  confidence?: ConfidenceThresholds;
  /** Chunks retrieved for answering. */
  retrieveK?: number;
  historyTurns?: number;
  publicBaseUrl?: string;
  /** Every chat request completes within this; a slow answerer is replaced by the fallback. */
  deadlineMs?: number;
  /** Replies that come from the session itself (the quiz key behind "show answers"). */
  followUps?: FollowUpHandler;
  /** Each course's own settings: release schedule, default mode, LLM on or off, archived. */
  coursePolicy?: CoursePolicySource;
}

export const defaultPipelineOptions = {
  confidence: defaultConfidenceThresholds,
  retrieveK: 6,
  historyTurns: 4,
} satisfies Partial<PipelineDeps>;

/** The pipeline's dependencies with the defaults merged in. */
export type PipelineSettings = PipelineDeps & typeof defaultPipelineOptions;

export interface Pipeline {
  ask(request: AskRequest): Promise<Answer>;
  askWithTrace(request: AskRequest): Promise<{ answer: Answer; trace: AskTrace }>;
}

export type Guardrail = NonNullable<Answer["guardrail"]>;

/** One question on its way through the pipeline: what every step reads, and the trace they fill. */
export interface Asking {
  request: AskRequest;
  mode: TutorMode;
  /** The course's policy as it applies to this question's surface (no release week for staff). */
  policy: CoursePolicy;
  /** The request's filters with the release schedule's week applied. */
  filters: SearchFilters | undefined;
  started: number;
  budget: DeadlineBudget;
  timings: AnswerTimings;
  trace: AskTrace;
  /** The input guard's outcome; `question` is its text (redacted). */
  input: GuardOutcome;
  /** Academic integrity refuses but still helps: a hint from the material, never the solution. */
  integrity?: GuardVerdict;
  sessionId: string;
  question: string;
  /** What the streamed-output check knows; the chunks it may quote are filled in once known. */
  streamContext: GuardContext;
  stream?: GuardedTokenStream;
  /** The student's token callback behind the stream's sentence checks. */
  onToken?: (text: string) => void;
}

/** What the steps decided: the draft to store and send, and the guard rule that shaped it. */
export interface Outcome {
  draft: AnswerDraft;
  guardrail?: Guardrail;
  /** Best vector similarity retrieval found; null when retrieval did not run or had no vectors. */
  topScore: number | null;
}
