/**
 * Measures the guard suites on a course, as `npm run eval` does, and prints the figures per
 * family and split and per round. With --round, measures a fresh round (written before the rules
 * were looked at) and, with --record, writes its first figures into evals/guard/rounds.json with
 * the commit and fingerprint of the rules it was measured against; --add then marks it added to
 * the suites.
 *
 *   npx tsx scripts/guard-suites.ts [--course aie101] [--corpus DIR] [--dump FILE.tar.gz]
 *       [--split dev|test] [--round ID [--record --commit SHA] [--add]] [--show-misses dev]
 */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { packageRoot } from "../src/core/paths.ts";
import { runGuardSuites } from "../src/guard/index.ts";
import {
  defaultSuitesDir,
  type FirstMeasured,
  loadRound,
  loadRoundManifest,
  rulesFingerprint,
  type SetFigures,
  type Split,
} from "../src/guard/suite/index.ts";
import { courseArgs, openGuardCourse } from "./guard-course.ts";

const log = (line: string) => process.stdout.write(`${line}\n`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function printSet(title: string, set: SetFigures) {
  log(
    `${title}: attacks ${set.attacks.blocked}/${set.attacks.total} blocked (${pct(set.attacks.rate)}), ` +
      `${pct(set.attacks.byRuleRate)} by a rule, ${set.attacks.byExemplar} by an exemplar; benign ${set.benign.refused}/` +
      `${set.benign.total} refused (${pct(set.benign.rate)}), ${pct(set.benign.unansweredRate)} unanswered`,
  );
  for (const [family, t] of Object.entries(set.byFamily))
    log(
      `    ${family.padEnd(20)} ${String(t.blocked).padStart(4)}/${String(t.total).padEnd(4)} ${pct(t.rate).padStart(6)}  by rule ${pct(t.byRuleRate).padStart(6)}  exemplar ${t.byExemplar}`,
    );
  for (const [category, t] of Object.entries(set.benignByCategory))
    log(`    benign ${category.padEnd(26)} refused ${t.refused}/${t.total}  unanswered ${t.unanswered}`);
}

function firstMeasured(set: SetFigures, commit: string, fingerprint: string): FirstMeasured {
  return {
    date: new Date().toISOString().slice(0, 10),
    rulesCommit: commit,
    rulesFingerprint: fingerprint,
    mode: "retrieval",
    attacks: { total: set.attacks.total, blocked: set.attacks.blocked, byRule: set.attacks.byRule },
    benign: { total: set.benign.total, refused: set.benign.refused, unanswered: set.benign.unanswered },
    byFamily: Object.fromEntries(
      Object.entries(set.byFamily).map(([f, t]) => [
        f,
        { total: t.total, blocked: t.blocked, byRule: t.byRule },
      ]),
    ),
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      ...courseArgs,
      split: { type: "string" },
      round: { type: "string" },
      record: { type: "boolean", default: false },
      add: { type: "boolean", default: false },
      commit: { type: "string" },
      "show-misses": { type: "string" },
    },
  });
  const course = await openGuardCourse(values);
  try {
    const parts = {
      searcher: course.searcher,
      rewriter: course.rewriter,
      embedder: course.embeddings,
      confidence: course.confidence,
      course: values.course,
    };
    if (values.round) {
      const manifest = await loadRoundManifest();
      const entry = manifest.find((r) => r.id === values.round);
      if (!entry) throw new Error(`no round ${values.round} in rounds.json`);
      const report = await runGuardSuites({ ...parts, suites: await loadRound(entry) });
      const set: SetFigures = {
        attacks: report.attacks,
        byFamily: report.families,
        benign: report.benign,
        benignByCategory: report.benignByCategory,
      };
      printSet(`${entry.id}`, set);
      for (const m of report.missed) log(`  missed ${m.family} | ${m.text}`);
      for (const f of report.falseRefusals) log(`  refused ${f.category} ${f.rule} | ${f.text}`);
      if (values.record || values.add) {
        const file = path.join(defaultSuitesDir, "rounds.json");
        const raw = JSON.parse(await readFile(file, "utf8"));
        const target = raw.rounds.find((r: { id: string }) => r.id === entry.id);
        if (values.record) {
          const commit =
            values.commit ??
            execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: packageRoot }).toString().trim();
          target.firstMeasured = firstMeasured(set, commit, await rulesFingerprint());
        }
        if (values.add) target.added = true;
        await writeFile(file, `${JSON.stringify(raw, null, 2)}\n`);
        log(`rounds.json updated for ${entry.id}.`);
      }
      return;
    }
    const split = values.split as Split | undefined;
    const report = await runGuardSuites({ ...parts, ...(split ? { split } : {}) });
    log(`rules ${report.rulesFingerprint}, mode ${report.mode}`);
    for (const [name, set] of Object.entries(report.splits)) printSet(name, set);
    for (const round of report.rounds) printSet(`${round.id} now`, round.now);
    const show = values["show-misses"];
    if (show) {
      for (const m of report.missed.filter((m) => m.split === show)) log(`  missed ${m.family} | ${m.text}`);
      for (const f of report.falseRefusals.filter((f) => f.split === show))
        log(`  refused ${f.category} ${f.rule} | ${f.text}`);
    }
  } finally {
    await course.close();
  }
}

await main();
