import { escapeHtml } from "../text/html.ts";
import { CATEGORIES, DECLINE_CATEGORIES } from "./dataset.ts";
import { type EvalReport, failureReason, METRIC_NAMES } from "./report.ts";
import { formatFigure } from "./report-md.ts";
import type { CaseResult } from "./runner.ts";

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) with
 * the metrics per configuration, the per-category breakdown, latency, and the worst cases with
 * what was retrieved for them.
 */

const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f"];
const GRADE_CLASS = ["g0", "g1", "g2"];

interface Series {
  name: string;
  color: string;
  values: (number | null)[];
}

/** A grouped bar chart: one group per label, one bar per series. */
function barChart(options: {
  title: string;
  labels: string[];
  series: Series[];
  max: number;
  format: (v: number) => string;
  width?: number;
}): string {
  const width = options.width ?? 960;
  const height = 300;
  const left = 48;
  const bottom = 54;
  const top = 28;
  const plotW = width - left - 12;
  const plotH = height - top - bottom;
  const groupW = plotW / Math.max(1, options.labels.length);
  const barW = Math.max(4, Math.min(28, (groupW - 10) / Math.max(1, options.series.length)));
  const y = (v: number) => top + plotH - (Math.min(v, options.max) / options.max) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}">`,
    `<text x="${left}" y="16" class="ct">${escapeHtml(options.title)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const v = (options.max * i) / 4;
    const yy = y(v);
    parts.push(
      `<line x1="${left}" x2="${width - 12}" y1="${yy}" y2="${yy}" class="grid"/>`,
      `<text x="${left - 6}" y="${yy + 4}" class="ax" text-anchor="end">${escapeHtml(options.format(v))}</text>`,
    );
  }
  options.labels.forEach((label, gi) => {
    const gx = left + gi * groupW + (groupW - barW * options.series.length) / 2;
    options.series.forEach((s, si) => {
      const v = s.values[gi];
      const x = gx + si * barW;
      if (v === null || v === undefined) {
        parts.push(`<text x="${x + barW / 2}" y="${y(0) - 3}" class="na" text-anchor="middle">–</text>`);
        return;
      }
      const yy = y(v);
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${yy.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(y(0) - yy).toFixed(1)}" fill="${s.color}"><title>${escapeHtml(`${s.name} · ${label}: ${options.format(v)}`)}</title></rect>`,
      );
    });
    parts.push(
      `<text x="${left + gi * groupW + groupW / 2}" y="${height - bottom + 16}" class="ax" text-anchor="middle">${escapeHtml(label)}</text>`,
    );
  });
  const legendY = height - 14;
  let lx = left;
  for (const s of options.series) {
    parts.push(
      `<rect x="${lx}" y="${legendY - 9}" width="10" height="10" fill="${s.color}"/>`,
      `<text x="${lx + 14}" y="${legendY}" class="ax">${escapeHtml(s.name)}</text>`,
    );
    lx += 24 + s.name.length * 7;
  }
  parts.push("</svg>");
  return parts.join("");
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1000px;color:#222;padding:0 12px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#555}table{border-collapse:collapse;margin:8px 0;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}
th{background:#f5f5f5}svg{width:100%;height:auto;margin:8px 0}
.ct{font-size:14px;font-weight:600}.ax{font-size:11px;fill:#444}.na{font-size:11px;fill:#999}.grid{stroke:#eee}
.pass{color:#1a7f37;font-weight:600}.fail{color:#c62828;font-weight:600}
.case{border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin:10px 0}
.case h3{font-size:14px;margin:0 0 4px}summary{cursor:pointer;margin:8px 0}.case .q{font-style:italic}
.case ol{margin:6px 0;padding-left:22px}.case li{margin:3px 0}
.badge{display:inline-block;min-width:18px;text-align:center;border-radius:3px;font-size:11px;padding:0 4px;margin-right:6px;color:#fff}
.g2{background:#1a7f37}.g1{background:#d4a017}.g0{background:#999}
.snip{color:#555;font-size:12px}.ans{background:#fafafa;border-left:3px solid #ccc;padding:4px 8px;font-size:12px;white-space:pre-wrap}
ul.warn li{color:#8a5a00}
`;

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
        ? `<td>nDCG ${formatFigure(m.ndcg10)} · hit ${formatFigure(m.hit5)}</td>`
        : `<td>declined ${formatFigure(m.decline_rate)} · expected ${formatFigure(m.expected_outcome_rate)}</td>`;
    });
    rows.push(`<tr><td>${category}</td><td>${first.cases}</td>${cells.join("")}</tr>`);
  }
  return `<table>${head}${rows.join("")}</table>`;
}

function caseCard(r: CaseResult): string {
  const scores = r.retrieval
    ? `nDCG@10 ${formatFigure(r.retrieval.ndcg10)} · hit@5 ${formatFigure(r.retrieval.hit5)} · MRR@10 ${formatFigure(r.retrieval.mrr10)}`
    : `expected to be declined`;
  const reason = failureReason(r);
  const retrieved = r.retrieved
    .slice(0, 5)
    .map(
      (c) =>
        `<li><span class="badge ${GRADE_CLASS[c.grade]}">${c.grade}</span><b>${escapeHtml(c.source)}</b> › ${escapeHtml(c.heading)}<div class="snip">${escapeHtml(c.snippet)}</div></li>`,
    )
    .join("");
  return `<div class="case"><h3>${escapeHtml(r.id)} <span class="meta">[${escapeHtml(r.category)}, ${escapeHtml(r.config)}]</span></h3>
<div class="q">${escapeHtml(r.question)}</div>
${r.query ? `<div class="meta">searched as: ${escapeHtml(r.query)}</div>` : ""}
${r.expansion ? `<div class="meta">expanded with: ${escapeHtml(r.expansion.join(", "))}</div>` : ""}
<div class="meta">${escapeHtml(scores)} · status <b>${escapeHtml(r.status)}</b>${r.guardrail ? ` (${escapeHtml(r.guardrail.rule)})` : ""}${reason ? ` · ${escapeHtml(reason)}` : ""}</div>
${r.expectedSources.length > 0 ? `<div class="meta">expected: ${r.expectedSources.map(escapeHtml).join(", ")}</div>` : ""}
${retrieved ? `<ol>${retrieved}</ol>` : ""}
${r.answer ? `<div class="ans">${escapeHtml(r.answer.length > 500 ? `${r.answer.slice(0, 500)}…` : r.answer)}</div>` : ""}
</div>`;
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

export function renderHtml(report: EvalReport, results: readonly CaseResult[]): string {
  const names = Object.keys(report.configs);
  const color = (i: number) => PALETTE[i % PALETTE.length] as string;
  const quality = METRIC_NAMES.filter((m) => !m.endsWith("_ms"));
  const metricChart = barChart({
    title: "Metrics per configuration",
    labels: quality.map((m) => m.replace(/_/g, " ")),
    series: names.map((n, i) => ({
      name: n,
      color: color(i),
      values: quality.map((m) => report.configs[n]?.[m] ?? null),
    })),
    max: 1,
    format: (v) => v.toFixed(2),
  });
  const present = CATEGORIES.filter((c) => names.some((n) => report.categories[n]?.[c]));
  const categoryChart = barChart({
    title: "Per category: nDCG@10 (answerable) · share with the expected outcome (decline categories)",
    labels: present,
    series: names.map((n, i) => ({
      name: n,
      color: color(i),
      values: present.map((c) => {
        const m = report.categories[n]?.[c];
        if (!m) return null;
        return DECLINE_CATEGORIES.has(c) ? m.expected_outcome_rate : m.ndcg10;
      }),
    })),
    max: 1,
    format: (v) => v.toFixed(2),
  });
  const maxMs = Math.max(1, ...names.map((n) => report.configs[n]?.p95_ms ?? 0));
  const latencyChart = barChart({
    title: "Latency of the whole pipeline (ms)",
    labels: ["p50", "p95"],
    series: names.map((n, i) => ({
      name: n,
      color: color(i),
      values: [report.configs[n]?.p50_ms ?? null, report.configs[n]?.p95_ms ?? null],
    })),
    max: niceCeiling(maxMs),
    format: (v) => v.toFixed(0),
  });
  // Every configuration gets its worst cases; the one the tutor serves with is opened.
  const focus = names.includes("hybrid+rerank") ? "hybrid+rerank" : (names.at(-1) ?? "");
  const worstSections = names
    .map((name) => {
      const worst = worstCases(results, name);
      const body = worst.length > 0 ? worst.map(caseCard).join("\n") : "<p>No failing cases.</p>";
      return `<details${name === focus ? " open" : ""}><summary><b>${escapeHtml(name)}</b> (${worst.length} cases)</summary>${body}</details>`;
    })
    .join("\n");

  const gate = report.gate
    ? `<p class="${report.gate.passed ? "pass" : "fail"}">Gate ${report.gate.passed ? "passed" : "FAILED"} (${escapeHtml(report.gate.thresholds)}, ${escapeHtml(report.gate.split)} split)</p>${
        report.gate.regressions.length > 0
          ? `<ul>${report.gate.regressions.map((r) => `<li>${escapeHtml(`${r.config} ${r.metric}: ${formatFigure(r.actual)} < ${r.minimum}`)}</li>`).join("")}</ul>`
          : ""
      }`
    : "";
  const guard = report.guard
    ? `<h2>Guardrail suites</h2><p>${
        report.guard.attack_block_rate !== null
          ? `Attack block rate <b>${formatFigure(report.guard.attack_block_rate)}</b> (${report.guard.attacks} attacks), benign refusal rate <b>${formatFigure(report.guard.benign_refusal_rate)}</b> (${report.guard.benign} questions).`
          : ""
      } ${escapeHtml(report.guard.note ?? "")}</p>`
    : "";
  const warnings =
    report.warnings.length > 0
      ? `<h2>Dataset warnings</h2><ul class="warn">${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>`
      : "";
  const splits = report.splits
    ? Object.entries(report.splits)
        .map(
          ([split, part]) =>
            `<h3>${escapeHtml(split)} split (${part.cases} cases)</h3>${metricTable({ ...report, configs: part.configs })}`,
        )
        .join("")
    : "";

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Eval report: ${escapeHtml(report.dataset)} on ${escapeHtml(report.course)}</title>
<style>${STYLE}</style></head><body>
<h1>Eval report: ${escapeHtml(report.dataset)} on course “${escapeHtml(report.course)}”</h1>
<p class="meta">${report.cases} cases (${report.split === "all" ? "all" : `${escapeHtml(report.split)} split`}) · generated ${escapeHtml(report.generated_at)} · reranker ${escapeHtml(report.reranker)} · judge ${escapeHtml(report.judge)}</p>
${gate}
<h2>Metrics per configuration</h2>
${metricChart}
${metricTable(report)}
${splits}
<p class="meta">A chunk is relevant (grade 2) when its source is expected and it contains an expected phrase; grade 1 is another chunk of an expected source. Answer metrics are RAGAS-style; the offline judge approximates them with lexical entailment and embeddings.</p>
<h2>Per category</h2>
${categoryChart}
${categoryTable(report)}
<h2>Latency</h2>
${latencyChart}
${guard}
${warnings}
<h2>Worst cases</h2>
<p class="meta">Lowest nDCG@10 first, then questions answered that should have been declined. Retrieved chunks are marked <span class="badge g2">2</span>relevant, <span class="badge g1">1</span>expected source only, <span class="badge g0">0</span>neither.</p>
${worstSections}
</body></html>
`;
}

function niceCeiling(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}
