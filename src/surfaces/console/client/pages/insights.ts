import { api } from "../api.ts";
import type { PageContext } from "../app.ts";
import { add, h, notice, section, table } from "../dom.ts";
import { day, percent, when } from "../format.ts";
import type { CourseInsights } from "../types.ts";

function bar(share: number): HTMLElement {
  const meter = h("span", { class: "bar-fill" });
  meter.style.width = `${Math.round(Math.max(0, Math.min(1, share)) * 100)}%`;
  return h("span", { class: "bar", "aria-hidden": "true" }, meter);
}

function tiles(insights: CourseInsights): HTMLElement {
  const t = insights.totals;
  const fb = insights.feedback.overall;
  const figures: [string | number, string][] = [
    [t.questions, "questions"],
    [t.answered, "answered"],
    [t.no_answer, "not in the material"],
    [t.refused, "refused"],
    [percent(fb.upRatio), `thumbs up (${fb.up} up, ${fb.down} down)`],
  ];
  return h(
    "div",
    { class: "tiles" },
    figures.map(([value, label]) =>
      h("div", { class: "tile" }, h("strong", {}, String(value)), h("span", {}, label)),
    ),
  );
}

function byWeek(insights: CourseInsights): HTMLElement {
  const topics = (w: CourseInsights["drift"]["weeks"][number]) =>
    (w.topTopics ?? []).map((topic) => `${topic.label} (${topic.count})`).join("; ") || "–";
  return section(
    "What students ask, week by week",
    table(
      "Questions per week with the week's most asked topics",
      ["Week of", "Questions", "Most asked topics"],
      [...insights.drift.weeks].reverse().map((w) => [day(w.start), String(w.questions), topics(w)]),
      { hideCaption: true },
    ),
  );
}

function topicsAndGaps(insights: CourseInsights): HTMLElement[] {
  return [
    section(
      "Most asked topics",
      table(
        "Topics by the course section an answer cited first",
        ["Topic", "Questions", "Share", "Examples"],
        insights.topics.map((topic) => [
          topic.label,
          String(topic.count),
          h("span", { class: "share" }, bar(topic.share), percent(topic.share)),
          topic.examples.join(" · "),
        ]),
        { hideCaption: true },
      ),
    ),
    section(
      "Questions the material could not answer",
      table(
        "Gaps: similar unanswered questions grouped",
        ["Gap", "Times asked", "Last asked", "Examples", "Closest sections offered"],
        insights.gaps.map((gap) => [
          gap.label,
          String(gap.count),
          when(gap.lastAsked),
          gap.examples.join(" · "),
          gap.nearestSections.map((s) => s.heading || s.title).join(" · "),
        ]),
        { hideCaption: true },
      ),
    ),
  ];
}

function disliked(insights: CourseInsights): HTMLElement {
  if (insights.downvoted.length === 0)
    return section("Answers students disliked", h("p", { class: "muted" }, "No thumbs down in this window."));
  return section(
    "Answers students disliked",
    h(
      "ol",
      { class: "downvotes" },
      insights.downvoted.map((d) =>
        h(
          "li",
          {},
          h("p", { class: "question" }, d.question),
          h("p", { class: "answer-text" }, d.answer),
          d.comment
            ? h("p", { class: "comment" }, h("strong", {}, "Student's comment: "), d.comment)
            : h("p", { class: "muted" }, "No comment."),
          h("p", { class: "muted" }, when(d.createdAt)),
        ),
      ),
    ),
  );
}

/** What students ask by week and topic, what the material could not answer, 👎 answers and guardrail hits. */
export async function insightsPage(ctx: PageContext): Promise<void> {
  const course = encodeURIComponent(ctx.course!.id);
  const insights = await api<CourseInsights>("GET", `/admin/courses/${course}/insights?weeks=8`);
  const printable = h(
    "a",
    { href: `/admin/courses/${course}/insights?format=html`, target: "_blank", rel: "noopener" },
    "Open as a printable page",
  );
  add(
    ctx.main,
    h(
      "p",
      { class: "muted" },
      `Student questions of the last ${insights.window.weeks} weeks `,
      `(${day(insights.window.from)} – ${day(insights.window.to)}); evals and the playground are left out. `,
      printable,
    ),
    tiles(insights),
    insights.totals.questions === 0
      ? notice("info", "No student has asked anything in this window yet.")
      : null,
    byWeek(insights),
    topicsAndGaps(insights),
    disliked(insights),
    section(
      "Guardrail hits",
      table(
        "Questions a guardrail refused or redirected",
        ["Rule", "Questions"],
        insights.guardrails.map((g) => [h("code", {}, g.rule), String(g.count)]),
        { hideCaption: true },
      ),
    ),
  );
}
