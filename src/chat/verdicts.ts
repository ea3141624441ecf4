import type { AnswerDraft } from "../answer/index.ts";
import type { GuardEngine } from "../guard/engine.ts";
import type { GuardContext, GuardVerdict } from "../guard/types.ts";
import type { Guardrail } from "./types.ts";

/** The guard rule that shaped an answer, as stored and sent. */
export function guardrailOf(verdict: GuardVerdict): Guardrail {
  return { rule: verdict.rule, reason: verdict.reason ?? "" };
}

/** The guard's reply in place of an answer. */
export function refusedDraft(reply: string): AnswerDraft {
  return { status: "refused", answer: reply, citations: [], answeredBy: "guard" };
}

/**
 * The output guard on a finished draft: refused with the rule's reply, or cleaned (redactions,
 * unsupported sentences and bogus citations dropped).
 */
export function guardOutput(
  guard: GuardEngine,
  draft: AnswerDraft,
  context: Pick<GuardContext, "course" | "mode" | "chunks">,
): { draft: AnswerDraft; guardrail?: Guardrail; verdicts: GuardVerdict[] } {
  const outputCheck = guard.checkOutput(draft.answer, {
    course: context.course,
    mode: context.mode,
    answerStatus: draft.status,
    chunks: context.chunks,
    citations: draft.citations,
  });
  if (outputCheck.refusal) {
    return {
      draft: refusedDraft(outputCheck.refusal.reply ?? "I can't share that answer."),
      guardrail: guardrailOf(outputCheck.refusal),
      verdicts: outputCheck.verdicts,
    };
  }
  return {
    draft: { ...draft, answer: outputCheck.text, citations: outputCheck.citations ?? draft.citations },
    verdicts: outputCheck.verdicts,
  };
}
