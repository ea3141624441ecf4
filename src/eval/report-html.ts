import { readFileSync } from "node:fs";
import { escapeHtml } from "../text/html.ts";
import { CATEGORIES, DECLINE_CATEGORIES } from "./dataset.ts";
import { type EvalReport, failureReason, METRIC_NAMES } from "./report.ts";
import { barChart, niceCeiling } from "./report-chart.ts";
import { guardSummary, guardTables } from "./report-guard.ts";
import { formatFigure } from "./report-md.ts";
import type { CaseResult } from "./runner.ts";

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with
 * the metrics per configuration, the per-category breakdown, latency, and the worst cases with
 * what was retrieved for them.
 */

const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"];
const GRADE_CLASS = ["g0", "g1", "g2"];

/** The page's stylesheet, kept as data beside this module. */
const STYLE = `\n${readFileSync(new URL("./report.css.txt", import.meta.url), "utf8")}`;

function metricTable(report: EvalReport): string {
  const names = Object.keys(report.configs);
  const head = `<tr><th>metric</th>${names.map((n) => `<th>${escapeHtml(n)}</th>`).join("")}</tr>`;
  const rows = METRIC_NAMES.map(
    (m) =>
      `<tr><td>${m}</td>${names.map((n) => `<td>${formatFigure(report.configs[n]?.[m], m)}</td>`).join("")}</tr>`,
  );
  return `<table>${head}${rows.join("")}</table>`;
}

function categoryTable(report: EvalReport): string {
  const names = Object.keys(report.configs);
  const head = `<tr><th>category</th><th>cases</th>${names.map((n) => `<th>${escapeHtml(n)}</th>`).join("")}</tr>`;
  const rows: string[] = [];
  for (const category of CATEGORIES) {
    const first = names.map((n) => report.categories[n]?.[category]).find(Boolean);
    if (!first) continue;
    const cells = names.map((n) => {
      const m = report.categories[n]?.[category];
      if (!m) return "<td>–</td>";
      return m.ndcg10 !== null
        ? `<td>nDCG ${formatFigure(m.ndcg10)} · hit ${formatFigure(m.hit5)} · answered ` +
            `${formatFigure(m.answered)} · phrase ${formatFigure(m.expected_phrase)} · correctness ` +
            `${formatFigure(m.answer_correctness)}</td>`
        : `<td>declined ${formatFigure(m.decline_rate)} · expected ${formatFigure(m.expected_outcome_rate)}</td>`;
    });
    rows.push(`<tr><td>${category}</td><td>${first.cases}</td>${cells.join("")}</tr>`);
  }
  return `<table>${head}${rows.join("")}</table>`;
}

function caseCard(r: CaseResult): string {
  const scores = r.retrieval
    ? `nDCG@10 ${formatFigure(r.retrieval.ndcg10)} · hit@5 ${formatFigure(r.retrieval.hit5)} · ` +
      `MRR@10 ${formatFigure(r.retrieval.mrr10)}`
    : `expected to be declined`;
  const reason = failureReason(r);
  const answerFigures =
    r.expectedPhrase === null
      ? ""
      : ` · expected phrase ${r.expectedPhrase ? "yes" : "no"} · correctness ` +
        formatFigure(r.judgement?.answerCorrectness);
  const retrieved = r.retrieved
    .slice(0, 5)
    .map(
      (c) =>
        `<li><span class="badge ${GRADE_CLASS[c.grade]}">${c.grade}</span>` +
        `<b>${escapeHtml(c.source)}</b> › ${escapeHtml(c.heading)}` +
        `<div class="snip">${escapeHtml(c.snippet)}</div></li>`,
    )
    .join("");
  const status =
    `${escapeHtml(scores + answerFigures)} · status <b>${escapeHtml(r.status)}</b>` +
    `${r.guardrail ? ` (${escapeHtml(r.guardrail.rule)})` : ""}${reason ? ` · ${escapeHtml(reason)}` : ""}`;
  const answer = r.answer.length > 500 ? `${r.answer.slice(0, 500)}…` : r.answer;
  const where = `[${escapeHtml(r.category)}, ${escapeHtml(r.config)}]`;
  return [
    `<div class="case"><h3>${escapeHtml(r.id)} <span class="meta">${where}</span></h3>`,
    `<div class="q">${escapeHtml(r.question)}</div>`,
    r.query ? `<div class="meta">searched as: ${escapeHtml(r.query)}</div>` : "",
    r.expansion ? `<div class="meta">expanded with: ${escapeHtml(r.expansion.join(", "))}</div>` : "",
    `<div class="meta">${status}</div>`,
    r.expectedSources.length > 0
      ? `<div class="meta">expected: ${r.expectedSources.map(escapeHtml).join(", ")}</div>`
      : "",
    retrieved ? `<ol>${retrieved}</ol>` : "",
    r.answer ? `<div class="ans">${escapeHtml(answer)}</div>` : "",
    "</div>",
  ].join("\n");
}

/** The cases to look at first for one configuration: lowest nDCG, then wrong declines. */
export function worstCases(results: readonly CaseResult[], config: string, limit = 15): CaseResult[] {
  const mine = results.filter((r) => r.config === config);
  const answerable = mine
    .filter((r) => !r.expectDecline)
    .sort(
      (a, b) =>
        (a.retrieval?.ndcg10 ?? 0) - (b.retrieval?.ndcg10 ?? 0) ||
        Number(b.declined) - Number(a.declined) ||
        a.id.localeCompare(b.id),
    )
    .filter((r) => (r.retrieval?.ndcg10 ?? 0) < 1 || r.declined || r.status === "error");
  const wrongDeclines = mine.filter((r) => r.expectDecline && failureReason(r) !== null);
  return [...answerable.slice(0, limit), ...wrongDeclines.slice(0, Math.max(5, Math.floor(limit / 2)))];
}

/** report.html: the charts, tables and worst cases of one report as a self-contained page. */
export function reportToHtml(report: EvalReport, results: readonly CaseResult[]): string {
  const [metricChart, categoryChart, latencyChart] = charts(report);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Eval report: ${escapeHtml(report.dataset)} on ${escapeHtml(report.course)}</title>
<style>${STYLE}</style></head><body>
<h1>Eval report: ${escapeHtml(report.dataset)} on course “${escapeHtml(report.course)}”</h1>
<p class="meta">${metaLine(report)}</p>
${gateSection(report)}
<h2>Metrics per configuration</h2>
${metricChart}
${metricTable(report)}
${splitTables(report)}
<p class="meta">${RELEVANCE_NOTE}</p>
<h2>Per category</h2>
${categoryChart}
${categoryTable(report)}
<h2>Latency</h2>
${latencyChart}
${guardSection(report)}
${warningSection(report)}
<h2>Worst cases</h2>
<p class="meta">${WORST_CASES_NOTE}</p>
${worstSections(report, results)}
</body></html>
`;
}

const RELEVANCE_NOTE =
  "A chunk is relevant (grade 2) when its source is expected and it contains an expected phrase; " +
  "grade 1 is another chunk of an expected source. Answer metrics are RAGAS-style; " +
  "the offline judge approximates them with lexical entailment and embeddings.";

const WORST_CASES_NOTE =
  "Lowest nDCG@10 first, then questions answered that should have been declined. " +
  'Retrieved chunks are marked <span class="badge g2">2</span>relevant, ' +
  '<span class="badge g1">1</span>expected source only, <span class="badge g0">0</span>neither.';

function metaLine(report: EvalReport): string {
  return (
    `${report.cases} cases (${report.split === "all" ? "all" : `${escapeHtml(report.split)} split`}) · ` +
    `generated ${escapeHtml(report.generated_at)} · reranker ${escapeHtml(report.reranker)} · ` +
    `judge ${escapeHtml(report.judge)}`
  );
}

/** The metric, per-category and latency charts: one bar per configuration. */
function charts(report: EvalReport): [string, string, string] {
  const names = Object.keys(report.configs);
  const color = (i: number) => PALETTE[i % PALETTE.length] as string;
  const series = (values: (name: string) => (number | null)[]) =>
    names.map((n, i) => ({ name: n, color: color(i), values: values(n) }));
  const quality = METRIC_NAMES.filter((m) => !m.endsWith("_ms"));
  const metricChart = barChart({
    title: "Metrics per configuration",
    labels: quality.map((m) => m.replace(/_/g, " ")),
    series: series((n) => quality.map((m) => report.configs[n]?.[m] ?? null)),
    max: 1,
    format: (v) => v.toFixed(2),
  });
  const present = CATEGORIES.filter((c) => names.some((n) => report.categories[n]?.[c]));
  const categoryChart = barChart({
    title: "Per category: nDCG@10 (answerable) · share with the expected outcome (decline categories)",
    labels: present,
    series: series((n) =>
      present.map((c) => {
        const m = report.categories[n]?.[c];
        if (!m) return null;
        return DECLINE_CATEGORIES.has(c) ? m.expected_outcome_rate : m.ndcg10;
      }),
    ),
    max: 1,
    format: (v) => v.toFixed(2),
  });
  const maxMs = Math.max(1, ...names.map((n) => report.configs[n]?.p95_ms ?? 0));
  const latencyChart = barChart({
    title: "Latency of the whole pipeline (ms)",
    labels: ["p50", "p95"],
    series: series((n) => [report.configs[n]?.p50_ms ?? null, report.configs[n]?.p95_ms ?? null]),
    max: niceCeiling(maxMs),
    format: (v) => v.toFixed(0),
  });
  return [metricChart, categoryChart, latencyChart];
}

/** Every configuration gets its worst cases; the one the tutor serves with is opened. */
function worstSections(report: EvalReport, results: readonly CaseResult[]): string {
  const names = Object.keys(report.configs);
  const focus = names.includes("hybrid+rerank") ? "hybrid+rerank" : (names.at(-1) ?? "");
  return names
    .map((name) => {
      const worst = worstCases(results, name);
      const body = worst.length > 0 ? worst.map(caseCard).join("\n") : "<p>No failing cases.</p>";
      return (
        `<details${name === focus ? " open" : ""}><summary><b>${escapeHtml(name)}</b> ` +
        `(${worst.length} cases)</summary>${body}</details>`
      );
    })
    .join("\n");
}

function gateSection(report: EvalReport): string {
  if (!report.gate) return "";
  const gate = report.gate;
  const verdict =
    `<p class="${gate.passed ? "pass" : "fail"}">Gate ${gate.passed ? "passed" : "FAILED"} ` +
    `(${escapeHtml(gate.thresholds)}, ${escapeHtml(gate.split)} split)</p>`;
  if (gate.regressions.length === 0) return verdict;
  const items = gate.regressions.map(
    (r) => `<li>${escapeHtml(`${r.config} ${r.metric}: ${formatFigure(r.actual)} < ${r.minimum}`)}</li>`,
  );
  return `${verdict}<ul>${items.join("")}</ul>`;
}

function guardSection(report: EvalReport): string {
  if (!report.guard) return "";
  const guard = report.guard;
  const tables = guardTables(guard).map((table) => {
    const head = `<tr>${table.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>`;
    const rows = table.rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`);
    return `<h3>${escapeHtml(table.title)}</h3><table>${head}${rows.join("")}</table>`;
  });
  return (
    `<h2>Guardrail suites</h2><p>${escapeHtml(guardSummary(guard))} ${escapeHtml(guard.note ?? "")}</p>` +
    tables.join("")
  );
}

function warningSection(report: EvalReport): string {
  if (report.warnings.length === 0) return "";
  const items = report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("");
  return `<h2>Dataset warnings</h2><ul class="warn">${items}</ul>`;
}

function splitTables(report: EvalReport): string {
  if (!report.splits) return "";
  return Object.entries(report.splits)
    .map(
      ([split, part]) =>
        `<h3>${escapeHtml(split)} split (${part.cases} cases)</h3>${metricTable({ ...report, configs: part.configs })}`,
    )
    .join("");
}
