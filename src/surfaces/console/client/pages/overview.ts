import { api } from "../api.ts";
import type { PageContext } from "../app.ts";
import { add, h, notice, section, table } from "../dom.ts";
import { bytes, ms, percent, when } from "../format.ts";
import { courseHref } from "../router.ts";
import type { CourseStats, IngestionRun } from "../types.ts";

function tile(value: string | number, label: string): HTMLElement {
  return h("div", { class: "tile" }, h("strong", {}, String(value)), h("span", {}, label));
}

/** The course at a glance: the last 30 days of student questions, feedback, guardrails and material. */
export async function overviewPage(ctx: PageContext): Promise<void> {
  const course = ctx.course!.id;
  const stats = await api<CourseStats & { lastIngestion: IngestionRun | null }>(
    "GET",
    `/admin/courses/${encodeURIComponent(course)}/stats?days=30`,
  );
  const conv = stats.conversations;
  const staff = Object.entries(conv.staffSurfaces ?? {});
  const run = stats.lastIngestion;
  add(
    ctx.main,
    section(
      "Last 30 days",
      h(
        "div",
        { class: "tiles" },
        tile(conv.questions, "student questions"),
        tile(conv.byStatus.answered, "answered"),
        tile(conv.byStatus.no_answer, "not in the material"),
        tile(conv.byStatus.refused, "refused"),
        tile(
          percent(stats.feedback.upRatio),
          `thumbs up (${stats.feedback.up} up, ${stats.feedback.down} down)`,
        ),
        tile(ms(conv.latencyMs.p50), "typical answer time"),
      ),
      h(
        "p",
        { class: "muted" },
        "Counted from students' surfaces: ",
        Object.entries(conv.bySurface)
          .map(([s, n]) => `${s} ${n}`)
          .join(", ") || "none yet",
        staff.length > 0
          ? `. Staff questions left out: ${staff.map(([s, n]) => `${s} ${n}`).join(", ")}.`
          : ".",
      ),
    ),
    section(
      "Material",
      h(
        "p",
        {},
        `${stats.material.documents} documents in ${stats.material.chunks} chunks; `,
        `${stats.material.uploadedFiles} uploaded files (${bytes(stats.material.uploadedBytes)}). `,
        h("a", { href: courseHref(course, "material") }, "Manage material"),
      ),
      run
        ? h(
            "p",
            {},
            `Last ingestion: ${run.status} (${run.trigger}), ${when(run.finishedAt ?? run.startedAt)}.`,
          )
        : notice("info", "Nothing ingested yet: upload the course's files under Material."),
    ),
    section(
      "Guardrails that acted",
      table(
        "Guardrail hits, last 30 days",
        ["Rule", "Questions"],
        stats.guardrails.map((g) => [g.rule, String(g.count)]),
        { hideCaption: true },
      ),
    ),
  );
}
