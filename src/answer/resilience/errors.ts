/**
 * Why a call to the LLM failed, reduced to what resilience decisions need: whether trying again
 * soon could help, and a short label for logs and metrics (never the prompt or the reply).
 */
export type FailureKind =
  | "timeout"
  | "deadline"
  | "connection"
  | "rate_limited"
  | "server_error"
  | "client_error"
  | "malformed"
  | "circuit_open"
  | "aborted"
  | "unknown";

export interface FailureInfo {
  kind: FailureKind;
  retryable: boolean;
  status?: number;
}

/** The per-call timer ran out. */
export class LlmTimeoutError extends Error {
  override name = "LlmTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`the LLM did not answer within ${timeoutMs} ms`);
  }
}

/** The whole chat request ran out of time; the answer stage must hand over to the fallback. */
export class DeadlineExceededError extends Error {
  override name = "DeadlineExceededError";
  constructor(readonly budgetMs: number) {
    super(`the answer did not arrive within its ${budgetMs} ms budget`);
  }
}

/** The circuit breaker is open: the LLM is not called at all. */
export class CircuitOpenError extends Error {
  override name = "CircuitOpenError";
  constructor(readonly retryAt: number) {
    super("the LLM circuit breaker is open");
  }
}

/** The reply arrived but was not usable (empty, or not the protocol). */
export class MalformedReplyError extends Error {
  override name = "MalformedReplyError";
}

/** What the resilient answerer throws once it gives up; the pipeline then falls back. */
export class LlmUnavailableError extends Error {
  override name = "LlmUnavailableError";
  constructor(
    readonly failure: FailureInfo,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`the LLM is unavailable (${failure.kind}${failure.status ? ` ${failure.status}` : ""})`, options);
  }
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);

/**
 * Classifies errors from the OpenAI SDK, the Ollama client, fetch and our own timers. Clients
 * differ in shape (status vs status_code, wrapped causes), so this looks at properties rather
 * than classes.
 */
export function classifyFailure(error: unknown): FailureInfo {
  if (error instanceof LlmUnavailableError) return error.failure;
  if (error instanceof LlmTimeoutError) return { kind: "timeout", retryable: false };
  if (error instanceof DeadlineExceededError) return { kind: "deadline", retryable: false };
  if (error instanceof CircuitOpenError) return { kind: "circuit_open", retryable: false };
  if (error instanceof MalformedReplyError || error instanceof SyntaxError) {
    return { kind: "malformed", retryable: false };
  }
  const status = statusOf(error);
  if (status !== undefined) {
    if (status === 429) return { kind: "rate_limited", retryable: true, status };
    if (status === 408) return { kind: "timeout", retryable: true, status };
    if (status >= 500) return { kind: "server_error", retryable: true, status };
    return { kind: "client_error", retryable: false, status };
  }
  for (const e of causeChain(error)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code))
      return { kind: "connection", retryable: true };
    const name = (e as { name?: unknown }).name;
    const message = String((e as { message?: unknown }).message ?? "");
    if (
      name === "APIConnectionError" ||
      /connection error|socket hang up|fetch failed|terminated|other side closed/i.test(message)
    ) {
      return { kind: "connection", retryable: true };
    }
    if (name === "TimeoutError" || name === "APIConnectionTimeoutError")
      return { kind: "timeout", retryable: false };
    if (name === "AbortError" || name === "APIUserAbortError") return { kind: "aborted", retryable: false };
    if (e instanceof SyntaxError || /JSON|unexpected (end|token)|could not parse/i.test(message)) {
      return { kind: "malformed", retryable: false };
    }
  }
  return { kind: "unknown", retryable: false };
}

function statusOf(error: unknown): number | undefined {
  for (const e of causeChain(error)) {
    for (const key of ["status", "status_code", "statusCode"] as const) {
      const value = (e as Record<string, unknown>)[key];
      if (typeof value === "number" && value >= 400 && value < 600) return value;
    }
  }
  return undefined;
}

function* causeChain(error: unknown): Generator<object> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}
