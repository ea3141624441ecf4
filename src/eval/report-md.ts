import { CATEGORIES } from "./dataset.ts";
import { type ConfigMetrics, type EvalReport, METRIC_NAMES } from "./report.ts";
import { guardSummary, guardTables } from "./report-guard.ts";

/** report.md: the same figures as report.json, as tables a person reads in a terminal or a PR. */

const LABELS: Record<(typeof METRIC_NAMES)[number], string> = {
  hit5: "hit@5",
  recall5: "recall@5",
  mrr10: "MRR@10",
  ndcg10: "nDCG@10",
  faithfulness: "faithfulness",
  answer_relevancy: "answer relevancy",
  context_precision: "context precision",
  context_recall: "context recall",
  answer_correctness: "answer correctness",
  expected_phrase: "answer carries an expected phrase",
  answered: "answerable answered",
  refusal_f1: "refusal F1",
  p50_ms: "p50 ms",
  p95_ms: "p95 ms",
};

export function formatFigure(value: number | null | undefined, metric?: string): string {
  if (value === null || value === undefined) return "–";
  if (metric?.endsWith("_ms")) return value.toFixed(1);
  return value.toFixed(3);
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

function metricsTable(configs: Record<string, ConfigMetrics>): string[] {
  const names = Object.keys(configs);
  const lines = [`| metric | ${names.join(" | ")} |`, `| --- |${names.map(() => " ---: |").join("")}`];
  for (const metric of METRIC_NAMES) {
    lines.push(
      `| ${LABELS[metric]} | ${names.map((n) => formatFigure(configs[n]?.[metric], metric)).join(" | ")} |`,
    );
  }
  return lines;
}

/** report.md: the figures of one report as markdown tables, then its failures. */
export function reportToMarkdown(report: EvalReport, options: { maxFailures?: number } = {}): string {
  const out: string[] = [
    ...headerLines(report),
    ...gateLines(report),
    ...metricLines(report),
    ...categoryLines(report),
    ...guardLines(report),
    ...warningLines(report),
    ...failureLines(report, options.maxFailures ?? 40),
  ];
  return out.join("\n");
}

function headerLines(report: EvalReport): string[] {
  return [
    `# Eval report: ${report.dataset} on course "${report.course}"`,
    "",
    `${report.cases} cases (${report.split === "all" ? "all cases" : `${report.split} split`}), ` +
      `generated ${report.generated_at}. ` +
      `Reranker: ${report.reranker}. Answer judge: ${report.judge}. ` +
      `Ranking depth: hit and recall at ${report.depth.hit}, MRR and nDCG at ${report.depth.rank}.`,
    "",
  ];
}

function gateLines(report: EvalReport): string[] {
  if (!report.gate) return [];
  const out = [
    report.gate.passed
      ? `**Gate passed** (${report.gate.thresholds}, ${report.gate.split} split).`
      : `**Gate FAILED** (${report.gate.thresholds}, ${report.gate.split} split):`,
  ];
  for (const r of report.gate.regressions) {
    out.push(`- ${r.config} ${r.metric}: ${formatFigure(r.actual)} < minimum ${r.minimum}`);
  }
  out.push("");
  return out;
}

function metricLines(report: EvalReport): string[] {
  const names = Object.keys(report.configs);
  const out = ["## Metrics per configuration", "", ...metricsTable(report.configs), ""];
  if (report.splits) {
    for (const [split, part] of Object.entries(report.splits)) {
      out.push(`### ${split} split (${part.cases} cases)`, "", ...metricsTable(part.configs), "");
    }
  }
  const row = (label: string, figure: (details: EvalReport["details"][string] | undefined) => string) =>
    `| ${label} | ${names.map((n) => figure(report.details[n])).join(" | ")} |`;
  out.push(
    "Relevance: a chunk counts when its source is expected and it contains an expected phrase. " +
      "Source-level figures count any chunk of an expected source.",
    "",
    `| source level | ${names.join(" | ")} |`,
    `| --- |${names.map(() => " ---: |").join("")}`,
    row("hit@5", (d) => formatFigure(d?.source_level.hit5)),
    row("recall@5", (d) => formatFigure(d?.source_level.recall5)),
    row("MRR@10", (d) => formatFigure(d?.source_level.mrr10)),
    row("refusal precision", (d) => formatFigure(d?.refusal.precision)),
    row("refusal recall", (d) => formatFigure(d?.refusal.recall)),
    row("retrieval p50 ms", (d) => formatFigure(d?.retrieve_p50_ms, "p50_ms")),
    "",
  );
  return out;
}

function categoryLines(report: EvalReport): string[] {
  const names = Object.keys(report.configs);
  const out = [
    "## Per category",
    "",
    "Answerable categories: nDCG@10 / hit@5. No-answer categories: share declined / share with the expected outcome " +
      "(injection and integrity count only a guardrail refusal).",
    "",
    `| category | cases | ${names.join(" | ")} |`,
    `| --- | ---: |${names.map(() => " ---: |").join("")}`,
  ];
  for (const category of CATEGORIES) {
    const first = names.map((n) => report.categories[n]?.[category]).find(Boolean);
    if (!first) continue;
    const cells = names.map((n) => {
      const m = report.categories[n]?.[category];
      if (!m) return "–";
      return m.ndcg10 !== null
        ? `${formatFigure(m.ndcg10)} / ${formatFigure(m.hit5)}`
        : `${formatFigure(m.decline_rate)} / ${formatFigure(m.expected_outcome_rate)}`;
    });
    out.push(`| ${category} | ${first.cases} | ${cells.join(" | ")} |`);
  }
  out.push("", ...answerCategoryLines(report));
  return out;
}

/** Answerable categories: share answered / share carrying an expected phrase / answer correctness. */
function answerCategoryLines(report: EvalReport): string[] {
  const names = Object.keys(report.configs);
  const out = [
    "Answers of the answerable categories: share answered / share carrying an expected phrase / " +
      "answer correctness.",
    "",
    `| category | cases | ${names.join(" | ")} |`,
    `| --- | ---: |${names.map(() => " ---: |").join("")}`,
  ];
  for (const category of CATEGORIES) {
    const first = names.map((n) => report.categories[n]?.[category]).find(Boolean);
    if (!first || first.answered === null) continue;
    const cells = names.map((n) => {
      const m = report.categories[n]?.[category];
      if (!m) return "–";
      return [m.answered, m.expected_phrase, m.answer_correctness].map((v) => formatFigure(v)).join(" / ");
    });
    out.push(`| ${category} | ${first.cases} | ${cells.join(" | ")} |`);
  }
  out.push("");
  return out;
}

function guardLines(report: EvalReport): string[] {
  if (!report.guard) return [];
  const out = ["## Guardrail suites", ""];
  if (report.guard.note) out.push(report.guard.note, "");
  const summary = guardSummary(report.guard);
  if (summary) out.push(summary, "");
  for (const table of guardTables(report.guard)) {
    out.push(`### ${table.title}`, "", `| ${table.headers.join(" | ")} |`);
    out.push(`|${table.headers.map(() => " --- ").join("|")}|`);
    for (const row of table.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
    out.push("");
  }
  return out;
}

function warningLines(report: EvalReport): string[] {
  if (report.warnings.length === 0) return [];
  return ["## Dataset warnings", "", ...report.warnings.map((w) => `- ${w}`), ""];
}

function failureLines(report: EvalReport, maxFailures: number): string[] {
  const out = [`## Failures (${report.failures.length})`, ""];
  if (report.failures.length === 0) out.push("None.", "");
  for (const f of report.failures.slice(0, maxFailures)) {
    out.push(
      `- **${f.id}** [${f.config}, ${f.category}] ${cell(f.reason)} — status ${f.status}` +
        `${f.guardrail ? ` (${f.guardrail.rule})` : ""}`,
      `  - question: ${cell(f.question)}`,
    );
    if (f.expected_sources.length > 0) out.push(`  - expected: ${f.expected_sources.join(", ")}`);
    if (f.retrieved.length > 0) {
      const retrieved = f.retrieved.map(
        (r) => `${r.rank}. ${r.source} › ${cell(r.heading)} (${r.relevance})`,
      );
      out.push(`  - retrieved: ${retrieved.join("; ")}`);
    }
  }
  if (report.failures.length > maxFailures) {
    out.push("", `… ${report.failures.length - maxFailures} more in report.json.`);
  }
  out.push("");
  return out;
}
