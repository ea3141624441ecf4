import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOllama } from "@langchain/ollama";
import { ChatOpenAICompletions } from "@langchain/openai";
import type { Config } from "../../app/config.ts";

/** Where the LLM is and how to reach it. */
export type LlmSettings = Pick<Config["llm"], "provider" | "baseUrl" | "model" | "apiKey">;

export interface ChatModelOptions {
  /** Every HTTP request the model makes is cancelled when this aborts. */
  signal?: AbortSignal;
  temperature?: number;
  maxTokens?: number;
}

/** Makes a chat model for one call; a new one per call so each call's signal reaches its sockets. */
export type ChatModelFactory = (options?: ChatModelOptions) => BaseChatModel;

/**
 * The chat model selected by `LLM_PROVIDER`. `openai` means any server that speaks OpenAI's Chat
 * Completions API (OpenAI, vLLM, llama.cpp's server, LM Studio) at `LLM_BASE_URL`; `ollama` uses
 * Ollama's own API. LangChain's retries are switched off: the resilience layer owns retrying, and
 * two layers of retries would multiply waiting time behind the student's back.
 */
export function createChatModelFactory(llm: LlmSettings): ChatModelFactory {
  const model = llm.model;
  if (llm.provider === "none" || !model) {
    throw new Error("no LLM is configured (LLM_PROVIDER=none or LLM_MODEL missing)");
  }
  if (llm.provider === "openai") {
    return (options = {}) =>
      new ChatOpenAICompletions({
        model,
        // Local servers accept any key, but the SDK refuses to start without one.
        apiKey: llm.apiKey ?? "not-needed",
        temperature: options.temperature ?? 0.2,
        ...(options.maxTokens ? { maxTokens: options.maxTokens } : {}),
        maxRetries: 0,
        streamUsage: false,
        configuration: {
          // Always explicit, so the client never falls back to OPENAI_BASE_URL from the environment.
          baseURL: llm.baseUrl ?? "https://api.openai.com/v1",
          maxRetries: 0,
          fetch: boundFetch(options.signal),
        },
      });
  }
  return (options = {}) =>
    new ChatOllama({
      model,
      baseUrl: llm.baseUrl ?? "http://127.0.0.1:11434",
      temperature: options.temperature ?? 0.2,
      ...(options.maxTokens ? { numPredict: options.maxTokens } : {}),
      maxRetries: 0,
      // Never start a model download from the request path.
      checkOrPullModel: false,
      fetch: boundFetch(options.signal),
      ...(llm.apiKey ? { headers: { authorization: `Bearer ${llm.apiKey}` } } : {}),
    });
}

/** A human-readable label for answers and logs: `llm:openai/gpt-4o-mini`. */
export function llmLabel(llm: LlmSettings): string {
  return `llm:${llm.provider}/${llm.model ?? "?"}`;
}

function boundFetch(signal: AbortSignal | undefined): typeof fetch {
  if (!signal) return (input, init) => fetch(input, init);
  return (input, init) => {
    const own = init?.signal;
    return fetch(input, { ...init, signal: own ? AbortSignal.any([own, signal]) : signal });
  };
}
