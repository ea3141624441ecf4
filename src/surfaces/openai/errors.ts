import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { toApiError } from "../http/index.ts";
import { ConversationError } from "./protocol.ts";

/** OpenAI's error body, which its SDKs and the chat front ends built on them read. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** An error to answer in OpenAI's shape. */
export class OpenAiError extends Error {
  override name = "OpenAiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** OpenAI's `type` for each status: what its SDKs use to pick an exception class. */
function typeFor(status: number): string {
  if (status === 401) return "invalid_request_error";
  if (status === 429) return "requests";
  if (status >= 500) return "server_error";
  return "invalid_request_error";
}

export function openAiErrorBody(error: OpenAiError): OpenAiErrorBody {
  return {
    error: { message: error.message, type: typeFor(error.status), param: error.param, code: error.code },
  };
}

/** Anything thrown while answering, as an OpenAI error; bad input is a 4xx, never a 500. */
export function toOpenAiError(error: unknown): OpenAiError {
  if (error instanceof OpenAiError) return error;
  if (error instanceof ConversationError)
    return new OpenAiError(400, "invalid_request", error.message, error.param);
  const api = toApiError(error);
  if (api.code === "unknown_course") return new OpenAiError(404, "model_not_found", api.message, "model");
  return new OpenAiError(api.status, api.code, api.message, null, api.headers);
}

export function respondWithOpenAiError(c: Context, error: unknown): Response {
  const failure = toOpenAiError(error);
  for (const [name, value] of Object.entries(failure.headers)) c.header(name, value);
  return c.json(openAiErrorBody(failure), failure.status);
}
