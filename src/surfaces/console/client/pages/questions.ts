import { ApiFailure, api } from "../api.ts";
import { canManage, type PageContext } from "../app.ts";
import { add, checkbox, field, fill, h, notice, section, table } from "../dom.ts";
import { percent, plural, when } from "../format.ts";
import type { CourseStats, EscalationSettings, GroupView, StaffAnswerView } from "../types.ts";
import { questionCard } from "./question-card.ts";

type Status = "open" | "answered" | "dismissed";

const STATUS_LABELS: Record<Status, string> = { open: "Open", answered: "Answered", dismissed: "Dismissed" };
const EMPTY: Record<Status, string> = {
  open: "No student is waiting for the staff. Questions the tutor could not answer appear here when sent.",
  answered: "No question has been answered yet.",
  dismissed: "No question has been dismissed.",
};

function failure(error: unknown): string {
  return error instanceof ApiFailure ? error.message : String(error);
}

/**
 * "Questions for staff": the course's queue of questions students sent to the teaching staff,
 * similar ones grouped so one answer reaches every student who asked; the staff answers the tutor
 * now cites; and, for instructors, the queue's settings. TAs answer here too.
 */
export async function questionsPage(ctx: PageContext): Promise<void> {
  const base = `/admin/courses/${encodeURIComponent(ctx.course!.id)}`;
  const list = h("div", { class: "stack", "data-slot": "escalations", "aria-live": "polite" });
  const material = h("div", { "data-slot": "staff-answers" });
  const figures = h("div", { class: "tiles", "data-slot": "escalation-figures" });
  let status: Status = "open";
  const filters = (Object.keys(STATUS_LABELS) as Status[]).map((s) =>
    h(
      "button",
      { type: "button", "aria-pressed": s === status ? "true" : "false", onclick: () => void show(s) },
      STATUS_LABELS[s],
    ),
  );
  const reloadMaterial = () => {
    void loadStaffAnswers(ctx, base, material);
    void loadFigures(base, figures);
  };
  const show = async (next: Status) => {
    status = next;
    filters.forEach((button, i) => {
      button.setAttribute("aria-pressed", Object.keys(STATUS_LABELS)[i] === next ? "true" : "false");
    });
    const { escalations } = await api<{ escalations: GroupView[] }>(
      "GET",
      `${base}/escalations?status=${next}`,
    );
    const done = (message: string) => {
      ctx.announce(message);
      void show(status);
      reloadMaterial();
    };
    fill(
      list,
      escalations.length === 0
        ? notice("info", EMPTY[next])
        : escalations.map((group) => questionCard(group, answerForm(base, group, done))),
    );
  };
  add(
    ctx.main,
    section(
      "Questions for staff",
      h(
        "p",
        { class: "muted" },
        "Questions students sent to the teaching staff, grouped when they ask the same thing: one answer ",
        "reaches every student in the group, in the chat or Slack thread where they asked.",
      ),
      figures,
      h("div", { class: "row", role: "group", "aria-label": "Show questions" }, filters),
      list,
    ),
    section("Staff answers in the course material", material),
    canManage(ctx.course) ? settingsSection(ctx, base) : null,
  );
  await Promise.all([show("open"), loadStaffAnswers(ctx, base, material), loadFigures(base, figures)]);
}

/** The last 30 days of the queue: how many questions, how many answered, how fast. */
async function loadFigures(base: string, area: HTMLElement): Promise<void> {
  const { escalations: e } = await api<CourseStats>("GET", `${base}/stats?days=30`);
  const median = e.medianMinutesToAnswer === null ? "–" : `${Math.round(e.medianMinutesToAnswer)} min`;
  const tiles: [string | number, string][] = [
    [e.total, "sent to the staff in 30 days"],
    [percent(e.answeredShare), `answered (${e.answered})`],
    [median, "median time to an answer"],
    [e.answeredFromStaffMaterial, "later questions answered from staff answers"],
  ];
  fill(
    area,
    tiles.map(([value, label]) =>
      h("div", { class: "tile" }, h("strong", {}, String(value)), h("span", {}, label)),
    ),
  );
}

/** Answering a group (optionally into the course material) or dismissing it. */
function answerForm(base: string, group: GroupView, done: (message: string) => void): HTMLElement {
  const asked = group.members.length;
  const text = h("textarea", { rows: 5, required: true, maxlength: 8000 });
  const teach = checkbox("Add to the course material, so the tutor answers it from now on", false);
  const reason = h("input", { type: "text", maxlength: 500 });
  const message = h("div", { class: "form-message" });
  const path = `${base}/escalations/${encodeURIComponent(group.id)}`;
  const act = async (work: () => Promise<string>) => {
    message.replaceChildren();
    try {
      done(await work());
    } catch (error) {
      fill(message, notice("error", failure(error)));
    }
  };
  const form = h(
    "form",
    { class: "stack answer-form" },
    field(
      `Answer for ${plural(asked, "student")}`,
      text,
      "Students see it as an answer from the teaching staff.",
    ),
    teach.row,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Send answer")),
    h(
      "div",
      { class: "row dismiss-row" },
      field("Reason to dismiss (optional)", reason, "Dismissing closes the question without an answer."),
      h(
        "button",
        {
          type: "button",
          onclick: () =>
            void act(async () => {
              await api(
                "POST",
                `${path}/dismiss`,
                reason.value.trim() ? { reason: reason.value.trim() } : {},
              );
              return "Question dismissed.";
            }),
        },
        "Dismiss",
      ),
    ),
    message,
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void act(async () => {
      const reply = await api<{ materialError?: string }>("POST", `${path}/answer`, {
        answer: text.value.trim(),
        addToMaterial: teach.box.checked,
      });
      const sent = `Answer sent to ${plural(asked, "student")}.`;
      return reply.materialError
        ? `${sent} It could not be added to the material: ${reply.materialError}`
        : sent;
    });
  });
  return form;
}

/** The staff answers the tutor cites, each retired (out of the index at once) with one click. */
async function loadStaffAnswers(ctx: PageContext, base: string, area: HTMLElement): Promise<void> {
  const { staffAnswers } = await api<{ staffAnswers: StaffAnswerView[] }>("GET", `${base}/staff-answers`);
  const retire = async (entry: StaffAnswerView) => {
    await api("DELETE", `${base}/staff-answers/${encodeURIComponent(entry.id)}`);
    ctx.announce("Removed from the course material.");
    await loadStaffAnswers(ctx, base, area);
  };
  fill(
    area,
    table(
      "Staff answers the tutor cites as “Answered by the teaching staff”",
      ["Question", "Answer", "Answered by", "Updated", ""],
      staffAnswers.map((entry) => [
        entry.question,
        entry.answer,
        entry.answeredBy,
        when(entry.updatedAt),
        h(
          "button",
          {
            type: "button",
            class: "link",
            "aria-label": `Remove the staff answer to “${entry.question}” from the material`,
            onclick: () => void retire(entry),
          },
          "Remove",
        ),
      ]),
    ),
  );
}

/** Instructors' settings of the queue: auto-escalation, the staff Slack channel, names or pseudonyms. */
function settingsSection(ctx: PageContext, base: string): HTMLElement {
  const auto = checkbox("Send every question the tutor cannot answer to the staff", false);
  const names = checkbox("Show staff the Slack names of students (otherwise a pseudonym)", false);
  const channel = h("input", { type: "text", placeholder: "C0123ABCD", class: "mono" });
  const message = h("div", { class: "form-message" });
  const form = h(
    "form",
    { class: "stack" },
    auto.row,
    field("Staff Slack channel", channel, "New questions are posted there with Answer and Dismiss buttons."),
    names.row,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Save queue settings")),
    message,
  );
  void api<{ settings: EscalationSettings }>("GET", `${base}/escalation-settings`).then(({ settings }) => {
    auto.box.checked = settings.autoEscalate;
    names.box.checked = settings.showStudentNames;
    channel.value = settings.staffSlackChannel ?? "";
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.replaceChildren();
    try {
      await api("PUT", `${base}/escalation-settings`, {
        autoEscalate: auto.box.checked,
        staffSlackChannel: channel.value.trim() || null,
        showStudentNames: names.box.checked,
      });
      ctx.announce("Queue settings saved.");
      fill(message, notice("ok", "Saved."));
    } catch (error) {
      fill(message, notice("error", failure(error)));
    }
  });
  return section("Queue settings", form);
}
