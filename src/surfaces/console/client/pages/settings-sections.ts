import { checkbox, field, h, section } from "../dom.ts";
import type { SettingsReply } from "../types.ts";

/** One part of the settings form: its section, and the change it makes when saved. */
export interface SettingsSection {
  element: HTMLElement;
  value: () => Record<string, unknown>;
}

type Settings = SettingsReply["settings"];
type Effective = SettingsReply["effective"];

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

export function generalSection(settings: Settings): SettingsSection {
  const title = h("input", { type: "text", value: settings.title, maxlength: 200 });
  return { element: section("General", field("Title", title)), value: () => ({ title: title.value.trim() }) };
}

export function widgetSection(settings: Settings): SettingsSection {
  const own = checkbox(
    "This course lists its own pages (otherwise WIDGET_ALLOWED_ORIGINS applies)",
    settings.allowedOrigins !== null,
  );
  const origins = h("textarea", { rows: 3, spellcheck: "false", class: "mono" });
  origins.value = (settings.allowedOrigins ?? []).join("\n");
  const hint = "One origin a line, such as https://lms.example.edu.";
  return {
    element: section("Widget", own.row, field("Pages that may embed the widget", origins, hint)),
    value: () => ({ allowedOrigins: own.box.checked ? lines(origins.value) : null }),
  };
}

export function slackSection(settings: Settings, effective: Effective): SettingsSection {
  const channels = h("textarea", { rows: 2, spellcheck: "false", class: "mono" });
  channels.value = settings.slack.channels.join("\n");
  const teams = h("input", { type: "text", value: settings.slack.teams.join(", "), spellcheck: "false" });
  const fromEnvironment = effective.slackFromEnvironment;
  const element = section(
    "Slack",
    field("Channels", channels, "Channel ids (C0123ABC), one a line: questions there are about this course."),
    field("Workspaces", teams, "Workspace ids (T0123ABC) for which this is the default course."),
    fromEnvironment.length > 0
      ? h(
          "p",
          { class: "muted" },
          `Also mapped by SLACK_COURSES on the server: ${fromEnvironment.join(", ")}.`,
        )
      : null,
  );
  return {
    element,
    value: () => ({ slack: { channels: lines(channels.value), teams: lines(teams.value) } }),
  };
}

export function answersSection(settings: Settings, effective: Effective): SettingsSection {
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
  const modeHint = "For questions that do not ask for a mode: explain, hint (nudges, no solutions) or quiz.";
  const noLlm =
    "No LLM is configured on this server (LLM_PROVIDER), so the offline answerer quotes the material.";
  return {
    element: section(
      "Answers",
      field("Default mode", mode, modeHint),
      llm.row,
      effective.llmAvailable ? null : h("p", { class: "muted" }, noLlm),
    ),
    value: () => ({ defaultMode: mode.value, llm: llm.box.checked }),
  };
}

/** Which guard rules run, and the graded questions that get hints instead of answers. */
export function guardSection(settings: Settings, effective: Effective): SettingsSection {
  const guard = settings.guard as Record<string, { enabled?: boolean; gradedQuestions?: string[] }>;
  const rules = effective.guardRules.map((rule) => ({
    rule,
    ...checkbox(RULE_WORDS[rule] ?? rule, guard[rule]?.enabled !== false),
  }));
  const graded = h("textarea", { rows: 4 });
  graded.value = (guard["input.academic_integrity"]?.gradedQuestions ?? []).join("\n\n");
  const gradedHint =
    "Paste the questions of graded assignments, separated by a blank line: students asking them get hints.";
  const element = section(
    "Guardrails",
    h(
      "fieldset",
      {},
      h("legend", {}, "Rules that run for this course"),
      rules.map((r) => r.row),
    ),
    field("Graded questions", graded, gradedHint),
  );
  const value = () => {
    const overrides: Record<string, Record<string, unknown>> = {};
    for (const r of rules) overrides[r.rule] = { enabled: r.box.checked };
    const gradedQuestions = graded.value
      .split(/\n\s*\n/)
      .map((q) => q.trim())
      .filter((q) => q.length >= 10);
    overrides["input.academic_integrity"] = { ...overrides["input.academic_integrity"], gradedQuestions };
    return { guard: overrides };
  };
  return { element, value };
}
