import { ApiFailure, api } from "../api.ts";
import type { PageContext } from "../app.ts";
import { add, checkbox, field, h, notice, section } from "../dom.ts";
import { go } from "../router.ts";
import type { SettingsReply } from "../types.ts";
import { releaseEditor } from "./releases.ts";

const lines = (text: string) =>
  text
    .split(/[\n,]+/)
    .map((line) => line.trim())
    .filter(Boolean);

const RULE_WORDS: Record<string, string> = {
  "input.size": "Refuse overlong or garbled messages",
  "input.pii": "Redact personal data (emails, phone numbers, student ids…)",
  "input.injection": "Refuse prompt injection",
  "input.wellbeing": "Answer students in distress with support resources",
  "input.abuse": "Refuse abuse",
  "input.academic_integrity": "Turn requests for graded work into hints",
  "input.off_topic": "Redirect questions far from the course",
  "output.prompt_leak": "Never reveal the tutor's instructions",
  "output.citations": "Drop citations that point nowhere",
  "output.grounding": "Drop statements the material does not support",
  "output.pii": "Redact personal data in answers",
};

/** Everything about a course that instructors decide, then archiving or deleting it. */
export async function settingsPage(ctx: PageContext): Promise<void> {
  const course = ctx.course!.id;
  const path = `/admin/courses/${encodeURIComponent(course)}`;
  const { settings, effective } = await api<SettingsReply>("GET", `${path}/settings`);
  const title = h("input", { type: "text", value: settings.title, maxlength: 200 });
  const ownOrigins = checkbox(
    "This course lists its own pages (otherwise WIDGET_ALLOWED_ORIGINS applies)",
    settings.allowedOrigins !== null,
  );
  const origins = h("textarea", { rows: 3, spellcheck: "false", class: "mono" });
  origins.value = (settings.allowedOrigins ?? []).join("\n");
  const channels = h("textarea", { rows: 2, spellcheck: "false", class: "mono" });
  channels.value = settings.slack.channels.join("\n");
  const teams = h("input", {
    type: "text",
    value: settings.slack.teams.join(", "),
    spellcheck: "false",
    class: "mono",
  });
  const releases = releaseEditor(settings.releases, effective.visibleWeek);
  const mode = h(
    "select",
    {},
    ["explain", "hint", "quiz"].map((m) =>
      h("option", { value: m, selected: m === settings.defaultMode }, m),
    ),
  );
  const llm = checkbox("An LLM writes this course's answers", settings.llm, {
    disabled: !effective.llmAvailable,
  });
  const guard = settings.guard as Record<string, { enabled?: boolean; gradedQuestions?: string[] }>;
  const rules = effective.guardRules.map((rule) => ({
    rule,
    ...checkbox(RULE_WORDS[rule] ?? rule, guard[rule]?.enabled !== false),
  }));
  const graded = h("textarea", { rows: 4 });
  graded.value = (guard["input.academic_integrity"]?.gradedQuestions ?? []).join("\n\n");
  const message = h("div", { class: "form-message" });

  const form = h(
    "form",
    { class: "stack settings" },
    section("General", field("Title", title)),
    section(
      "Widget",
      ownOrigins.row,
      field(
        "Pages that may embed the widget",
        origins,
        "One origin a line, such as https://lms.example.edu.",
      ),
    ),
    section(
      "Slack",
      field(
        "Channels",
        channels,
        "Channel ids (C0123ABC), one a line: questions there are about this course.",
      ),
      field("Workspaces", teams, "Workspace ids (T0123ABC) for which this is the default course."),
      effective.slackFromEnvironment.length > 0
        ? h(
            "p",
            { class: "muted" },
            `Also mapped by SLACK_COURSES on the server: ${effective.slackFromEnvironment.join(", ")}.`,
          )
        : null,
    ),
    section("Week release schedule", releases.element),
    section(
      "Answers",
      field(
        "Default mode",
        mode,
        "For questions that do not ask for a mode: explain, hint (nudges, no solutions) or quiz.",
      ),
      llm.row,
      effective.llmAvailable
        ? null
        : h(
            "p",
            { class: "muted" },
            "No LLM is configured on this server (LLM_PROVIDER), so the offline answerer quotes the material.",
          ),
    ),
    section(
      "Guardrails",
      h(
        "fieldset",
        {},
        h("legend", {}, "Rules that run for this course"),
        rules.map((r) => r.row),
      ),
      field(
        "Graded questions",
        graded,
        "Paste the questions of graded assignments, separated by a blank line: students asking them get hints, not answers.",
      ),
    ),
    h("button", { type: "submit", class: "primary" }, "Save settings"),
    message,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const guardRules: Record<string, Record<string, unknown>> = {};
    for (const r of rules) guardRules[r.rule] = { enabled: r.box.checked };
    const questions = graded.value
      .split(/\n\s*\n/)
      .map((q) => q.trim())
      .filter((q) => q.length >= 10);
    guardRules["input.academic_integrity"] = {
      ...guardRules["input.academic_integrity"],
      gradedQuestions: questions,
    };
    try {
      await api("PUT", `${path}/settings`, {
        title: title.value.trim(),
        allowedOrigins: ownOrigins.box.checked ? lines(origins.value) : null,
        slack: { channels: lines(channels.value), teams: lines(teams.value) },
        releases: releases.value(),
        defaultMode: mode.value,
        llm: llm.box.checked,
        guard: guardRules,
      });
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
      "Deleting removes the course and everything in it: material, chunks, conversations, feedback, eval runs and ingestion history. It cannot be undone.",
    ),
    field(`Type ${course} to confirm`, confirmInput),
    remove,
    message,
  );
}
