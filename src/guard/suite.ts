import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { isConfident, queryCoverage } from "../answer/confidence.ts";
import { packageRoot } from "../core/paths.ts";
import type { HybridSearcher } from "../retrieve/search.ts";
import { type GuardFileConfig, loadGuardConfig } from "./config.ts";
import { createGuardEngine } from "./create-engine.ts";
import type { GuardEngine } from "./engine.ts";
import { cleanText } from "./normalize/index.ts";

/**
 * The guard suites: attack strings that must be blocked or neutralised, and benign course
 * questions (many of them risky-looking) that must not be refused. Figures are computed by
 * running the real rules over the strings in evals/guard/*.jsonl.
 *
 * Without a searcher only the input rules run and off-topic attacks are skipped (they need
 * retrieval). With one, every string also goes through retrieval and the retrieval-stage rules,
 * exactly as the pipeline runs them, without storing anything.
 */

const attackSchema = z.object({
  family: z.string().min(1),
  text: z.string().min(1),
  /** PII entries: the values that must be gone from the redacted text. */
  pii: z.array(z.string().min(1)).optional(),
});
const benignSchema = z.object({ category: z.string().min(1), text: z.string().min(1) });

export type AttackCase = z.infer<typeof attackSchema>;
export type BenignCase = z.infer<typeof benignSchema>;

export interface SuiteRate {
  total: number;
  blocked: number;
  rate: number;
}

export interface GuardSuiteReport {
  /** "input": input rules only (off-topic attacks skipped); "retrieval": input and retrieval rules. */
  mode: "input" | "retrieval";
  attacks: SuiteRate & { skipped: number };
  benign: { total: number; refused: number; rate: number; offTopic: number };
  byFamily: Record<string, SuiteRate>;
  benignByCategory: Record<string, { total: number; refused: number; rate: number }>;
  /** Attacks that got through, and benign questions that were refused (for reading, not for logs). */
  missed: { family: string; text: string }[];
  falseRefusals: { category: string; text: string; rule: string }[];
}

export interface GuardSuiteOptions {
  /** Runs the retrieval-stage rules too (off-topic); without it they are skipped. */
  searcher?: HybridSearcher;
  course?: string;
  /** The engine to test; defaults to one built from `config` (default: the shipped config file). */
  guard?: GuardEngine;
  config?: GuardFileConfig;
  suitesDir?: string;
  /** Run these entries instead of the files (a sample, or strings under test). */
  suites?: { attacks: AttackCase[]; benign: BenignCase[] };
}

export const defaultSuitesDir = path.join(packageRoot, "evals", "guard");

async function readJsonl<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(file, "utf8");
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? "invalid entry"}`);
      return parsed.data;
    });
}

export async function loadSuites(
  dir = defaultSuitesDir,
): Promise<{ attacks: AttackCase[]; benign: BenignCase[] }> {
  const [attacks, benign] = await Promise.all([
    readJsonl(path.join(dir, "attacks.jsonl"), attackSchema),
    readJsonl(path.join(dir, "benign.jsonl"), benignSchema),
  ]);
  return { attacks, benign };
}

type Judgement = { outcome: "refused" | "off_topic" | "passed"; rule?: string; text: string };
type Judge = (text: string) => Promise<Judgement>;

const ratio = (part: number, total: number) =>
  total === 0 ? 0 : Math.round((part / total) * 10_000) / 10_000;

/** How the guard treats one string: refused at input, sent off topic after retrieval, or passed. */
function createJudge(guard: GuardEngine, course: string, searcher: HybridSearcher | undefined): Judge {
  return async (text) => {
    const input = guard.checkInput(text, { course });
    if (input.refusal) return { outcome: "refused", rule: input.refusal.rule, text: input.text };
    if (!searcher) return { outcome: "passed", text: input.text };
    const retrieval = await searcher.search({ course, query: input.text, k: 6 });
    const bm25 = retrieval.snapshot.bm25;
    const coverage = queryCoverage(input.text, retrieval.results, (term) => bm25.idf(term) ?? bm25.maxIdf);
    const confident =
      retrieval.results.length > 0 &&
      isConfident({ coverage, topVectorSimilarity: retrieval.topVectorSimilarity });
    const check = await guard.checkRetrieval(input.text, {
      course,
      retrieval: {
        confident,
        coverage,
        topVectorSimilarity: retrieval.topVectorSimilarity,
        queryEmbedding: retrieval.queryEmbedding,
        termIdf: (term) => bm25.idf(term),
        unseenIdf: bm25.maxIdf,
        embeddingModel: retrieval.snapshot.embeddingModel,
        courseVersion: retrieval.snapshot.version,
      },
    });
    if (check.refusal) return { outcome: "off_topic", rule: check.refusal.rule, text: input.text };
    // A question the material cannot answer is declined by the pipeline (no_answer), not answered.
    return { outcome: confident ? "passed" : "off_topic", text: input.text };
  };
}

/** Whether the guard stopped an attack: PII gone, off-topic not answered, anything else refused. */
function blocks(attack: AttackCase, result: Judgement): boolean {
  // PII is compared on the cleaned text: a value split by invisible characters is still there.
  if (attack.family === "pii")
    return (attack.pii ?? []).every((value) => !cleanText(result.text).includes(value));
  if (attack.family === "off_topic") return result.outcome !== "passed";
  return result.outcome === "refused";
}

async function scoreAttacks(attacks: readonly AttackCase[], judge: Judge, withRetrieval: boolean) {
  const byFamily: Record<string, SuiteRate> = {};
  const missed: GuardSuiteReport["missed"] = [];
  let skipped = 0;
  for (const attack of attacks) {
    if (attack.family === "off_topic" && !withRetrieval) {
      skipped++;
      continue;
    }
    const result = await judge(attack.text);
    const family = byFamily[attack.family] ?? { total: 0, blocked: 0, rate: 0 };
    byFamily[attack.family] = family;
    family.total++;
    if (blocks(attack, result)) family.blocked++;
    else missed.push({ family: attack.family, text: attack.text });
  }
  for (const family of Object.values(byFamily)) family.rate = ratio(family.blocked, family.total);
  const total = Object.values(byFamily).reduce((sum, f) => sum + f.total, 0);
  const blocked = Object.values(byFamily).reduce((sum, f) => sum + f.blocked, 0);
  return { attacks: { total, blocked, rate: ratio(blocked, total), skipped }, byFamily, missed };
}

async function scoreBenign(benign: readonly BenignCase[], judge: Judge) {
  const benignByCategory: GuardSuiteReport["benignByCategory"] = {};
  const falseRefusals: GuardSuiteReport["falseRefusals"] = [];
  let offTopic = 0;
  for (const question of benign) {
    const result = await judge(question.text);
    const category = benignByCategory[question.category] ?? { total: 0, refused: 0, rate: 0 };
    benignByCategory[question.category] = category;
    category.total++;
    if (result.outcome === "refused") {
      category.refused++;
      falseRefusals.push({ category: question.category, text: question.text, rule: result.rule ?? "" });
    }
    if (result.outcome === "off_topic" && result.rule) offTopic++;
  }
  for (const category of Object.values(benignByCategory))
    category.rate = ratio(category.refused, category.total);
  const refused = falseRefusals.length;
  return {
    benign: { total: benign.length, refused, rate: ratio(refused, benign.length), offTopic },
    benignByCategory,
    falseRefusals,
  };
}

export async function runGuardSuites(options: GuardSuiteOptions = {}): Promise<GuardSuiteReport> {
  const course = options.course ?? "aie101";
  const guard = options.guard ?? createGuardEngine({ config: options.config ?? loadGuardConfig(undefined) });
  const { attacks, benign } = options.suites ?? (await loadSuites(options.suitesDir));
  const judge = createJudge(guard, course, options.searcher);
  const attackScores = await scoreAttacks(attacks, judge, options.searcher !== undefined);
  const benignScores = await scoreBenign(benign, judge);
  return {
    mode: options.searcher ? "retrieval" : "input",
    attacks: attackScores.attacks,
    benign: benignScores.benign,
    byFamily: attackScores.byFamily,
    benignByCategory: benignScores.benignByCategory,
    missed: attackScores.missed,
    falseRefusals: benignScores.falseRefusals,
  };
}

/** The figures the eval report shows for the guard suites. */
export interface GuardSuiteFigures {
  attack_block_rate: number;
  benign_refusal_rate: number;
  attacks: number;
  benign: number;
  mode: GuardSuiteReport["mode"];
}

/** Attack block rate and benign refusal rate of the suites, run against the course's retrieval. */
export async function runGuardSuiteFigures(
  searcher: HybridSearcher,
  course: string,
): Promise<GuardSuiteFigures> {
  const report = await runGuardSuites({ searcher, course });
  return {
    attack_block_rate: report.attacks.rate,
    benign_refusal_rate: report.benign.rate,
    attacks: report.attacks.total,
    benign: report.benign.total,
    mode: report.mode,
  };
}
