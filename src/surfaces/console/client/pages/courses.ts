import { ApiFailure, api } from "../api.ts";
import type { PageContext } from "../app.ts";
import { add, field, h, notice, section, table } from "../dom.ts";
import { percent, when } from "../format.ts";
import { courseHref, go } from "../router.ts";
import type { CourseListing } from "../types.ts";

function ingestionCell(course: CourseListing) {
  const run = course.health.lastIngestion;
  if (!run) return h("span", { class: "muted" }, "never");
  const label = run.status === "succeeded" ? "ok" : run.status;
  return h(
    "span",
    {},
    h("span", { class: `pill ${run.status}` }, label),
    " ",
    when(run.finishedAt ?? run.startedAt),
  );
}

function courseRow(course: CourseListing) {
  const f = course.health.feedback;
  return [
    h(
      "a",
      { href: courseHref(course.id) },
      course.title || course.id,
      " ",
      h("span", { class: "course-id" }, course.id),
    ),
    course.role === "ta" ? "TA" : (course.role ?? "–"),
    String(course.chunks),
    ingestionCell(course),
    String(course.health.questionsThisWeek),
    f.up + f.down > 0
      ? `${percent(f.downShare)} of ${f.up + f.down}`
      : h("span", { class: "muted" }, "no ratings"),
  ];
}

const HEADERS = [
  "Course",
  "Your role",
  "Chunks",
  "Last ingestion",
  "Questions this week",
  "Thumbs down (30 days)",
];

/** Every course the viewer may see, with its health; admins create courses here. */
export async function coursesPage(ctx: PageContext): Promise<void> {
  const { courses } = await api<{ courses: CourseListing[] }>("GET", "/admin/courses");
  const live = courses.filter((c) => !c.archived);
  const archived = courses.filter((c) => c.archived);
  add(
    ctx.main,
    h("h1", { tabindex: "-1" }, "Courses"),
    live.length === 0 && !ctx.session.user.admin
      ? notice(
          "info",
          "You are not on the staff of any course yet. Ask an admin or instructor for an invite.",
        )
      : null,
    section("Your courses", table("Your courses", HEADERS, live.map(courseRow), { hideCaption: true })),
    archived.length > 0
      ? section(
          "Archived courses",
          table("Archived courses", HEADERS, archived.map(courseRow), { hideCaption: true }),
        )
      : null,
    ctx.session.user.admin ? createCourseForm(ctx) : null,
  );
}

function createCourseForm(ctx: PageContext): HTMLElement {
  const id = h("input", {
    type: "text",
    name: "id",
    required: true,
    pattern: "[A-Za-z0-9][A-Za-z0-9_.\\-]*",
    maxlength: 64,
    spellcheck: "false",
  });
  const title = h("input", { type: "text", name: "title", maxlength: 200 });
  const message = h("div", { class: "form-message" });
  const form = h(
    "form",
    { class: "inline-form" },
    field(
      "Course id",
      id,
      "Letters, digits, '.', '_' and '-'; it appears in URLs and the widget's data-course.",
    ),
    field("Title", title),
    h("button", { type: "submit", class: "primary" }, "Create course"),
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      await api("POST", "/admin/courses", { id: id.value.trim(), title: title.value.trim() });
      ctx.announce(`Course ${id.value} created.`);
      go(courseHref(id.value.trim(), "material"));
    } catch (error) {
      add(message, notice("error", error instanceof ApiFailure ? error.message : String(error)));
    }
  });
  return section("New course", form);
}
