import { escapeHtml } from "../text/html.ts";
import type { CourseInsights } from "./compute.ts";
import { columns, horizontalBars, lineChart } from "./svg.ts";

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2430}
main{max-width:860px;margin:0 auto;padding:24px 20px 48px}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.15rem;margin:0 0 8px}
.sub{color:#5b6472;margin:0 0 20px}
section{background:#fff;border:1px solid #e1e4ea;border-radius:10px;padding:16px 18px;margin:0 0 16px}
.tiles{display:flex;gap:12px;flex-wrap:wrap;margin:0 0 16px}
.tile{flex:1 1 150px;background:#fff;border:1px solid #e1e4ea;border-radius:10px;padding:12px 14px}
.tile b{display:block;font-size:1.5rem}
.label{font-size:12px;fill:#1d2430}.value{font-size:12px;fill:#5b6472}.axis{font-size:11px;fill:#5b6472}.muted{fill:#8a93a1}
.empty{font-size:13px;fill:#8a93a1}
.bar{fill:#3b6fd8}.bar.alt{fill:#d8833b}.grid{stroke:#e6e8ee}.line{fill:none;stroke:#2f9e6a;stroke-width:2.5}.dot{fill:#2f9e6a}
table{width:100%;border-collapse:collapse;font-size:14px}th,td{text-align:left;padding:6px 8px;border-top:1px solid #eceef2;vertical-align:top}
th{color:#5b6472;font-weight:600;border-top:0}
.count{font-weight:700;white-space:nowrap}.q{color:#37404d}.q li{margin:0 0 2px}ul{margin:0;padding-left:18px}
.note{color:#5b6472;font-size:13px;margin:8px 0 0}.up{color:#2f9e6a}.down{color:#c0462f}
`;

const percent = (v: number) => `${Math.round(v * 100)}%`;

function shortDate(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleString("en", { month: "short", timeZone: "UTC" })} ${d.getUTCDate()}`;
}

/** The insights as a self-contained page: inline CSS and SVG, no script. */
export function renderInsightsHtml(insights: CourseInsights, courseTitle: string): string {
  const t = insights.totals;
  const weeks = insights.feedback.buckets.map((b) => shortDate(b.start));
  const topicBars = horizontalBars(
    insights.topics.map((topic) => ({
      label: topic.label,
      value: topic.count,
      note: `${topic.count} · ${percent(topic.share)}`,
    })),
    { title: "Most asked topics" },
  );
  const termBars = horizontalBars(
    insights.terms
      .slice(0, 12)
      .map((term) => ({ label: term.term, value: term.count, note: String(term.count) })),
    { title: "Words students use most" },
  );
  const feedbackLine = lineChart(
    insights.feedback.buckets.map((b, i) => ({ label: weeks[i] as string, value: b.upRatio })),
    {
      title: "Share of thumbs-up per week",
      max: 1,
      format: percent,
      counts: insights.feedback.buckets.map((b) => (b.up + b.down > 0 ? `${b.up}↑ ${b.down}↓` : "")),
    },
  );
  // Drift rarely nears 1: scale to the largest week (in quarters) so small shifts stay visible.
  const largestDrift = Math.max(0, ...insights.drift.weeks.map((w) => w.drift ?? 0));
  const driftColumns = columns(
    insights.drift.weeks.map((w) => ({ label: shortDate(w.start), value: w.drift })),
    {
      title: "Topic drift from the week before",
      max: Math.max(0.25, Math.ceil(largestDrift * 4) / 4),
      format: (v) => v.toFixed(2),
    },
  );
  const gapRows = insights.gaps
    .map(
      (gap) =>
        `<tr><td class="count">${gap.count}</td><td><b>${escapeHtml(gap.label)}</b><ul class="q">${gap.examples
          .map((q) => `<li>${escapeHtml(q)}</li>`)
          .join("")}</ul></td><td>${gap.nearestSections
          .map((s) => escapeHtml(s.heading && s.heading !== s.title ? `${s.title} › ${s.heading}` : s.title))
          .join("<br>")}</td><td>${escapeHtml(shortDate(gap.lastAsked))}</td></tr>`,
    )
    .join("");
  const latest = insights.drift.latest;
  const shiftList = (items: { label: string; before: number; after: number }[], cls: string) =>
    items.length === 0
      ? '<p class="note">None.</p>'
      : `<ul>${items
          .map(
            (s) =>
              `<li>${escapeHtml(s.label)} <span class="${cls}">${percent(s.before)} → ${percent(s.after)}</span></li>`,
          )
          .join("")}</ul>`;
  const latestBlock = latest
    ? `<p class="note">Week of ${escapeHtml(shortDate(latest.to))} against week of ${escapeHtml(shortDate(latest.from))}: drift ${latest.score === null ? "n/a" : latest.score.toFixed(2)}.</p>
<table><tr><th>Rising</th><th>Falling</th></tr><tr><td>${shiftList(latest.rising, "up")}</td><td>${shiftList(latest.falling, "down")}</td></tr></table>
${latest.newTerms.length > 0 ? `<p class="note">New this week: ${latest.newTerms.map(escapeHtml).join(", ")}</p>` : ""}`
    : `<p class="note">Needs two weeks with questions.</p>`;
  const overall = insights.feedback.overall;

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Insights · ${escapeHtml(courseTitle || insights.course)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(courseTitle || insights.course)}: what students ask</h1>
<p class="sub">Course <code>${escapeHtml(insights.course)}</code> · last ${insights.window.weeks} weeks (${escapeHtml(shortDate(insights.window.from))} – ${escapeHtml(shortDate(insights.window.to))}) · generated ${escapeHtml(new Date(insights.generatedAt).toISOString().slice(0, 16).replace("T", " "))} UTC</p>
<div class="tiles">
<div class="tile"><b>${t.questions}</b>questions</div>
<div class="tile"><b>${t.answered}</b>answered</div>
<div class="tile"><b>${t.no_answer}</b>not in the material</div>
<div class="tile"><b>${t.refused}</b>refused</div>
<div class="tile"><b>${overall.upRatio === null ? "–" : percent(overall.upRatio)}</b>thumbs up (${overall.up}↑ ${overall.down}↓)</div>
</div>
<section><h2>Most asked topics</h2>${topicBars}<p class="note">Topic = the course section an answer cited first.</p></section>
<section><h2>Questions the material could not answer</h2>${
    gapRows
      ? `<table><tr><th>Asked</th><th>Gap (similar questions grouped)</th><th>Closest material</th><th>Last</th></tr>${gapRows}</table>`
      : `<p class="note">None in this period.</p>`
  }</section>
<section><h2>Feedback over time</h2>${feedbackLine}</section>
<section><h2>Week-over-week drift</h2>${driftColumns}${latestBlock}</section>
<section><h2>Words students use most</h2>${termBars}</section>
</main></body></html>`;
}
