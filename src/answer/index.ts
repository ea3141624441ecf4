/**
 * Answering: writes a cited answer from retrieved chunks in each tutor mode, with an LLM behind
 * timeouts, retries and a breaker when one is configured and offline answerers otherwise.
 */
export { citationUrl, distinctCitations, excerptOf, makeCitation, slugify, truncate } from "./citations.ts";
export {
  type ConfidenceThresholds,
  defaultConfidenceThresholds,
  isConfident,
  queryCoverage,
  type RetrievalSignals,
  retrievalConfidence,
  retrievalCoverage,
} from "./confidence.ts";
export { type Answering, type AnsweringOptions, createAnswering } from "./create.ts";
export { ExtractiveAnswerer } from "./extractive.ts";
export {
  type ChatModelFactory,
  createChatModelFactory,
  type LlmSettings,
  llmLabel,
} from "./llm/chat-model.ts";
export { NOT_IN_MATERIAL, systemPrompt } from "./llm/prompt.ts";
export {
  type FollowUpAnswer,
  type FollowUpContext,
  type FollowUpHandler,
  QUIZ_REVEAL_INVITE,
  type QuizKeyStore,
  quizKeyFollowUp,
  type StoredQuizKey,
} from "./modes/quiz-key.ts";
export { modeTopic } from "./modes/topic.ts";
export { DeadlineBudget, withinBudget } from "./resilience/budget.ts";
export { type BreakerSnapshot, type BreakerState, CircuitBreaker } from "./resilience/circuit-breaker.ts";
export { answerWithFallback, type FallbackOutcome } from "./resilience/deadline.ts";
export type { AnswerDraft, Answerer, AnswerRequest, QuizKey } from "./types.ts";
