import type { Config } from "../app/config.ts";
import { createTutor, type Tutor } from "../app/tutor.ts";
import type { Db } from "../db/db.ts";
import { type CourseEmbeddings, createEmbeddings } from "../embed/index.ts";
import { createReranker } from "../retrieve/index.ts";
import type { EvalConfig } from "./configs.ts";
import { checkDatasetAgainstCourse, loadCourseChunks } from "./course-check.ts";
import { type EvalCase, type Split, selectSplit } from "./dataset.ts";
import type { AnswerJudge } from "./judge.ts";
import { createLlmJudge } from "./llm-judge.ts";
import { OfflineJudge } from "./offline-judge.ts";
import { createReport, type EvalReport } from "./report.ts";
import { type CaseResult, runCases } from "./runner.ts";

/**
 * A tutor wired for evaluation: exactly what `createTutor` builds from the settings, with the
 * reranker always the one `createReranker(config, {embeddings})` gives, so `hybrid+rerank`
 * measures the configured reranker whatever the surface wiring does.
 */
export async function createEvalTutor(
  config: Config,
  overrides: { db?: Db; embeddings?: CourseEmbeddings } = {},
): Promise<Tutor> {
  const embeddings = overrides.embeddings ?? (await createEmbeddings(config));
  try {
    const reranker = await createReranker(config, { embeddings });
    return await createTutor(config, { ...overrides, embeddings, reranker });
  } catch (error) {
    if (!overrides.embeddings) await embeddings.close();
    throw error;
  }
}

/** The LLM judge when an LLM is configured (LLM_PROVIDER), else the offline approximation. */
export function selectJudge(config: Config, embeddings: CourseEmbeddings): AnswerJudge {
  if (config.llm.provider !== "none") return createLlmJudge(config, { embedder: embeddings });
  return new OfflineJudge(embeddings);
}

export interface EvaluateOptions {
  course: string;
  /** Shown in the report: the dataset's file name or upload label. */
  datasetName: string;
  cases: readonly EvalCase[];
  configs: readonly EvalConfig[];
  split?: Split | "all";
  judge?: AnswerJudge;
  /** Configurations whose answers are judged (default: all); judging is the slow part. */
  judgeConfigs?: readonly string[];
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface Evaluation {
  report: EvalReport;
  results: CaseResult[];
}

/** Runs a dataset against a course through the tutor's pipeline and builds the report. */
export async function evaluate(
  tutor: Pick<Tutor, "config" | "db" | "embeddings" | "pipeline" | "searcher">,
  options: EvaluateOptions,
): Promise<Evaluation> {
  const split = options.split ?? "all";
  // Fails with UnknownCourseError before any case runs.
  await tutor.searcher.snapshot(options.course);
  const cases = selectSplit(options.cases, split);
  const chunks = await loadCourseChunks(tutor.db, options.course);
  const warnings = checkDatasetAgainstCourse(cases, chunks);
  if (cases.length === 0) warnings.push(`the dataset has no ${split} cases`);
  const judge = options.judge ?? selectJudge(tutor.config, tutor.embeddings);
  const results = await runCases(
    { pipeline: tutor.pipeline, judge, courseChunks: chunks },
    {
      course: options.course,
      cases,
      configs: options.configs,
      judgeConfigs: options.judgeConfigs,
      onProgress: options.onProgress,
      signal: options.signal,
    },
  );
  const report = createReport({
    dataset: options.datasetName,
    course: options.course,
    split,
    configs: options.configs.map((c) => c.name),
    results,
    reranker: tutor.searcher.reranker.name,
    judge: judge.name,
    warnings,
  });
  return { report, results };
}
