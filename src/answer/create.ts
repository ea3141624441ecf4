import type { Config } from "../app/config.ts";
import type { NoAnswerThresholds } from "./compose/addresses.ts";
import { ExtractiveAnswerer } from "./extractive.ts";
import { LlmAnswerer } from "./llm/answerer.ts";
import { type ChatModelFactory, createChatModelFactory, llmLabel } from "./llm/chat-model.ts";
import { ExtractiveHintAnswerer } from "./modes/hint.ts";
import { ModalAnswerer } from "./modes/modal.ts";
import { ExtractiveQuizAnswerer } from "./modes/quiz.ts";
import { CircuitBreaker } from "./resilience/circuit-breaker.ts";
import { type AttemptReport, ResilientAnswerer } from "./resilience/resilient-answerer.ts";
import type { Answerer, TextEmbeddings } from "./types.ts";

export interface Answering {
  /** The answerer the pipeline tries first: the LLM when one is configured. */
  answerer: Answerer;
  /** The answerer that needs nothing but the retrieved chunks, in every tutor mode. */
  offline: Answerer;
  /** The LLM's circuit breaker, for metrics and health; absent without an LLM. */
  breaker?: CircuitBreaker;
}

export interface AnsweringOptions {
  /** Replaces the provider's chat model (tests). */
  chatModel?: ChatModelFactory;
  onAttempt?: (report: AttemptReport) => void;
  /** The course's embedding model: the offline answerers score sentences by similarity too. */
  embeddings?: TextEmbeddings;
  /** The no-answer bars on the lead sentence, fitted for that model. */
  noAnswer?: NoAnswerThresholds;
}

/**
 * The answerers the settings ask for. With `LLM_PROVIDER=none` the offline answerers answer
 * everything; otherwise the LLM answers behind a timeout, retries and a circuit breaker, and the
 * offline ones are the fallback.
 */
export function createAnswering(
  config: Pick<Config, "llm" | "publicBaseUrl">,
  options: AnsweringOptions = {},
): Answering {
  const shared = {
    publicBaseUrl: config.publicBaseUrl,
    ...(options.embeddings ? { embeddings: options.embeddings } : {}),
    ...(options.noAnswer ? { noAnswer: options.noAnswer } : {}),
  };
  const publicBaseUrl = config.publicBaseUrl;
  const offline = new ModalAnswerer({
    explain: new ExtractiveAnswerer(shared),
    hint: new ExtractiveHintAnswerer(shared),
    quiz: new ExtractiveQuizAnswerer({ questions: 3, ...shared }),
  });
  const llm = config.llm;
  if (llm.provider === "none") return { answerer: offline, offline };

  const breaker = new CircuitBreaker({
    failureThreshold: llm.breakerFailures,
    cooldownMs: llm.breakerCooldownMs,
  });
  const inner = new LlmAnswerer({
    chatModel: options.chatModel ?? createChatModelFactory(llm),
    label: llmLabel(llm),
    publicBaseUrl,
  });
  const answerer = new ResilientAnswerer(
    inner,
    breaker,
    {
      timeoutMs: llm.timeoutMs,
      maxRetries: llm.maxRetries,
      baseDelayMs: 250,
      maxDelayMs: 2_000,
    },
    options.onAttempt,
  );
  return { answerer, offline, breaker };
}
