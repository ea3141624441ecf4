import { ApiFailure, api, listen } from "../api.ts";
import { canManage, type PageContext } from "../app.ts";
import { lineChart } from "../charts.ts";
import { add, checkbox, field, fill, h, notice, section, table } from "../dom.ts";
import { day, decimal, when } from "../format.ts";
import { go } from "../router.ts";
import type { EvalRunListing } from "../types.ts";
import { METRIC_WORDS } from "./metric-words.ts";

const CONFIGS = ["bm25", "vector", "hybrid", "hybrid+rerank"] as const;
const EXAMPLE_CASE = JSON.stringify({
  id: "f-001",
  category: "factual",
  question: "…",
  expected_sources: ["week-01/notes.md"],
  expected_phrases: ["…"],
});

interface StartedEval {
  id: string;
  cases: number;
  links: { events: string };
}

const reportHref = (course: string, run: string) => `#/courses/${encodeURIComponent(course)}/evals/${run}`;

/** Datasets, configurations, live progress, the history of runs with a trend, and comparing two. */
export async function evalsPage(ctx: PageContext): Promise<void> {
  const course = ctx.course!.id;
  const history = h("div");
  const refresh = async () => {
    const { runs } = await api<{ runs: EvalRunListing[] }>(
      "GET",
      `/admin/evals?course=${encodeURIComponent(course)}&limit=50&metrics=true`,
    );
    fill(history, historyView(course, runs));
  };
  add(
    ctx.main,
    canManage(ctx.course) ? section("Run an eval", newEvalForm(ctx, course, refresh)) : null,
    section("Runs", history),
  );
  await refresh();
}

/** The dataset: typed or pasted, or loaded from a file, with a template to start from. */
function datasetFields(course: string): { fields: HTMLElement[]; dataset: HTMLTextAreaElement } {
  const dataset = h("textarea", { name: "dataset", rows: 8, spellcheck: "false", class: "mono" });
  dataset.placeholder = EXAMPLE_CASE;
  const file = h("input", { type: "file", accept: ".jsonl,.ndjson,.json,.txt" });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (chosen) dataset.value = await chosen.text();
  });
  const template = h(
    "a",
    {
      href: `/admin/evals/template?course=${encodeURIComponent(course)}`,
      download: `${course}-eval-template.jsonl`,
    },
    "Download a template",
  );
  return {
    dataset,
    fields: [
      h("p", {}, "One question a line, in JSONL. ", template, " with one case of each category."),
      field("Dataset (JSONL)", dataset),
      field("…or load it from a file", file),
    ],
  };
}

function newEvalForm(ctx: PageContext, course: string, refresh: () => Promise<void>): HTMLElement {
  const { fields, dataset } = datasetFields(course);
  const name = h("input", { type: "text", name: "name", maxlength: 200 });
  const boxes = CONFIGS.map((config) => ({
    config,
    ...checkbox(config, config !== "vector", { name: "configs", value: config }),
  }));
  const progress = h("div", { class: "progress-area" });
  const message = h("div", { class: "form-message" });
  const form = h(
    "form",
    { class: "stack" },
    fields,
    field("Name", name, "Shown in the history; defaults to “upload”."),
    h(
      "fieldset",
      {},
      h("legend", {}, "Configurations to compare"),
      boxes.map((b) => b.row),
    ),
    h("button", { type: "submit", class: "primary" }, "Start eval"),
    message,
    progress,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const configs = boxes.filter((b) => b.box.checked).map((b) => b.config);
    try {
      const started = await api<StartedEval>("POST", "/admin/evals", {
        course,
        dataset: dataset.value,
        configs,
        ...(name.value.trim() ? { name: name.value.trim() } : {}),
      });
      followEval(ctx, course, started, configs.length, progress, refresh);
      void refresh();
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : undefined;
      const problems = failure?.problems?.slice(0, 10) ?? [];
      add(
        message,
        notice("error", failure?.message ?? String(error)),
        problems.length > 0
          ? h(
              "ul",
              { class: "problems" },
              problems.map((p) => h("li", {}, `line ${p.line}: ${p.message}`)),
            )
          : null,
      );
    }
  });
  return form;
}

/** Shows a started run's progress live, then a link to its report. */
function followEval(
  ctx: PageContext,
  course: string,
  started: StartedEval,
  configs: number,
  progress: HTMLElement,
  refresh: () => Promise<void>,
): void {
  const bar = h("progress", { max: 1, value: 0, "aria-label": "Eval progress" });
  const label = h("p", {}, `Queued: ${started.cases} cases × ${configs} configurations.`);
  fill(progress, h("div", { class: "progress-box", "data-state": "running" }, label, bar));
  listen(started.links.events, {
    progress: (data) => {
      const step = data as { status: string; done: number; total: number };
      label.textContent =
        step.status === "queued"
          ? "Waiting for the previous eval to finish…"
          : `Running: ${step.done} of ${step.total} questions`;
      bar.max = Math.max(1, step.total);
      bar.value = step.done;
    },
    done: (data) => {
      const run = (data as { run: EvalRunListing }).run;
      const ok = run.status === "done";
      progress.querySelector(".progress-box")?.setAttribute("data-state", ok ? "succeeded" : "failed");
      bar.max = 1;
      bar.value = 1;
      fill(
        label,
        ok
          ? ["Finished. ", h("a", { href: reportHref(course, run.id) }, "Open the report")]
          : `The eval failed: ${run.error ?? "unknown error"}`,
      );
      ctx.announce(ok ? "The eval finished." : "The eval failed.");
      void refresh();
    },
  });
}

function runRow(course: string, run: EvalRunListing) {
  const ndcg = run.metrics?.["hybrid+rerank"]?.ndcg10 ?? run.metrics?.[run.configs[0] ?? ""]?.ndcg10;
  const status = run.status === "done" ? "succeeded" : run.status;
  return [
    when(run.createdAt),
    run.datasetName,
    String(run.cases),
    run.configs.join(", "),
    h("span", { class: `pill ${status}` }, run.stale ? "stale" : run.status),
    decimal(ndcg),
    run.status === "done" ? h("a", { href: reportHref(course, run.id) }, "Report") : "",
  ];
}

/** A metric of one configuration over the finished runs, oldest first, as a line chart. */
function trendView(done: EvalRunListing[]): HTMLElement {
  const configs = [...new Set(done.flatMap((run) => Object.keys(run.metrics ?? {})))];
  const chartArea = h("div");
  const config = h(
    "select",
    {},
    configs.map((c) => h("option", { value: c, selected: c === "hybrid+rerank" }, c)),
  );
  const metrics = Object.entries(METRIC_WORDS).filter(([m]) => !m.endsWith("_ms"));
  const metric = h(
    "select",
    {},
    metrics.map(([m, w]) => h("option", { value: m, selected: m === "ndcg10" }, w.name)),
  );
  const draw = () => {
    const name = METRIC_WORDS[metric.value]?.name ?? metric.value;
    const points = [...done].reverse().map((run) => ({
      label: day(run.createdAt),
      value: run.metrics?.[config.value]?.[metric.value] ?? null,
    }));
    fill(chartArea, lineChart(`${name} of ${config.value}, run by run`, points));
  };
  config.addEventListener("change", draw);
  metric.addEventListener("change", draw);
  draw();
  return h(
    "div",
    { class: "trend" },
    h("h3", {}, "Trend"),
    h("div", { class: "row" }, field("Configuration", config), field("Metric", metric)),
    chartArea,
  );
}

function compareForm(course: string, done: EvalRunListing[]): HTMLElement {
  const options = () =>
    done.map((run) => h("option", { value: run.id }, `${when(run.createdAt)} · ${run.datasetName}`));
  const base = h("select", {}, options());
  const candidate = h("select", {}, options());
  base.selectedIndex = 1;
  const form = h(
    "form",
    { class: "row compare" },
    field("Compare", base),
    field("with", candidate),
    h("button", { type: "submit" }, "Compare runs"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go(`#/courses/${encodeURIComponent(course)}/evals/compare/${base.value}/${candidate.value}`);
  });
  return form;
}

function historyView(course: string, runs: EvalRunListing[]): HTMLElement {
  const done = runs.filter((run) => run.status === "done" && run.metrics);
  const headers = ["Started", "Dataset", "Cases", "Configurations", "Status", "nDCG@10", ""];
  return h(
    "div",
    {},
    table(
      "Eval runs, newest first",
      headers,
      runs.map((run) => runRow(course, run)),
      { hideCaption: true },
    ),
    done.length > 0 ? trendView(done) : notice("info", "Finished runs appear here with a trend chart."),
    done.length > 1 ? compareForm(course, done) : null,
  );
}
