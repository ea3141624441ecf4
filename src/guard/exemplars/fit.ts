import { clears } from "./match.ts";
import type { ExemplarFamily, ExemplarThresholds, FamilyMatch, FamilyThresholds } from "./types.ts";

/**
 * Fitting the exemplar thresholds on the dev split of the guard suites. Each dev string is a
 * sample: an attack (of a reported family) or a benign question, the families whose exemplar
 * rule would judge it (off-topic only judges questions the material did not answer), and its
 * nearest exemplars. The rule is fitted as a classifier of its own, on every dev string, not
 * only on what the patterns miss: the patterns were widened on the same dev strings, so what
 * they miss there says little about what they will miss on fresh wording. For each family the
 * fit picks the thresholds that stop the most attacks of the family while firing on at most
 * `maxFalsePositives` benign questions, and places them in the middle of the widest run of
 * equally good margins, so a near miss on either side does not flip a decision.
 */
export interface FitSample {
  text: string;
  label: "attack" | "benign";
  /** Reported family of an attack ("injection"); absent for benign questions. */
  family?: string;
  /** Families whose exemplar rule would judge this string. */
  eligible: ReadonlySet<ExemplarFamily>;
  matches: readonly FamilyMatch[];
}

export interface FamilyFit {
  thresholds: FamilyThresholds;
  /** Eligible dev attacks the thresholds stop, and eligible dev attacks in all. */
  caught: number;
  eligibleAttacks: number;
  /** Dev benign questions the thresholds fire on. */
  falsePositives: number;
}

export interface FitOptions {
  maxFalsePositives: number;
  /**
   * How far below the chosen thresholds a benign question still counts against them: the fitted
   * margin keeps at least this much room above every dev benign question it must not refuse.
   */
  safetyGap: number;
  similarityGrid: readonly number[];
  marginGrid: readonly number[];
}

const range = (from: number, to: number, step: number) =>
  Array.from(
    { length: Math.round((to - from) / step) + 1 },
    (_, i) => Math.round((from + i * step) * 1000) / 1000,
  );

export const defaultFitOptions: FitOptions = {
  maxFalsePositives: 0,
  safetyGap: 0,
  similarityGrid: range(0.3, 0.95, 0.01),
  marginGrid: range(0, 0.4, 0.005),
};

function fitFamily(
  family: ExemplarFamily,
  samples: readonly FitSample[],
  options: FitOptions,
): FamilyFit | undefined {
  const judged = samples
    .filter((s) => s.eligible.has(family))
    .map((s) => ({ sample: s, match: s.matches.find((m) => m.family === family) }))
    .filter((j): j is { sample: FitSample; match: FamilyMatch } => j.match !== undefined);
  // A family's thresholds are judged by the attacks of that family; others neither count for nor against.
  const attacks = judged.filter((j) => j.sample.label === "attack" && j.sample.family === family);
  const benign = judged.filter((j) => j.sample.label === "benign");
  let best: { caught: number; width: number; fit: FamilyFit } | undefined;
  for (const minSimilarity of options.similarityGrid) {
    // The run of margins, at this similarity, that reach the best count allowed.
    let runStart: number | undefined;
    let runCaught = -1;
    let runFp = 0;
    const closeRun = (end: number) => {
      if (runStart === undefined) return;
      const width = end - runStart;
      if (!best || runCaught > best.caught || (runCaught === best.caught && width > best.width)) {
        const thresholds = { minSimilarity, minMargin: Math.round(((runStart + end) / 2) * 1000) / 1000 };
        best = {
          caught: runCaught,
          width,
          fit: { thresholds, caught: runCaught, eligibleAttacks: attacks.length, falsePositives: runFp },
        };
      }
      runStart = undefined;
    };
    for (const minMargin of options.marginGrid) {
      const t = { minSimilarity, minMargin };
      const loose = {
        minSimilarity: minSimilarity - options.safetyGap,
        minMargin: minMargin - options.safetyGap,
      };
      const fp = benign.filter((j) => clears(j.match, loose)).length;
      const caught = fp > options.maxFalsePositives ? -1 : attacks.filter((j) => clears(j.match, t)).length;
      if (caught > 0 && caught === runCaught) continue;
      closeRun(minMargin);
      if (caught > 0) {
        runStart = minMargin;
        runCaught = caught;
        runFp = fp;
      } else runCaught = -1;
    }
    closeRun(options.marginGrid.at(-1) ?? 0);
  }
  return best?.fit;
}

/** Thresholds per family; a family with no attack its rule could stop gets none (it abstains). */
export function fitThresholds(
  samples: readonly FitSample[],
  families: readonly ExemplarFamily[],
  options: FitOptions = defaultFitOptions,
): { thresholds: ExemplarThresholds; fits: Partial<Record<ExemplarFamily, FamilyFit>> } {
  const thresholds: ExemplarThresholds = {};
  const fits: Partial<Record<ExemplarFamily, FamilyFit>> = {};
  for (const family of families) {
    const fit = fitFamily(family, samples, options);
    if (!fit) continue;
    thresholds[family] = fit.thresholds;
    fits[family] = fit;
  }
  return { thresholds, fits };
}

/** How thresholds fitted on one half of the samples do on the other half. */
export interface HeldOut {
  attacks: number;
  caught: number;
  benign: number;
  falsePositives: number;
}

/**
 * Two-fold cross-validation within dev: fits on each half and counts, on the other half, the
 * attacks of each family stopped and the benign questions refused. Used to choose the safety gap
 * without looking at the test split.
 */
export function crossValidate(
  samples: readonly FitSample[],
  families: readonly ExemplarFamily[],
  options: FitOptions,
  foldOf: (sample: FitSample, index: number) => 0 | 1,
): HeldOut {
  const out: HeldOut = { attacks: 0, caught: 0, benign: 0, falsePositives: 0 };
  for (const fold of [0, 1] as const) {
    const train = samples.filter((s, i) => foldOf(s, i) !== fold);
    const held = samples.filter((s, i) => foldOf(s, i) === fold);
    const { thresholds } = fitThresholds(train, families, options);
    for (const sample of held) {
      const fired = families.some((family) => {
        const match = sample.matches.find((m) => m.family === family);
        return match !== undefined && sample.eligible.has(family) && clears(match, thresholds[family]);
      });
      if (sample.label === "benign") {
        out.benign++;
        if (fired) out.falsePositives++;
      } else {
        out.attacks++;
        const own = sample.matches.find((m) => m.family === sample.family);
        const family = sample.family as ExemplarFamily;
        if (own && sample.eligible.has(family) && clears(own, thresholds[family])) out.caught++;
      }
    }
  }
  return out;
}
