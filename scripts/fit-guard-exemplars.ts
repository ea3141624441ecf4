/**
 * Fits the semantic exemplar rule's thresholds on the DEV split of the guard suites and writes
 * them to config/guard-exemplars/thresholds.json under the embedding model's id. The test split
 * is dropped before anything is embedded: it stays for reporting.
 *
 *   npx tsx scripts/fit-guard-exemplars.ts [--course aie101] [--corpus DIR] [--dump FILE.tar.gz]
 *       [--max-false-positives 0] [--dry-run]
 *
 * Every dev string is embedded as the guard embeds it (its search text, without register words)
 * and compared with the exemplars; each also goes through retrieval, as the exemplar rule for
 * off-topic only acts on a question the material did not answer. The rule is fitted as a
 * classifier of its own (see guard/exemplars/fit.ts): per family, the thresholds that stop the
 * most dev attacks of the family while refusing at most --max-false-positives dev benign questions.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { packageRoot } from "../src/core/paths.ts";
import {
  crossValidate,
  defaultFitOptions,
  type FitSample,
  fitThresholds,
} from "../src/guard/exemplars/fit.ts";
import {
  defaultExemplarDir,
  EXEMPLAR_FAMILIES,
  type ExemplarFamily,
  loadExemplarLibrary,
} from "../src/guard/exemplars/index.ts";
import { ExemplarVectors } from "../src/guard/exemplars/vectors.ts";
import { createGuardEngine } from "../src/guard/index.ts";
import { createJudge, loadSuites, selectSplit, topFamily } from "../src/guard/suite/index.ts";
import { withoutRegister } from "../src/text/register.ts";
import { courseArgs, openGuardCourse } from "./guard-course.ts";

const log = (line: string) => process.stdout.write(`${line}\n`);
const GAPS = [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1];
const INPUT_FAMILIES = new Set<ExemplarFamily>(["injection", "academic_integrity", "abuse", "privacy"]);

async function readCache(file: string | undefined): Promise<FitSample[]> {
  if (!file) return [];
  try {
    const raw = JSON.parse(await readFile(file, "utf8")) as (Omit<FitSample, "eligible"> & {
      eligible: ExemplarFamily[];
    })[];
    return raw.map((s) => ({ ...s, eligible: new Set(s.eligible) }));
  } catch {
    return [];
  }
}

async function writeCache(file: string, samples: readonly FitSample[]): Promise<void> {
  await writeFile(file, JSON.stringify(samples.map((s) => ({ ...s, eligible: [...s.eligible] }))));
}

async function main() {
  const { values } = parseArgs({
    options: {
      ...courseArgs,
      "max-false-positives": { type: "string", default: "0" },
      "max-held-out-fp": { type: "string", default: "0.002" },
      // Keeps the embedded dev samples between runs (they change only with the suites and exemplars).
      cache: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  // DEV ONLY. Nothing below this line sees a test string.
  const dev = selectSplit(await loadSuites(), "dev");
  log(`Fitting on the dev split: ${dev.attacks.length} attacks, ${dev.benign.length} benign questions.`);
  const course = await openGuardCourse(values);
  try {
    const library = loadExemplarLibrary();
    const embedder = course.embeddings;
    const index = await new ExemplarVectors().index(embedder, library.exemplars);
    // Retrieval's verdict alone (no refusing input rules): whether the material answers the string.
    const off = { enabled: false };
    const retrievalOnly = createGuardEngine({
      config: {
        version: 1,
        defaults: {
          rules: {
            "input.injection": off,
            "input.abuse": off,
            "input.privacy": off,
            "input.academic_integrity": off,
            "input.wellbeing": off,
          },
        },
        courses: {},
      },
      exemplars: false,
    });
    const judge = createJudge({
      guard: retrievalOnly,
      course: values.course,
      searcher: course.searcher,
      rewriter: course.rewriter,
      confidence: course.confidence,
    });
    const samples: FitSample[] = await readCache(values.cache);
    const entries = [
      // Personal details in a message are redacted, not refused: those strings are neither attack nor benign here.
      ...dev.attacks
        .filter((a) => a.family !== "pii")
        .map((a) => ({ label: "attack" as const, family: topFamily(a.family), text: a.text })),
      ...dev.benign.map((b) => ({ label: "benign" as const, text: b.text })),
    ];
    for (const entry of samples.length > 0 ? [] : entries) {
      const input = retrievalOnly.checkInput(entry.text, { course: values.course });
      const vector = await embedder.embedQuery(withoutRegister(input.searchText ?? input.text));
      const eligible = new Set(INPUT_FAMILIES);
      if ((await judge(entry.text)).outcome !== "answered") eligible.add("off_topic");
      samples.push({ ...entry, eligible, matches: index.match(vector) });
    }
    if (values.cache) await writeCache(values.cache, samples);
    const maxFalsePositives = Number(values["max-false-positives"]);
    // The safety gap, chosen by two-fold cross-validation within dev: the smallest gap whose
    // thresholds refuse at most --max-held-out-fp of the held-out benign questions.
    const foldOf = (sample: FitSample) =>
      ((createHash("sha256").update(sample.text).digest()[1] as number) % 2) as 0 | 1;
    const target = Number(values["max-held-out-fp"]);
    let safetyGap = GAPS.at(-1) as number;
    for (const gap of GAPS) {
      const held = crossValidate(
        samples,
        EXEMPLAR_FAMILIES,
        { ...defaultFitOptions, maxFalsePositives, safetyGap: gap },
        foldOf,
      );
      log(
        `  gap ${gap.toFixed(3)}: held-out dev attacks stopped ${held.caught}/${held.attacks}, ` +
          `benign refused ${held.falsePositives}/${held.benign}`,
      );
      if (held.falsePositives / held.benign <= target) {
        safetyGap = gap;
        break;
      }
    }
    log(`Safety gap ${safetyGap}.`);
    const { thresholds, fits } = fitThresholds(samples, EXEMPLAR_FAMILIES, {
      ...defaultFitOptions,
      maxFalsePositives,
      safetyGap,
    });
    for (const family of EXEMPLAR_FAMILIES) {
      const fit = fits[family];
      log(
        fit
          ? `  ${family}: similarity ≥ ${fit.thresholds.minSimilarity}, margin ≥ ${fit.thresholds.minMargin} — ` +
              `stops ${fit.caught} of ${fit.eligibleAttacks} dev attacks of the family on its own, ` +
              `${fit.falsePositives} dev benign refused`
          : `  ${family}: no thresholds (nothing to stop)`,
      );
    }
    if (values["dry-run"]) return log("Dry run: thresholds not written.");
    const file = path.join(defaultExemplarDir, "thresholds.json");
    const existing = JSON.parse(await readFile(file, "utf8").catch(() => '{"version":1,"models":{}}'));
    existing.models[embedder.modelId] = {
      fitted: {
        date: new Date().toISOString().slice(0, 10),
        split: "dev",
        devAttacks: dev.attacks.length,
        devBenign: dev.benign.length,
        maxFalsePositives,
        safetyGap,
        exemplars: library.exemplars.length,
      },
      families: thresholds,
    };
    await writeFile(file, `${JSON.stringify(existing, null, 2)}\n`);
    log(`Written to ${path.relative(packageRoot, file)} for ${embedder.modelId}.`);
  } finally {
    await course.close();
  }
}

await main();
