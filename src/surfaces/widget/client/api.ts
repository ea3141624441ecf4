import type * as z from "zod/mini";
import {
  type ChatReply,
  chatReplySchema,
  citationsEventSchema,
  type EscalationReceipt,
  errorBodySchema,
  escalationReplySchema,
  metaEventSchema,
  type TimelineMessage,
  type TutorMode,
  timelineSchema,
  tokenEventSchema,
  type WidgetCitation,
} from "./protocol.ts";
import { SseParser } from "./sse.ts";

/** The request never reached the tutor or its reply was cut off (offline, DNS, CORS, reset). */
export class NetworkError extends Error {
  override name = "NetworkError";
}

/** The tutor answered with an error (`{error:{code,message}}`), a status and maybe Retry-After. */
export class TutorError extends Error {
  override name = "TutorError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export interface ChatRequest {
  course: string;
  message: string;
  mode: TutorMode;
  sessionId?: string;
}

export interface StreamHandlers {
  onSession?(sessionId: string): void;
  onToken?(text: string): void;
  onCitations?(citations: WidgetCitation[]): void;
}

export interface TutorClientOptions {
  /** The tutor's address (where widget.js came from), ending in "/". */
  base: string;
  fetch?: typeof fetch;
}

export interface TutorClient {
  chat(request: ChatRequest, handlers: StreamHandlers, signal?: AbortSignal): Promise<ChatReply>;
  feedback(input: {
    course: string;
    sessionId: string;
    messageId: string;
    rating: "up" | "down";
  }): Promise<void>;
  /** Hands one of the session's answers to the teaching staff. */
  escalate(input: { course: string; sessionId: string; messageId: string }): Promise<EscalationReceipt>;
  /** The session's messages, staff answers included. */
  messages(input: { course: string; sessionId: string }): Promise<TimelineMessage[]>;
}

export function createTutorClient(options: TutorClientOptions): TutorClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  // The course also travels in the query string: CORS preflights carry no body, and the
  // server picks the course's allowed origins from it.
  const endpoint = (route: string, course: string) =>
    new URL(`${route}?course=${encodeURIComponent(course)}`, options.base).toString();

  async function post(url: string, body: unknown, accept: string, signal?: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept, "x-tutor-surface": "widget" },
        body: JSON.stringify(body),
        signal,
        credentials: "omit",
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw await readError(response);
    return response;
  }

  return {
    async chat(request, handlers, signal) {
      const response = await post(
        endpoint("v1/chat", request.course),
        {
          course: request.course,
          message: request.message,
          mode: request.mode,
          stream: true,
          ...(request.sessionId ? { sessionId: request.sessionId } : {}),
        },
        "text/event-stream",
        signal,
      );
      if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
        // A server or proxy that ignored the stream request still sends the same reply as JSON.
        return parseReply(await response.json().catch(() => undefined));
      }
      return readStream(response, handlers, signal);
    },
    async feedback(input) {
      await post(
        endpoint("v1/feedback", input.course),
        { sessionId: input.sessionId, messageId: input.messageId, rating: input.rating },
        "application/json",
      );
    },
    async escalate(input) {
      const body = { sessionId: input.sessionId, messageId: input.messageId };
      const response = await post(endpoint("v1/escalations", input.course), body, "application/json");
      return parseWith(escalationReplySchema, response).then((reply) => reply.escalation);
    },
    async messages(input) {
      const route = `v1/sessions/${encodeURIComponent(input.sessionId)}/messages`;
      const response = await plainGet(doFetch, endpoint(route, input.course));
      return parseWith(timelineSchema, response).then((timeline) => timeline.messages);
    },
  };
}

/** A GET without custom headers or credentials: a cross-origin poll needs no CORS preflight. */
async function plainGet(doFetch: typeof fetch, url: string): Promise<Response> {
  let response: Response;
  try {
    response = await doFetch(url, { credentials: "omit" });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await readError(response);
  return response;
}

async function parseWith<Schema extends z.ZodMiniType>(
  schema: Schema,
  response: Response,
): Promise<z.infer<Schema>> {
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw badReply();
  return parsed.data;
}

function badReply(): TutorError {
  return new TutorError(502, "bad_reply", "The tutor sent a reply the widget could not read.");
}

async function readStream(
  response: Response,
  handlers: StreamHandlers,
  signal?: AbortSignal,
): Promise<ChatReply> {
  const body = response.body;
  if (!body) throw new NetworkError("The reply had no body.");
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new NetworkError("The connection dropped while the answer was streaming.");
    }
    const text = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
    for (const event of parser.push(text)) {
      const data = parseJsonOrUndefined(event.data);
      switch (event.event) {
        case "meta": {
          const meta = metaEventSchema.safeParse(data);
          if (meta.success) handlers.onSession?.(meta.data.sessionId);
          break;
        }
        case "token": {
          const token = tokenEventSchema.safeParse(data);
          if (token.success) handlers.onToken?.(token.data.text);
          break;
        }
        case "citations": {
          const citations = citationsEventSchema.safeParse(data);
          if (citations.success) handlers.onCitations?.(citations.data.citations);
          break;
        }
        case "done":
          void reader.cancel().catch(() => {});
          return parseReply(data);
        case "error": {
          const failure = errorBodySchema.safeParse(data);
          void reader.cancel().catch(() => {});
          if (failure.success) {
            throw new TutorError(
              failure.data.status ?? 500,
              failure.data.error.code,
              failure.data.error.message,
            );
          }
          throw new TutorError(500, "stream_error", "The tutor could not finish this answer.");
        }
        default:
          break;
      }
    }
    if (chunk.done) break;
  }
  throw new NetworkError("The answer stream ended before it was complete.");
}

function parseReply(data: unknown): ChatReply {
  const reply = chatReplySchema.safeParse(data);
  if (!reply.success) throw badReply();
  return reply.data;
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function readError(response: Response): Promise<TutorError> {
  const retryAfter = Number(response.headers.get("retry-after"));
  const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  const body = errorBodySchema.safeParse(await response.json().catch(() => undefined));
  if (body.success)
    return new TutorError(response.status, body.data.error.code, body.data.error.message, seconds);
  return new TutorError(
    response.status,
    "http_error",
    `The tutor answered with status ${response.status}.`,
    seconds,
  );
}

export interface RetryOptions {
  /** Waits before each retry, in ms; its length is the number of retries. */
  delays: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** Whether a failure may be retried (never after part of an answer was shown). */
  shouldRetry: (error: unknown) => boolean;
  onRetry?: (attempt: number, error: unknown) => void;
}

/** Runs `work` again after network-level failures, waiting a little longer each time. */
export async function withRetry<T>(work: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delay = options.delays[attempt];
      if (delay === undefined || !options.shouldRetry(error)) throw error;
      options.onRetry?.(attempt + 1, error);
      await sleep(delay);
    }
  }
}

export function isTransient(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof TutorError && error.retryable);
}
