import { readFileSync } from "node:fs";
import { escapeHtml } from "../text/html.ts";
import { columns, horizontalBars, lineChart } from "./svg.ts";
import type { CourseInsights } from "./types.ts";

/** The page's stylesheet, kept as data beside this module. */
const STYLE = `\n${readFileSync(new URL("./insights.css.txt", import.meta.url), "utf8")}`;

const percent = (v: number) => `${Math.round(v * 100)}%`;

function shortDate(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleString("en", { month: "short", timeZone: "UTC" })} ${d.getUTCDate()}`;
}

/** The insights as a self-contained page: inline CSS and SVG, no script. */
export function renderInsightsHtml(insights: CourseInsights, courseTitle: string): string {
  const t = insights.totals;
  const overall = insights.feedback.overall;
  const title = escapeHtml(courseTitle || insights.course);
  const thumbsUp = overall.upRatio === null ? "–" : percent(overall.upRatio);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Insights · ${title}</title><style>${STYLE}</style></head>
<body><main>
<h1>${title}: what students ask</h1>
<p class="sub">${subtitle(insights)}</p>
<div class="tiles">
<div class="tile"><b>${t.questions}</b>questions</div>
<div class="tile"><b>${t.answered}</b>answered</div>
<div class="tile"><b>${t.no_answer}</b>not in the material</div>
<div class="tile"><b>${t.refused}</b>refused</div>
<div class="tile"><b>${thumbsUp}</b>thumbs up (${overall.up}↑ ${overall.down}↓)</div>
</div>
<section><h2>Most asked topics</h2>${topicBars(insights)}<p class="note">${TOPIC_NOTE}</p></section>
<section><h2>Questions the material could not answer</h2>${gapTable(insights)}</section>
<section><h2>Feedback over time</h2>${feedbackLine(insights)}</section>
<section><h2>Answers students disliked</h2>${downvoteTable(insights)}</section>
<section><h2>Guardrail hits</h2>${guardrailTable(insights)}</section>
<section><h2>Week-over-week drift</h2>${driftColumns(insights)}${latestBlock(insights)}</section>
<section><h2>Words students use most</h2>${termBars(insights)}</section>
</main></body></html>`;
}

const TOPIC_NOTE = "Topic = the course section an answer cited first.";

function subtitle(insights: CourseInsights): string {
  const { window } = insights;
  const generated = new Date(insights.generatedAt).toISOString().slice(0, 16).replace("T", " ");
  return (
    `Course <code>${escapeHtml(insights.course)}</code> · last ${window.weeks} weeks ` +
    `(${escapeHtml(shortDate(window.from))} – ${escapeHtml(shortDate(window.to))}) · ` +
    `generated ${escapeHtml(generated)} UTC`
  );
}

function topicBars(insights: CourseInsights): string {
  return horizontalBars(
    insights.topics.map((topic) => ({
      label: topic.label,
      value: topic.count,
      note: `${topic.count} · ${percent(topic.share)}`,
    })),
    { title: "Most asked topics" },
  );
}

function termBars(insights: CourseInsights): string {
  return horizontalBars(
    insights.terms
      .slice(0, 12)
      .map((term) => ({ label: term.term, value: term.count, note: String(term.count) })),
    { title: "Words students use most" },
  );
}

function feedbackLine(insights: CourseInsights): string {
  const buckets = insights.feedback.buckets;
  return lineChart(
    buckets.map((b) => ({ label: shortDate(b.start), value: b.upRatio })),
    {
      title: "Share of thumbs-up per week",
      max: 1,
      format: percent,
      counts: buckets.map((b) => (b.up + b.down > 0 ? `${b.up}↑ ${b.down}↓` : "")),
    },
  );
}

function driftColumns(insights: CourseInsights): string {
  // Drift rarely nears 1: scale to the largest week (in quarters) so small shifts stay visible.
  const largestDrift = Math.max(0, ...insights.drift.weeks.map((w) => w.drift ?? 0));
  return columns(
    insights.drift.weeks.map((w) => ({ label: shortDate(w.start), value: w.drift })),
    {
      title: "Topic drift from the week before",
      max: Math.max(0.25, Math.ceil(largestDrift * 4) / 4),
      format: (v) => v.toFixed(2),
    },
  );
}

function gapTable(insights: CourseInsights): string {
  const rows = insights.gaps
    .map((gap) => {
      const examples = gap.examples.map((q) => `<li>${escapeHtml(q)}</li>`).join("");
      const sections = gap.nearestSections
        .map((s) => escapeHtml(s.heading && s.heading !== s.title ? `${s.title} › ${s.heading}` : s.title))
        .join("<br>");
      return (
        `<tr><td class="count">${gap.count}</td>` +
        `<td><b>${escapeHtml(gap.label)}</b><ul class="q">${examples}</ul></td>` +
        `<td>${sections}</td><td>${escapeHtml(shortDate(gap.lastAsked))}</td></tr>`
      );
    })
    .join("");
  if (!rows) return `<p class="note">None in this period.</p>`;
  return (
    "<table><tr><th>Asked</th><th>Gap (similar questions grouped)</th><th>Closest material</th>" +
    `<th>Last</th></tr>${rows}</table>`
  );
}

function shiftList(items: { label: string; before: number; after: number }[], cls: string): string {
  if (items.length === 0) return '<p class="note">None.</p>';
  const entries = items.map(
    (s) =>
      `<li>${escapeHtml(s.label)} <span class="${cls}">${percent(s.before)} → ${percent(s.after)}</span></li>`,
  );
  return `<ul>${entries.join("")}</ul>`;
}

function latestBlock(insights: CourseInsights): string {
  const latest = insights.drift.latest;
  if (!latest) return `<p class="note">Needs two weeks with questions.</p>`;
  const score = latest.score === null ? "n/a" : latest.score.toFixed(2);
  return [
    `<p class="note">Week of ${escapeHtml(shortDate(latest.to))} against week of ` +
      `${escapeHtml(shortDate(latest.from))}: drift ${score}.</p>`,
    `<table><tr><th>Rising</th><th>Falling</th></tr><tr><td>${shiftList(latest.rising, "up")}</td>` +
      `<td>${shiftList(latest.falling, "down")}</td></tr></table>`,
    latest.newTerms.length > 0
      ? `<p class="note">New this week: ${latest.newTerms.map(escapeHtml).join(", ")}</p>`
      : "",
  ].join("\n");
}

function downvoteTable(insights: CourseInsights): string {
  const rows = insights.downvoted
    .slice(0, 20)
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.question)}</td><td>${escapeHtml(d.answer)}</td>` +
        `<td>${d.comment ? escapeHtml(d.comment) : '<span class="note">–</span>'}</td>` +
        `<td>${escapeHtml(shortDate(d.createdAt))}</td></tr>`,
    )
    .join("");
  if (!rows) return `<p class="note">No thumbs down in this period.</p>`;
  return `<table><tr><th>Question</th><th>Answer</th><th>Comment</th><th>When</th></tr>${rows}</table>`;
}

function guardrailTable(insights: CourseInsights): string {
  const rows = insights.guardrails
    .map((g) => `<tr><td>${escapeHtml(g.rule)}</td><td class="count">${g.count}</td></tr>`)
    .join("");
  if (!rows) return `<p class="note">No question was refused or redirected.</p>`;
  return `<table><tr><th>Rule</th><th>Questions</th></tr>${rows}</table>`;
}
