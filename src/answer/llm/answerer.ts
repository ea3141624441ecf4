import type { BaseMessageChunk, MessageContent } from "@langchain/core/messages";
import { concealCitations } from "../modes/conceal.ts";
import { pairNumbered, QUIZ_REVEAL_INVITE, renderKey } from "../modes/quiz-key.ts";
import { MalformedReplyError } from "../resilience/errors.ts";
import type { AnswerDraft, Answerer, AnswerRequest } from "../types.ts";
import type { ChatModelFactory } from "./chat-model.ts";
import { citationsIn } from "./cited-sources.ts";
import { defaultHistoryWindow, type HistoryWindowOptions, windowHistory } from "./history.ts";
import { createPromptMessages } from "./prompt.ts";
import { ReplyShaper } from "./reply-shaper.ts";

export interface LlmAnswererOptions {
  chatModel: ChatModelFactory;
  /** Recorded as `answeredBy`: `llm:openai/model`. */
  label: string;
  publicBaseUrl?: string;
  history?: HistoryWindowOptions;
  /** Retrieved chunks placed in the prompt, best first. */
  maxChunks?: number;
  maxChunkChars?: number;
  maxTokens?: number;
  quizQuestions?: number;
}

/**
 * Answers with a LangChain chat model from the numbered retrieved chunks, citing them with [n].
 * Streams tokens as the model produces them when the caller listens. Throws on any transport or
 * protocol failure; retries, timeouts and fallback are the resilience layer's job.
 */
export class LlmAnswerer implements Answerer {
  readonly name: string;

  constructor(private readonly options: LlmAnswererOptions) {
    this.name = options.label;
  }

  async answer(request: AnswerRequest): Promise<AnswerDraft> {
    const chunks = request.chunks.slice(0, this.options.maxChunks ?? 6);
    const messages = createPromptMessages({
      question: request.question,
      chunks,
      mode: request.mode,
      history: windowHistory(request.history, this.options.history ?? defaultHistoryWindow),
      maxChunkChars: this.options.maxChunkChars,
      quizQuestions: this.options.quizQuestions,
    });
    const model = this.options.chatModel({ signal: request.signal, maxTokens: this.options.maxTokens });
    const shaper = new ReplyShaper(chunks.length, request.mode);
    const emit = (text: string) => {
      if (text) request.onToken?.(text);
    };

    if (request.onToken) {
      const stream = await model.stream(messages, { signal: request.signal });
      for await (const piece of stream) emit(shaper.push(textOf(piece)));
    } else {
      const reply = await model.invoke(messages, { signal: request.signal });
      shaper.push(textOf(reply));
    }
    // LangChain ends an aborted stream quietly; a cut-short reply must not pass for a whole one.
    request.signal?.throwIfAborted();
    emit(shaper.end());

    const shaped = shaper.result();
    if (shaped.notInMaterial) {
      return { status: "no_answer", answer: "", citations: [], answeredBy: this.name };
    }
    if (shaped.visible.trim() === "") throw new MalformedReplyError("the LLM sent an empty reply");

    let answer = shaped.visible;
    const cited = citationsIn(answer, shaped.numbering, chunks, this.options.publicBaseUrl);
    // A hint or a quiz question must not quote the passage that answers it.
    const citations =
      request.mode === "explain"
        ? cited
        : concealCitations(
            cited,
            chunks,
            cited.map((c) => c.snippet),
          );
    const draft: AnswerDraft = { status: "answered", answer, citations, answeredBy: this.name };
    if (request.mode === "quiz" && shaped.key) {
      const invite = `\n\n${QUIZ_REVEAL_INVITE}`;
      emit(invite);
      answer += invite;
      draft.answer = answer;
      const paired = pairNumbered(shaped.visible, shaped.key);
      const key = paired.length > 0 ? renderKey(paired) : shaped.key;
      const keyCitations = citationsIn(key, shaped.numbering, chunks, this.options.publicBaseUrl);
      draft.quizKey = {
        answer: key,
        citations: keyCitations,
        sources: chunks.filter((chunk) => keyCitations.some((c) => c.chunkId === chunk.chunkId)),
      };
    }
    return draft;
  }
}

function textOf(message: BaseMessageChunk | { content: MessageContent }): string {
  const content = message.content;
  if (typeof content === "string") return content;
  return content
    .map((part) => (typeof part === "string" ? part : part.type === "text" ? String(part.text ?? "") : ""))
    .join("");
}
