import type { AnswerDraft, Answerer, AnswerRequest } from "../types.ts";
import { anySignal, raceAbort, timeoutSignal } from "./abort.ts";
import { classifyFailure, DeadlineExceededError, type FailureKind } from "./errors.ts";

/** Below this, calling the preferred answerer only starts work that will be thrown away. */
const MIN_USEFUL_BUDGET_MS = 50;

export interface FallbackOutcome {
  draft: AnswerDraft;
  /** Set when the fallback answered: why the preferred answerer did not. */
  fallbackReason?: FailureKind;
}

/**
 * Runs the preferred answerer within `budgetMs`; if it fails, times out or its breaker is open,
 * the fallback answers within the same request and the draft is marked degraded. Tokens the
 * abandoned answerer emits late are dropped; if it had already streamed some, a paragraph break
 * separates them from the fallback's (the final `done` reply carries only the fallback answer).
 * A request the student aborted is not answered at all.
 */
export async function answerWithFallback(
  primary: Answerer,
  fallback: Answerer | undefined,
  request: AnswerRequest,
  budgetMs: number,
): Promise<FallbackOutcome> {
  const budget = Math.max(0, Math.floor(budgetMs));
  if (budget <= MIN_USEFUL_BUDGET_MS && fallback) {
    // Too little time left to wait on anything remote: answer offline at once.
    const draft = await fallback.answer({ ...request, lexicalOnly: true });
    return { draft: { ...draft, degraded: true }, fallbackReason: "deadline" };
  }
  const deadline = timeoutSignal(budget, () => new DeadlineExceededError(budget));
  const signal = anySignal([request.signal, deadline.signal]);
  let live = true;
  let streamed = false;
  const onToken = request.onToken
    ? (text: string) => {
        if (!live) return;
        streamed = true;
        request.onToken?.(text);
      }
    : undefined;
  try {
    return { draft: await raceAbort(primary.answer({ ...request, signal, onToken }), signal) };
  } catch (error) {
    live = false;
    if (!fallback || request.signal?.aborted) throw error;
    if (streamed) request.onToken?.("\n\n");
    const draft = await fallback.answer({ ...request, lexicalOnly: deadline.signal.aborted });
    const reason = deadline.signal.aborted ? "deadline" : classifyFailure(error).kind;
    return { draft: { ...draft, degraded: true }, fallbackReason: reason };
  } finally {
    deadline.clear();
  }
}
