import type { Citation } from "../core/chat.ts";
import { type TextViews, textViews } from "./normalize/index.ts";
import type { GuardAction, GuardContext, GuardRule, GuardStage, GuardVerdict } from "./types.ts";

/** What one pass of rules produced, before it is counted and logged. */
export interface Pass {
  text: string;
  verdicts: GuardVerdict[];
  refusal?: GuardVerdict;
  citations?: Citation[];
  citationsChanged: boolean;
  ran: { rule: GuardRule; verdict?: GuardVerdict }[];
}

export interface RunOptions {
  sentenceRulesOnly?: boolean;
  silent?: boolean;
  /** Only rules that judge by meaning (true) or only the others (false); all when absent. */
  byMeaning?: boolean;
}

/**
 * One pass of a stage's rules over a text. Redactions feed the next rule; after a refusal only
 * the `alwaysRun` rules still run. Each non-allow verdict is announced as it comes (unless silent).
 */
export function runPass(
  rules: readonly GuardRule[],
  stage: GuardStage,
  text: string,
  context: GuardContext,
  options: RunOptions,
  announce: (verdict: GuardVerdict) => void,
): Pass {
  let current = text;
  let views: TextViews | undefined;
  // Rules that need the normalised views get them on first use; a redaction invalidates them.
  const viewsOfCurrent = () => {
    views ??= textViews(current);
    return views;
  };
  let citations = context.citations ? [...context.citations] : undefined;
  let citationsChanged = false;
  const verdicts: GuardVerdict[] = [];
  const ran: Pass["ran"] = [];
  let refusal: GuardVerdict | undefined;
  for (const rule of rules) {
    if (rule.stage !== stage) continue;
    if (options.sentenceRulesOnly && !rule.judgesSentences) continue;
    if (options.byMeaning !== undefined && options.byMeaning !== Boolean(rule.prepare)) continue;
    if (refusal && !rule.alwaysRun) continue;
    const ruleContext: GuardContext = { ...context, citations };
    Object.defineProperty(ruleContext, "views", { get: viewsOfCurrent, enumerable: true });
    const verdict = rule.check(current, ruleContext);
    if (verdict.action === "allow") {
      ran.push({ rule });
      continue;
    }
    ran.push({ rule, verdict });
    verdicts.push(verdict);
    if (!options.silent) announce(verdict);
    if (verdict.text !== undefined && verdict.text !== current) {
      current = verdict.text;
      views = undefined;
    }
    if (verdict.citations) {
      citations = verdict.citations;
      citationsChanged = true;
    }
    if (verdict.action === "refuse") refusal ??= verdict;
  }
  return { text: current, verdicts, citations, citationsChanged, ran, ...(refusal ? { refusal } : {}) };
}

const STRENGTH: Record<GuardAction, number> = { allow: 0, redact: 1, refuse: 2 };

/** The strongest action among the verdicts ("allow" when there are none). */
export function strongestAction(verdicts: readonly GuardVerdict[]): GuardAction {
  return verdicts.reduce<GuardAction>(
    (strongest, v) => (STRENGTH[v.action] > STRENGTH[strongest] ? v.action : strongest),
    "allow",
  );
}

/** How retrieval should read the message: each rule's `searchText`, in rule order. */
export function searchTextOf({ text, ran }: Pick<Pass, "text" | "ran">): string {
  return ran.reduce((current, { rule, verdict }) => rule.searchText?.(current, verdict) ?? current, text);
}
