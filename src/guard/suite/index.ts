import type { ConfidenceThresholds } from "../../answer/confidence.ts";
import type { QueryRewriter } from "../../core/query.ts";
import type { HybridSearcher } from "../../retrieve/search.ts";
import { type GuardFileConfig, loadGuardConfig } from "../config.ts";
import { createGuardEngine } from "../create-engine.ts";
import type { GuardEngine } from "../engine.ts";
import type { GuardEmbedder } from "../exemplars/types.ts";
import { rulesFingerprint } from "./fingerprint.ts";
import { createJudge } from "./judge.ts";
import {
  type AttackCase,
  type BenignCase,
  type FirstMeasured,
  loadRound,
  loadRoundManifest,
  loadSuites,
  type RoundEntry,
  type Split,
  type Suites,
  selectSplit,
} from "./load.ts";
import { type AttackTally, blocks, judgeAll, type ScoredCase, type SetFigures, tally } from "./score.ts";

/**
 * The guard suites: attack strings that must be blocked or neutralised, and benign course
 * questions (many of them risky-looking) that must not be refused. Figures come from running the
 * real rules over the strings in evals/guard/: all of them, per family, per split (dev for
 * tuning, test for reporting), and per round (each round's figures now, beside the figures it
 * first measured, before the rules had seen it).
 *
 * Without a searcher only the input rules run and off-topic attacks are skipped (they need
 * retrieval). With one, every string also goes through retrieval and the retrieval-stage rules,
 * exactly as the pipeline decides, without answering or storing anything.
 */

export interface GuardSuiteReport {
  /** "input": input rules only (off-topic attacks skipped); "retrieval": input and retrieval rules. */
  mode: "input" | "retrieval";
  rulesFingerprint: string;
  attacks: AttackTally & { skipped: number };
  benign: SetFigures["benign"] & { offTopic: number };
  /** Per family as written in the suites ("injection.persona"). */
  byFamily: Record<string, AttackTally>;
  /** Per reported family ("injection"). */
  families: Record<string, AttackTally>;
  benignByCategory: SetFigures["benignByCategory"];
  splits: Partial<Record<Split, SetFigures>>;
  rounds: RoundReport[];
  /** Attacks that got through, and benign questions that were refused (for reading, not for logs). */
  missed: { family: string; text: string; split?: Split }[];
  falseRefusals: { category: string; text: string; rule: string; split?: Split }[];
}

export interface RoundReport {
  id: string;
  written: string;
  added: boolean;
  firstMeasured?: FirstMeasured;
  /** The round's figures with the rules as they are now. */
  now: SetFigures;
}

export interface GuardSuiteOptions {
  /** Runs the retrieval-stage rules too (off-topic); without it they are skipped. */
  searcher?: HybridSearcher;
  /** The no-answer thresholds the tutor uses with the course's embedder (default: the sentence encoder's). */
  confidence?: ConfidenceThresholds;
  /** The pipeline's query rewriting, so retrieval reads each string as the tutor would. */
  rewriter?: QueryRewriter;
  course?: string;
  /** The engine to test; defaults to one built from `config` (default: the shipped config file). */
  guard?: GuardEngine;
  config?: GuardFileConfig;
  /** For the default engine: embeds messages and exemplars (the exemplar rules abstain without it). */
  embedder?: GuardEmbedder;
  suitesDir?: string;
  /** Run these entries instead of the files (a sample, or strings under test). */
  suites?: Suites;
  /** Only this split of the suites. */
  split?: Split;
  /** Also judge the rounds not yet added to the suites (a fresh round being measured). */
  freshRounds?: boolean;
}

export async function runGuardSuites(options: GuardSuiteOptions = {}): Promise<GuardSuiteReport> {
  const course = options.course ?? "aie101";
  const guard =
    options.guard ??
    createGuardEngine({ config: options.config ?? loadGuardConfig(undefined), embedder: options.embedder });
  const all = options.suites ?? (await loadSuites(options.suitesDir));
  const suites = options.split ? selectSplit(all, options.split) : all;
  const judge = createJudge({
    guard,
    course,
    searcher: options.searcher,
    rewriter: options.rewriter,
    confidence: options.confidence,
  });
  const withRetrieval = options.searcher !== undefined;
  const judged = await judgeAll(suites.attacks, suites.benign, judge, withRetrieval);
  const overall = tally(judged.attacks, judged.benign, judged.skipped);
  const splits: GuardSuiteReport["splits"] = {};
  for (const split of ["dev", "test"] as const) {
    const inSplit = <T extends { split?: Split }>(cases: ScoredCase<T>[]) =>
      cases.filter((c) => c.entry.split === split);
    if (
      judged.attacks.some((c) => c.entry.split === split) ||
      judged.benign.some((c) => c.entry.split === split)
    )
      splits[split] = tally(inSplit(judged.attacks), inSplit(judged.benign));
  }
  const rounds = options.suites ? [] : await roundReports(judged, judge, withRetrieval, options);
  return {
    mode: withRetrieval ? "retrieval" : "input",
    rulesFingerprint: await rulesFingerprint(),
    attacks: overall.attacks,
    benign: {
      ...overall.benign,
      offTopic: judged.benign.filter((c) => c.result.outcome === "off_topic").length,
    },
    byFamily: tally(judged.attacks, [], 0, (family) => family).byFamily,
    families: overall.byFamily,
    benignByCategory: overall.benignByCategory,
    splits,
    rounds,
    missed: judged.attacks
      .filter((c) => !blocks(c.entry, c.result))
      .map((c) => ({ family: c.entry.family, text: c.entry.text, split: c.entry.split })),
    falseRefusals: judged.benign
      .filter((c) => c.result.outcome === "refused")
      .map((c) => ({
        category: c.entry.category,
        text: c.entry.text,
        rule: c.result.rule ?? "",
        split: c.entry.split,
      })),
  };
}

/** Each round's figures now: from the suites' results when it was added, else judged here. */
async function roundReports(
  judged: { attacks: ScoredCase<AttackCase>[]; benign: ScoredCase<BenignCase>[] },
  judge: ReturnType<typeof createJudge>,
  withRetrieval: boolean,
  options: GuardSuiteOptions,
): Promise<RoundReport[]> {
  const manifest: RoundEntry[] = await loadRoundManifest(options.suitesDir);
  const reports: RoundReport[] = [];
  for (const entry of manifest) {
    let now: SetFigures | undefined;
    if (entry.added) {
      const attacks = judged.attacks.filter((c) => c.entry.round === entry.id);
      const benign = judged.benign.filter((c) => c.entry.round === entry.id);
      if (attacks.length + benign.length > 0) now = tally(attacks, benign);
    } else if (options.freshRounds) {
      const round = await loadRound(entry, options.suitesDir);
      const scored = await judgeAll(round.attacks, round.benign, judge, withRetrieval);
      now = tally(scored.attacks, scored.benign, scored.skipped);
    }
    if (!now) continue;
    reports.push({
      id: entry.id,
      written: entry.written,
      added: entry.added,
      ...(entry.firstMeasured ? { firstMeasured: entry.firstMeasured } : {}),
      now,
    });
  }
  return reports;
}

export { rulesFingerprint } from "./fingerprint.ts";
export { createJudge, type Judge, type Judgement, type Outcome } from "./judge.ts";
export * from "./load.ts";
export { type AttackTally, type BenignTally, type SetFigures, topFamily } from "./score.ts";
