/**
 * The eval harness: golden datasets, retrieval and answer metrics, judges, reports and the
 * threshold gate, run from the CLI (`tutor eval`) or over HTTP (`/admin/evals`).
 */
export { ConfigNameError, DEFAULT_CONFIG_NAMES, type EvalConfig, parseConfigList } from "./configs.ts";
export * from "./course-check.ts";
export {
  CATEGORIES,
  type Category,
  type DatasetProblem,
  DECLINE_CATEGORIES,
  describeProblems,
  type EvalCase,
  parseCaseArray,
  parseJsonl,
  type Split,
} from "./dataset.ts";
export { createEvalTutor, type Evaluation, evaluate } from "./evaluate.ts";
export { checkThresholds, describeRegressions, loadThresholds, type Thresholds } from "./gate.ts";
export { EvalJobs } from "./jobs.ts";
export type { AnswerJudge, AnswerJudgement } from "./judge.ts";
export { type EvalReport, METRIC_NAMES } from "./report.ts";
export { writeReports } from "./report-files.ts";
export { reportToHtml } from "./report-html.ts";
export { reportToMarkdown } from "./report-md.ts";
export { type CaseResult, runCases } from "./runner.ts";
