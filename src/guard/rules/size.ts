import { withDefaults } from "../../core/options.ts";
import type { GuardRule, GuardVerdict } from "../types.ts";

export interface SizeLimits {
  maxChars: number;
  /** Share of characters that may be control or unassigned code points before the text is refused. */
  maxControlShare: number;
  /** Replaces the student-facing reasons. */
  refusal?: string;
}

export const defaultSizeLimits: SizeLimits = { maxChars: 2_000, maxControlShare: 0.1 };

// Tabs and newlines are ordinary in pasted questions; other C0/C1 controls are not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this rule's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

/** Refuses questions too long to be a question, or made mostly of control characters. */
export function sizeRule(options: Partial<SizeLimits> = {}): GuardRule {
  const limits = withDefaults(defaultSizeLimits, options);
  return {
    id: "input.size",
    stage: "input",
    check(text): GuardVerdict {
      if (text.trim().length === 0) {
        return {
          rule: "input.size",
          action: "refuse",
          reason: limits.refusal ?? "The question is empty.",
          details: { problem: "empty" },
        };
      }
      if (text.length > limits.maxChars) {
        return {
          rule: "input.size",
          action: "refuse",
          reason:
            limits.refusal ??
            `Questions can be at most ${limits.maxChars} characters; please shorten yours and ask again.`,
          details: { problem: "too_long", chars: text.length },
        };
      }
      const controls = text.match(CONTROL)?.length ?? 0;
      if (controls / text.length > limits.maxControlShare) {
        return {
          rule: "input.size",
          action: "refuse",
          reason: limits.refusal ?? "The question contains unreadable characters; please retype it.",
          details: { problem: "control_characters" },
        };
      }
      return { rule: "input.size", action: "allow" };
    },
  };
}
