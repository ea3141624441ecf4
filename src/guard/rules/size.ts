import type { GuardRule } from "../types.ts";

export interface SizeLimits {
  maxChars: number;
  /** Share of characters that may be control or unassigned code points before the text is refused. */
  maxControlShare: number;
}

export const defaultSizeLimits: SizeLimits = { maxChars: 2_000, maxControlShare: 0.1 };

// Tabs and newlines are ordinary in pasted questions; other C0/C1 controls are not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this rule's job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/g;

/** Refuses questions too long to be a question, or made mostly of control characters. */
export function sizeRule(limits: SizeLimits = defaultSizeLimits): GuardRule {
  return {
    id: "input.size",
    stage: "input",
    check(text) {
      if (text.trim().length === 0) {
        return { rule: "input.size", action: "refuse", reason: "The question is empty." };
      }
      if (text.length > limits.maxChars) {
        return {
          rule: "input.size",
          action: "refuse",
          reason: `Questions can be at most ${limits.maxChars} characters; please shorten yours and ask again.`,
        };
      }
      const controls = text.match(CONTROL)?.length ?? 0;
      if (controls / text.length > limits.maxControlShare) {
        return {
          rule: "input.size",
          action: "refuse",
          reason: "The question contains unreadable characters; please retype it.",
        };
      }
      return { rule: "input.size", action: "allow" };
    },
  };
}
