import { ApiFailure, api } from "../api.ts";
import type { PageContext } from "../app.ts";
import { add, field, h, notice, section } from "../dom.ts";
import { go } from "../router.ts";
import type { SettingsReply } from "../types.ts";
import { releaseEditor } from "./releases.ts";
import {
  answersSection,
  generalSection,
  guardSection,
  type SettingsSection,
  slackSection,
  widgetSection,
} from "./settings-sections.ts";

/** Everything about a course that instructors decide, then archiving or deleting it. */
export async function settingsPage(ctx: PageContext): Promise<void> {
  const course = ctx.course!.id;
  const path = `/admin/courses/${encodeURIComponent(course)}`;
  const { settings, effective } = await api<SettingsReply>("GET", `${path}/settings`);
  const releases = releaseEditor(settings.releases, effective.visibleWeek);
  const sections: SettingsSection[] = [
    generalSection(settings),
    widgetSection(settings),
    slackSection(settings, effective),
    {
      element: section("Week release schedule", releases.element),
      value: () => ({ releases: releases.value() }),
    },
    answersSection(settings, effective),
    guardSection(settings, effective),
  ];
  const message = h("div", { class: "form-message" });
  const form = h(
    "form",
    { class: "stack settings" },
    sections.map((s) => s.element),
    h("button", { type: "submit", class: "primary" }, "Save settings"),
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      await api("PUT", `${path}/settings`, Object.assign({}, ...sections.map((s) => s.value())));
      add(message, notice("ok", "Settings saved."));
      ctx.announce("Settings saved.");
    } catch (error) {
      add(message, notice("error", error instanceof ApiFailure ? error.message : String(error)));
    }
  });
  add(ctx.main, form, dangerZone(ctx, path, course));
}

function dangerZone(ctx: PageContext, path: string, course: string): HTMLElement {
  const archived = ctx.course?.archived ?? false;
  const confirmInput = h("input", { type: "text", spellcheck: "false", autocomplete: "off" });
  const remove = h("button", { type: "button", class: "danger", disabled: true }, "Delete this course");
  const message = h("div", { class: "form-message" });
  confirmInput.addEventListener("input", () => {
    remove.disabled = confirmInput.value.trim() !== course;
  });
  remove.addEventListener("click", async () => {
    try {
      await api("DELETE", `${path}?confirm=${encodeURIComponent(course)}`);
      ctx.announce(`Course ${course} deleted.`);
      go("#/");
    } catch (error) {
      add(message, notice("error", error instanceof ApiFailure ? error.message : String(error)));
    }
  });
  const archive = h("button", { type: "button" }, archived ? "Restore this course" : "Archive this course");
  archive.addEventListener("click", async () => {
    await api("POST", `${path}/archive`, { archived: !archived });
    ctx.announce(archived ? "Course restored." : "Course archived.");
    ctx.refresh();
  });
  return section(
    "Archive or delete",
    h("p", {}, "An archived course keeps its data but answers no student; you can restore it."),
    archive,
    h(
      "p",
      {},
      "Deleting removes the course and everything in it: material, chunks, conversations, feedback, ",
      "eval runs and ingestion history. It cannot be undone.",
    ),
    field(`Type ${course} to confirm`, confirmInput),
    remove,
    message,
  );
}
