import type { AnswerDraft, Answerer, AnswerRequest } from "../types.ts";
import { anySignal, raceAbort, timeoutSignal } from "./abort.ts";
import type { CircuitBreaker } from "./circuit-breaker.ts";
import {
  CircuitOpenError,
  classifyFailure,
  DeadlineExceededError,
  type FailureInfo,
  LlmTimeoutError,
  LlmUnavailableError,
} from "./errors.ts";
import { type BackoffOptions, backoffDelay, sleep } from "./retry.ts";

export interface ResilienceOptions extends BackoffOptions {
  /** Longest one call may take, from request to last token. */
  timeoutMs: number;
  /** Further attempts after the first, for retryable failures only. */
  maxRetries: number;
  random?: () => number;
}

export interface AttemptReport {
  attempt: number;
  outcome: "success" | "failure" | "rejected";
  failure?: FailureInfo;
  ms: number;
}

/**
 * Wraps an answerer that calls a remote LLM with a per-call timeout, bounded retries with
 * jittered backoff (retryable failures only, and never once the student has seen tokens, which
 * a retry would repeat), and a circuit breaker. It throws `LlmUnavailableError` when it gives up;
 * the pipeline then answers with its fallback, marked degraded.
 */
export class ResilientAnswerer implements Answerer {
  readonly name: string;

  constructor(
    private readonly inner: Answerer,
    private readonly breaker: CircuitBreaker,
    private readonly options: ResilienceOptions,
    private readonly onAttempt?: (report: AttemptReport) => void,
  ) {
    this.name = inner.name;
  }

  async answer(request: AnswerRequest): Promise<AnswerDraft> {
    let lastFailure: FailureInfo = { kind: "unknown", retryable: false };
    let lastError: unknown;
    const attempts = this.options.maxRetries + 1;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const permit = this.breaker.tryAcquire();
      if (!permit) {
        this.onAttempt?.({
          attempt,
          outcome: "rejected",
          failure: { kind: "circuit_open", retryable: false },
          ms: 0,
        });
        const open = new CircuitOpenError(this.breaker.retryAt);
        throw attempt === 0
          ? new LlmUnavailableError({ kind: "circuit_open", retryable: false }, 0, { cause: open })
          : new LlmUnavailableError(lastFailure, attempt, { cause: lastError });
      }
      const started = performance.now();
      const timer = timeoutSignal(this.options.timeoutMs, () => new LlmTimeoutError(this.options.timeoutMs));
      const signal = anySignal([request.signal, timer.signal]);
      let streamed = false;
      const onToken = request.onToken
        ? (text: string) => {
            if (signal.aborted) return; // a late token from an abandoned call
            streamed = true;
            request.onToken?.(text);
          }
        : undefined;
      try {
        const draft = await raceAbort(this.inner.answer({ ...request, signal, onToken }), signal);
        permit.success();
        this.onAttempt?.({ attempt, outcome: "success", ms: performance.now() - started });
        return draft;
      } catch (error) {
        const reason = request.signal?.aborted ? request.signal.reason : undefined;
        if (request.signal?.aborted && !(reason instanceof DeadlineExceededError)) {
          // The student went away: says nothing about the LLM's health.
          permit.release();
          throw error;
        }
        const failure = timer.signal.aborted
          ? classifyFailure(timer.signal.reason)
          : request.signal?.aborted
            ? classifyFailure(reason)
            : classifyFailure(error);
        permit.failure();
        this.onAttempt?.({ attempt, outcome: "failure", failure, ms: performance.now() - started });
        lastFailure = failure;
        lastError = error;
        const canRetry = failure.retryable && !streamed && attempt + 1 < attempts;
        if (!canRetry) throw new LlmUnavailableError(failure, attempt + 1, { cause: error });
        try {
          await sleep(backoffDelay(attempt, this.options, this.options.random), request.signal);
        } catch {
          throw new LlmUnavailableError(lastFailure, attempt + 1, { cause: error });
        }
      } finally {
        timer.clear();
      }
    }
    throw new LlmUnavailableError(lastFailure, attempts, { cause: lastError });
  }
}
