import type { GuardContext, GuardOutcome, GuardRule, GuardVerdict } from "./types.ts";

export type GuardListener = (verdict: GuardVerdict, stage: "input" | "output", context: GuardContext) => void;

/**
 * Runs ordered rules over a text. Redactions feed the next rule; the first refusal stops the run.
 * Every non-allow verdict is reported to the listeners (logs and metrics), never the raw text.
 */
export class GuardEngine {
  constructor(
    private readonly rules: readonly GuardRule[],
    private readonly listeners: GuardListener[] = [],
  ) {}

  onVerdict(listener: GuardListener): void {
    this.listeners.push(listener);
  }

  checkInput(text: string, context: GuardContext): GuardOutcome {
    return this.run("input", text, context);
  }

  checkOutput(text: string, context: GuardContext): GuardOutcome {
    return this.run("output", text, context);
  }

  private run(stage: "input" | "output", text: string, context: GuardContext): GuardOutcome {
    let current = text;
    const verdicts: GuardVerdict[] = [];
    for (const rule of this.rules) {
      if (rule.stage !== stage) continue;
      const verdict = rule.check(current, context);
      if (verdict.action === "allow") continue;
      verdicts.push(verdict);
      for (const listener of this.listeners) listener(verdict, stage, context);
      if (verdict.action === "redact" && verdict.text !== undefined) current = verdict.text;
      if (verdict.action === "refuse") return { text: current, verdicts, refusal: verdict };
    }
    return { text: current, verdicts };
  }
}
