import type { Citation } from "../answer/types.ts";
import type { ScoredChunk } from "../retrieve/types.ts";

export type GuardAction = "allow" | "redact" | "refuse";
export type GuardStage = "input" | "output";

export interface GuardVerdict {
  rule: string;
  action: GuardAction;
  /** Student-facing explanation (refusals) or a short note (redactions). */
  reason?: string;
  /** The text after this rule, when it redacted something. */
  text?: string;
  /** What the tutor says instead of answering, when a rule refuses with its own reply. */
  reply?: string;
}

export interface GuardContext {
  course: string;
  /** Output rules only: the chunks the answer was written from. */
  chunks?: readonly ScoredChunk[];
  /** Output rules only: the answer's citations. */
  citations?: readonly Citation[];
}

/** A pure check over text; one rule family per module under src/guard/rules/. */
export interface GuardRule {
  readonly id: string;
  readonly stage: GuardStage;
  check(text: string, context: GuardContext): GuardVerdict;
}

export interface GuardOutcome {
  /** The text after every redaction. */
  text: string;
  verdicts: GuardVerdict[];
  /** The first refusing verdict, if any; later rules do not run after it. */
  refusal?: GuardVerdict;
}
