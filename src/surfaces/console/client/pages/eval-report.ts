import { api } from "../api.ts";
import type { PageContext } from "../app.ts";
import { add, h, notice, section, table } from "../dom.ts";
import { decimal, ms, when } from "../format.ts";
import { courseHref } from "../router.ts";
import type { Comparison, EvalReport, EvalRunListing } from "../types.ts";
import { METRIC_WORDS } from "./metric-words.ts";

const isTime = (metric: string) => metric.endsWith("_ms");
const figure = (metric: string, value: number | null | undefined) =>
  isTime(metric) ? ms(value) : decimal(value);

function meaning(metric: string): HTMLElement {
  const words = METRIC_WORDS[metric];
  return h(
    "span",
    {},
    words?.meaning ?? "",
    words?.lowerIsBetter ? " Lower is better." : " Higher is better.",
  );
}

/** One finished run: every metric per configuration with its meaning in plain words, and what went wrong. */
export async function evalReportPage(ctx: PageContext, id: string): Promise<void> {
  const run = await api<EvalRunListing & { report?: EvalReport }>(
    "GET",
    `/admin/evals/${encodeURIComponent(id)}`,
  );
  const back = h("a", { href: courseHref(ctx.course!.id, "evals") }, "Back to all runs");
  if (!run.report) {
    add(
      ctx.main,
      h("p", {}, back),
      notice("info", `This run is ${run.status}; its report appears once it is done.`),
    );
    return;
  }
  const report = run.report;
  const configs = Object.keys(report.configs);
  const rows = Object.keys(METRIC_WORDS).map((metric) => [
    h("strong", {}, METRIC_WORDS[metric]?.name ?? metric),
    ...configs.map((config) =>
      figure(metric, (report.configs[config] as Record<string, number | null>)[metric]),
    ),
    meaning(metric),
  ]);
  add(
    ctx.main,
    h(
      "p",
      { class: "row" },
      back,
      h(
        "a",
        { href: `/admin/evals/${encodeURIComponent(id)}?format=html`, target: "_blank", rel: "noopener" },
        "Open the full HTML report",
      ),
    ),
    section(
      `Report: ${run.datasetName}`,
      h(
        "p",
        { class: "muted" },
        [
          `${report.cases} cases`,
          `split ${report.split}`,
          `judge ${report.judge}`,
          `reranker ${report.reranker}`,
          when(run.finishedAt),
        ].join(" · "),
      ),
      report.warnings.length > 0
        ? h(
            "ul",
            { class: "warnings" },
            report.warnings.slice(0, 10).map((w) => h("li", {}, w)),
          )
        : null,
      table("Metrics per configuration", ["Metric", ...configs, "What it means"], rows),
    ),
    section(
      "Questions that went wrong",
      table(
        "Failures (first 20)",
        ["Question", "Configuration", "Why", "Status"],
        report.failures.slice(0, 20).map((f) => [f.question, f.config, f.reason, f.status]),
        { hideCaption: true },
      ),
    ),
  );
}

function change(metric: string, delta: number | null): HTMLElement {
  if (delta === null) return h("span", { class: "muted" }, "–");
  if (Math.abs(delta) < 1e-9) return h("span", {}, "same");
  const better = METRIC_WORDS[metric]?.lowerIsBetter ? delta < 0 : delta > 0;
  const text = isTime(metric)
    ? `${delta > 0 ? "+" : "−"}${ms(Math.abs(delta))}`
    : `${delta > 0 ? "+" : "−"}${Math.abs(delta).toFixed(3)}`;
  return h(
    "span",
    { class: better ? "better" : "worse" },
    `${better ? "▲" : "▼"} ${text} (${better ? "better" : "worse"})`,
  );
}

/** Two runs side by side, configuration by configuration, with each change marked better or worse. */
export async function evalComparePage(ctx: PageContext, base: string, candidate: string): Promise<void> {
  const comparison = await api<Comparison>(
    "GET",
    `/admin/evals/compare?base=${encodeURIComponent(base)}&candidate=${encodeURIComponent(candidate)}`,
  );
  add(
    ctx.main,
    h("p", {}, h("a", { href: courseHref(ctx.course!.id, "evals") }, "Back to all runs")),
    section(
      "Comparing two runs",
      h(
        "p",
        {},
        `Before: ${comparison.base.datasetName}, ${when(comparison.base.createdAt)}. `,
        `After: ${comparison.candidate.datasetName}, ${when(comparison.candidate.createdAt)}.`,
      ),
      comparison.sameDataset
        ? null
        : notice(
            "info",
            "The two runs used different datasets, so their figures are not strictly comparable.",
          ),
      comparison.configs.map((c) =>
        table(
          c.config,
          ["Metric", "Before", "After", "Change"],
          Object.entries(c.metrics).map(([metric, m]) => [
            METRIC_WORDS[metric]?.name ?? metric,
            figure(metric, m.base),
            figure(metric, m.candidate),
            change(metric, m.delta),
          ]),
        ),
      ),
    ),
  );
}
