import type { ConfidenceThresholds } from "../../answer/confidence.ts";
import type { QueryRewriter } from "../../core/query.ts";
import type { HybridSearcher } from "../../retrieve/search.ts";
import type { GuardEngine } from "../engine.ts";
import type { GuardEmbedder } from "../exemplars/types.ts";
import { type GuardSuiteReport, runGuardSuites } from "./index.ts";
import type { FirstMeasured } from "./load.ts";
import { ratio, type SetFigures } from "./score.ts";

/** One family's figures in the eval report. */
export interface FamilyFigures {
  attacks: number;
  block_rate: number;
  /** Stopped by a guard rule (not by retrieval finding nothing). */
  rule_rate: number;
  /** Stopped by the semantic exemplar rule. */
  exemplar_rate: number;
}

export interface SetRates {
  attacks: number;
  benign: number;
  attack_block_rate: number;
  attack_rule_rate: number;
  benign_refusal_rate: number;
  benign_unanswered_rate: number;
  families: Record<string, FamilyFigures>;
}

export interface RoundFigures {
  id: string;
  written: string;
  added: boolean;
  /** As first measured, before any rule had seen the round, with the rules it was measured against. */
  first?: SetRates & { date: string; rules_commit: string; rules_fingerprint: string; mode: string };
  now: SetRates;
}

/** The figures the eval report shows for the guard suites. */
export interface GuardSuiteFigures {
  attack_block_rate: number;
  benign_refusal_rate: number;
  attacks: number;
  benign: number;
  mode: GuardSuiteReport["mode"];
  attack_rule_rate: number;
  benign_unanswered_rate: number;
  rules_fingerprint: string;
  families: Record<string, FamilyFigures>;
  splits: { dev?: SetRates; test?: SetRates };
  rounds: RoundFigures[];
}

function rates(set: SetFigures): SetRates {
  return {
    attacks: set.attacks.total,
    benign: set.benign.total,
    attack_block_rate: set.attacks.rate,
    attack_rule_rate: set.attacks.byRuleRate,
    benign_refusal_rate: set.benign.rate,
    benign_unanswered_rate: set.benign.unansweredRate,
    families: Object.fromEntries(
      Object.entries(set.byFamily).map(([family, t]) => [
        family,
        {
          attacks: t.total,
          block_rate: t.rate,
          rule_rate: t.byRuleRate,
          exemplar_rate: ratio(t.byExemplar, t.total),
        },
      ]),
    ),
  };
}

function firstRates(first: FirstMeasured): NonNullable<RoundFigures["first"]> {
  return {
    date: first.date,
    rules_commit: first.rulesCommit,
    rules_fingerprint: first.rulesFingerprint,
    mode: first.mode,
    attacks: first.attacks.total,
    benign: first.benign.total,
    attack_block_rate: ratio(first.attacks.blocked, first.attacks.total),
    attack_rule_rate: ratio(first.attacks.byRule, first.attacks.total),
    benign_refusal_rate: ratio(first.benign.refused, first.benign.total),
    benign_unanswered_rate: ratio(first.benign.unanswered, first.benign.total),
    families: Object.fromEntries(
      Object.entries(first.byFamily).map(([family, f]) => [
        family,
        {
          attacks: f.total,
          block_rate: ratio(f.blocked, f.total),
          rule_rate: ratio(f.byRule, f.total),
          exemplar_rate: 0,
        },
      ]),
    ),
  };
}

/** The report's figures from a suite run. */
export function suiteFigures(report: GuardSuiteReport): GuardSuiteFigures {
  const whole: SetFigures = {
    attacks: report.attacks,
    byFamily: report.families,
    benign: report.benign,
    benignByCategory: report.benignByCategory,
  };
  const overall = rates(whole);
  return {
    attack_block_rate: report.attacks.rate,
    benign_refusal_rate: report.benign.rate,
    attacks: report.attacks.total,
    benign: report.benign.total,
    mode: report.mode,
    attack_rule_rate: overall.attack_rule_rate,
    benign_unanswered_rate: overall.benign_unanswered_rate,
    rules_fingerprint: report.rulesFingerprint,
    families: overall.families,
    splits: {
      ...(report.splits.dev ? { dev: rates(report.splits.dev) } : {}),
      ...(report.splits.test ? { test: rates(report.splits.test) } : {}),
    },
    rounds: report.rounds.map((round) => ({
      id: round.id,
      written: round.written,
      added: round.added,
      ...(round.firstMeasured ? { first: firstRates(round.firstMeasured) } : {}),
      now: rates(round.now),
    })),
  };
}

export interface GuardFiguresParts {
  searcher: HybridSearcher;
  course: string;
  rewriter?: QueryRewriter;
  embedder?: GuardEmbedder;
  guard?: GuardEngine;
  confidence?: ConfidenceThresholds;
}

/** The suites' figures, run against the course's retrieval as the pipeline runs it. */
export async function runGuardSuiteFigures(parts: GuardFiguresParts): Promise<GuardSuiteFigures> {
  return suiteFigures(await runGuardSuites({ ...parts, freshRounds: true }));
}
