import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { calibrationFor } from "../../answer/calibration/index.ts";
import type { LockInfo } from "../../db/data-lock.ts";
import { resolveModelDir } from "../../embed/models/index.ts";
import {
  type CaseResult,
  ConfigNameError,
  checkThresholds,
  createEvalTutor,
  describeProblems,
  describeRegressions,
  type EvalCase,
  type EvalConfig,
  type EvalReport,
  evaluate,
  loadThresholds,
  METRIC_NAMES,
  parseConfigList,
  parseJsonl,
  type Split,
  type Thresholds,
  writeReports,
} from "../../eval/index.ts";
import { runGuardSuiteFigures } from "../../guard/index.ts";
import { CourseQueryRewriter, lexiconsFromIndexes } from "../../retrieve/index.ts";
import { type Config, packageRoot } from "../config.ts";
import type { Tutor } from "../tutor.ts";
import { note, type Options, write } from "./options.ts";
import { createProgressBar } from "./progress.ts";
import { ensureDefaultCourse, runningServer, withTutor } from "./tutor-access.ts";

/** `tutor eval [--dataset FILE] [--course ID] [--configs a,b] [--out DIR] [--split S] [--thresholds FILE]` */
export interface EvalCommandOptions {
  dataset?: string;
  course?: string;
  configs?: string;
  out?: string;
  split?: string;
  thresholds?: string;
  /** An embedding model (preset name or folder) to evaluate instead of the configured one. */
  embedder?: string;
  /** `none`, `heuristic`, or a cross-encoder (preset name or folder). */
  reranker?: string;
}

export interface EvalCommandIo {
  write(text: string): void;
  note(text: string): void;
  /** Loads the bundled course when the default course is still empty (as `tutor ask` does). */
  ensureCourse?(tutor: Tutor, course: string): Promise<void>;
}

/** A problem with the command line or its files: exit code 2 with this message. */
export class EvalUsageError extends Error {
  override name = "EvalUsageError";
}

export const bundledDataset = path.join(packageRoot, "evals", "aie101.jsonl");
export const bundledThresholds = path.join(packageRoot, "evals", "thresholds.json");

/**
 * The settings with the models the command line names. An embedder other than the configured one
 * gets its own embedded database beside the usual one, so evaluating a model never re-embeds the
 * course students are using (with server Postgres the course is re-embedded in place).
 */
export function withEvalModels(
  config: Config,
  options: Pick<EvalCommandOptions, "embedder" | "reranker">,
): Config {
  if (!options.embedder && !options.reranker) return config;
  const modelsDir = config.modelsDir ?? path.resolve("models");
  let next: Config = { ...config };
  if (options.embedder) {
    const dir = resolveModelDir(options.embedder, modelsDir);
    next = {
      ...next,
      embedder: "transformers",
      embeddingModelDir: dir,
      dataDir: path.join(config.dataDir, `eval-${path.basename(dir)}`),
    };
  }
  if (options.reranker === "none" || options.reranker === "heuristic") {
    next = { ...next, reranker: options.reranker };
  } else if (options.reranker) {
    next = {
      ...next,
      reranker: "cross-encoder",
      rerankerModelDir: resolveModelDir(options.reranker, modelsDir),
    };
  }
  return next;
}

/** "embedder X, reranker Y", for the run's header. */
function chosenModels(config: Config): string {
  const embedder = config.embedder === "transformers" ? path.basename(config.embeddingModelDir ?? "") : "use";
  const reranker =
    config.reranker === "cross-encoder"
      ? `cross-encoder ${path.basename(config.rerankerModelDir ?? "")}`
      : config.reranker;
  return `embedder ${embedder}, reranker ${reranker}`;
}

const HEADERS: Record<(typeof METRIC_NAMES)[number], string> = {
  hit5: "hit@5",
  recall5: "rec@5",
  mrr10: "MRR@10",
  ndcg10: "nDCG@10",
  faithfulness: "faith",
  answer_relevancy: "relev",
  context_precision: "ctxP",
  context_recall: "ctxR",
  answer_correctness: "correct",
  expected_phrase: "phrase",
  answered: "answrd",
  refusal_f1: "refF1",
  p50_ms: "p50ms",
  p95_ms: "p95ms",
};

/** `tutor eval`: the exit code; a bad dataset or option says what is wrong without the usage text. */
export async function evalCommand(config: Config, options: Options): Promise<number> {
  try {
    return await runEvalCommand(config, options, { write, note, ensureCourse: ensureDefaultCourse });
  } catch (error) {
    if (!(error instanceof EvalUsageError)) throw error;
    note(`tutor eval: ${error.message}`);
    return 2;
  }
}

/** Runs the eval and writes the reports; returns the exit code (1 on a gate regression). */
export async function runEvalCommand(
  config: Config,
  options: EvalCommandOptions,
  io: EvalCommandIo,
): Promise<number> {
  const datasetFile = options.dataset ? path.resolve(options.dataset) : bundledDataset;
  const course = options.course ?? config.defaultCourse;
  const outDir = path.resolve(options.out ?? path.join("evals", "reports"));
  const split = parseSplit(options.split);
  const configs = parseConfigsOption(options.configs);
  const cases = await readDataset(datasetFile);
  const datasetName = path.basename(datasetFile);
  const gate = await chooseThresholds(options.thresholds, datasetName, course);

  const otherModels = Boolean(options.embedder || options.reranker);
  if (otherModels) {
    config = withEvalModels(config, options);
    io.note(`Models: ${chosenModels(config)}${config.databaseUrl ? "" : ` (data in ${config.dataDir})`}`);
  }
  // A running server answers with its own models; an eval of other models runs here.
  const server = otherModels ? undefined : await runningServer(config);
  let report: EvalReport;
  let html: string | undefined;
  let results: CaseResult[] = [];
  if (server) {
    io.note(`A tutor server (pid ${server.pid}) holds the data folder; running the eval there…`);
    ({ report, html } = await evalOnServer(server, { datasetFile, course, configs, split }));
  } else {
    ({ report, results } = await evalLocally(config, io, {
      datasetFile,
      datasetName,
      cases,
      course,
      configs,
      split,
    }));
  }

  if (gate)
    report.gate = checkThresholds(
      report,
      gate.thresholds,
      path.relative(process.cwd(), gate.file) || gate.file,
    );
  const files = await writeReports(outDir, report, results);
  if (html) {
    // The server rendered the page with its per-case details; keep it rather than a thinner copy.
    await writeFile(files.html, html);
  }

  printEvalSummary(io, report);
  io.write(`Reports: ${files.json}, ${files.markdown}, ${files.html}`);
  if (report.gate && !report.gate.passed) {
    io.note(`Regression against ${report.gate.thresholds} (${report.gate.split} split):`);
    for (const line of describeRegressions(report.gate)) io.note(`  ${line}`);
    return 1;
  }
  return 0;
}

function parseSplit(raw: string | undefined): Split | "all" {
  if (raw === undefined) return "all";
  if (raw === "dev" || raw === "test" || raw === "all") return raw;
  throw new EvalUsageError(`--split must be dev, test or all (got "${raw}")`);
}

function parseConfigsOption(raw: string | undefined): EvalConfig[] {
  try {
    return parseConfigList(raw);
  } catch (error) {
    if (error instanceof ConfigNameError) throw new EvalUsageError(`--configs: ${error.message}`);
    throw error;
  }
}

async function readDataset(file: string): Promise<EvalCase[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new EvalUsageError(`cannot read the dataset ${file}`);
  }
  const parsed = parseJsonl(text);
  if (!parsed.ok) {
    throw new EvalUsageError(
      `the dataset ${file} has ${parsed.problems.length} bad line(s):\n${describeProblems(parsed.problems)}`,
    );
  }
  return parsed.cases;
}

/**
 * The thresholds to gate on: the file given with --thresholds, else evals/thresholds.json when
 * it was measured on this dataset and course (the bundled golden set), else no gate.
 */
async function chooseThresholds(
  explicit: string | undefined,
  datasetName: string,
  course: string,
): Promise<{ file: string; thresholds: Thresholds } | undefined> {
  if (explicit)
    return { file: path.resolve(explicit), thresholds: await loadThresholds(path.resolve(explicit)) };
  if (!existsSync(bundledThresholds)) return undefined;
  const thresholds = await loadThresholds(bundledThresholds);
  if (thresholds.dataset !== datasetName || thresholds.course !== course) return undefined;
  return { file: bundledThresholds, thresholds };
}

async function evalLocally(
  config: Config,
  io: EvalCommandIo,
  run: {
    datasetFile: string;
    datasetName: string;
    cases: EvalCase[];
    course: string;
    configs: EvalConfig[];
    split: Split | "all";
  },
): Promise<{ report: EvalReport; results: CaseResult[] }> {
  return withTutor(
    config,
    "eval",
    async (tutor) => {
      await io.ensureCourse?.(tutor, run.course);
      const bar = createProgressBar();
      const evaluation = await evaluate(tutor, {
        course: run.course,
        datasetName: run.datasetName,
        cases: run.cases,
        configs: run.configs,
        split: run.split,
        onProgress: (done, total) => bar.update("eval", done, total),
      });
      bar.finish();
      // The guardrail suites are written for the bundled course: run them with its golden set.
      if (path.resolve(run.datasetFile) === bundledDataset) {
        evaluation.report.guard = await runGuardSuiteFigures({
          searcher: tutor.searcher,
          course: run.course,
          guard: tutor.guard,
          rewriter: new CourseQueryRewriter(lexiconsFromIndexes(tutor.indexes)),
          confidence: (await calibrationFor(tutor.embeddings.modelId)).confidence,
        });
      }
      return evaluation;
    },
    createEvalTutor,
  );
}

async function evalOnServer(
  server: LockInfo,
  run: { datasetFile: string; course: string; configs: EvalConfig[]; split: Split | "all" },
): Promise<{ report: EvalReport; html: string }> {
  const base = `http://127.0.0.1:${server.port}`;
  const headers = { authorization: `Bearer ${server.token}` };
  const started = await fetch(`${base}/admin/evals`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({
      course: run.course,
      datasetPath: run.datasetFile,
      configs: run.configs.map((c) => c.name),
      split: run.split,
    }),
  });
  const startBody = (await started.json()) as { id?: string; error?: { message: string } };
  if (!started.ok || !startBody.id) {
    throw new Error(startBody.error?.message ?? `the server answered ${started.status}`);
  }
  const bar = createProgressBar();
  let dropped = 0;
  for (;;) {
    // The run goes on on the server whatever happens to one poll: retry a few dropped connections.
    const response = await fetch(`${base}/admin/evals/${startBody.id}`, { headers }).catch(
      (error: unknown) => {
        if (++dropped > 5) throw error;
        return undefined;
      },
    );
    if (!response) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      continue;
    }
    dropped = 0;
    const state = (await response.json()) as {
      status?: string;
      progress?: { done: number; total: number };
      error?: string | { message: string };
      report?: EvalReport;
    };
    if (!response.ok) throw new Error(`the server answered ${response.status} while the eval ran`);
    if (state.progress) bar.update("eval", state.progress.done, state.progress.total);
    if (state.status === "done" && state.report) {
      bar.finish();
      const page = await fetch(`${base}/admin/evals/${startBody.id}?format=html`, { headers });
      return { report: state.report, html: await page.text() };
    }
    if (state.status === "failed") {
      bar.finish();
      const message = typeof state.error === "string" ? state.error : state.error?.message;
      throw new Error(`the eval run failed on the server: ${message ?? "unknown error"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function printEvalSummary(io: EvalCommandIo, report: EvalReport): void {
  io.write(
    `Eval of ${report.dataset} on course "${report.course}": ${report.cases} cases` +
      `${report.split === "all" ? "" : ` (${report.split} split)`}, ` +
      `reranker ${report.reranker}, judge ${report.judge}.`,
  );
  const names = Object.keys(report.configs);
  const width = Math.max(14, ...names.map((n) => n.length + 2));
  const header = `${"".padEnd(width)}${METRIC_NAMES.map((m) => HEADERS[m].padStart(8)).join("")}`;
  const rows = (configs: EvalReport["configs"]) =>
    Object.entries(configs).map(
      ([name, m]) =>
        `${name.padEnd(width)}${METRIC_NAMES.map((metric) => {
          const v = m[metric];
          return (v === null ? "–" : metric.endsWith("_ms") ? v.toFixed(0) : v.toFixed(3)).padStart(8);
        }).join("")}`,
    );
  io.write(header);
  for (const row of rows(report.configs)) io.write(row);
  for (const [split, part] of Object.entries(report.splits ?? {})) {
    io.write(`${split} split (${part.cases} cases):`);
    for (const row of rows(part.configs)) io.write(row);
  }
  if (report.guard) {
    if (report.guard.attack_block_rate !== null) {
      io.write(
        `Guardrail suites: attack block rate ${report.guard.attack_block_rate.toFixed(3)} ` +
          `(${report.guard.attacks} attacks), ` +
          `benign refusal rate ${report.guard.benign_refusal_rate?.toFixed(3)} (${report.guard.benign} questions).`,
      );
    }
    for (const [split, set] of Object.entries(report.guard.splits ?? {})) {
      io.write(
        `  ${split} split: attacks blocked ${set.attack_block_rate.toFixed(3)} ` +
          `(by a rule ${set.attack_rule_rate.toFixed(3)}), ` +
          `benign refused ${set.benign_refusal_rate.toFixed(3)}, unanswered ${set.benign_unanswered_rate.toFixed(3)}.`,
      );
    }
    for (const round of report.guard.rounds ?? []) {
      const first = round.first
        ? `first measured against ${round.first.rules_commit}: blocked ${round.first.attack_block_rate.toFixed(3)}, `
        : "";
      io.write(`  ${round.id}: ${first}now blocked ${round.now.attack_block_rate.toFixed(3)}.`);
    }
    if (report.guard.note) io.write(`Guardrail suites: ${report.guard.note}.`);
  }
  for (const warning of report.warnings.slice(0, 10)) io.note(`warning: ${warning}`);
  if (report.warnings.length > 10) io.note(`… ${report.warnings.length - 10} more warnings in report.md`);
  if (report.gate?.passed) io.write(`Gate: passed (${report.gate.thresholds}, ${report.gate.split} split).`);
}
