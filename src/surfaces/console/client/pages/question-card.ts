import type { Child } from "../dom.ts";
import { h, uid } from "../dom.ts";
import { plural, when } from "../format.ts";
import type { EscalationView, GroupView } from "../types.ts";

const ORIGINS: Record<string, string> = {
  widget: "the course page",
  slack: "Slack",
  api: "the API",
  auto: "sent on its own (no answer)",
};

/** Who asked, as staff may see them: a per-course pseudonym unless the course shows names. */
function who(member: EscalationView): string {
  return member.student.slackUserId ? `Slack user ${member.student.slackUserId}` : member.student.pseudonym;
}

/** The tutor's reply and what it retrieved, folded away: staff open it when they need it. */
function tutorReply(group: GroupView): HTMLElement {
  return h(
    "details",
    {},
    h("summary", {}, "What the tutor replied"),
    h("span", { class: `pill ${group.tutorReply.status}` }, group.tutorReply.status.replace("_", " ")),
    h("p", { class: "answer-text" }, group.tutorReply.text),
    group.retrieved.length > 0
      ? h(
          "ul",
          { class: "retrieved" },
          group.retrieved.map((r) =>
            h("li", {}, `[${r.n}] ${r.title}${r.heading ? ` › ${r.heading}` : ""} `, h("code", {}, r.source)),
          ),
        )
      : h("p", { class: "muted" }, "Nothing was retrieved."),
  );
}

/** Every student in the group, in their own words, with their notes. */
function askers(group: GroupView): HTMLElement {
  return h(
    "ul",
    { class: "askers" },
    group.members.map((m) =>
      h(
        "li",
        {},
        h("q", {}, m.question),
        h(
          "span",
          { class: "muted" },
          ` — ${who(m)}, ${when(m.createdAt)}, from ${ORIGINS[m.origin] ?? m.origin}`,
        ),
        m.note ? h("p", { class: "note" }, h("strong", {}, "Note: "), m.note) : null,
      ),
    ),
  );
}

/** How a closed group ended: the answer (and whether it became material), or the dismissal. */
function outcome(group: GroupView): Child {
  if (group.answer) {
    const a = group.answer;
    return h(
      "div",
      { class: "staff-answer" },
      h("p", { class: "answer-text" }, a.text),
      h(
        "p",
        { class: "muted" },
        `Answered by ${a.answeredBy.replace(/^console:|^slack:/, "")} (${a.role}), ${when(a.answeredAt)}`,
        a.staffAnswerId ? " · added to the course material" : "",
      ),
    );
  }
  if (group.dismissal) {
    const d = group.dismissal;
    return h(
      "p",
      { class: "muted" },
      `Dismissed by ${d.dismissedBy.replace(/^console:|^slack:/, "")}, ${when(d.dismissedAt)}`,
      d.reason ? `: ${d.reason}` : "",
    );
  }
  return null;
}

/**
 * One group of students asking the same thing: the question, how many asked, each student's words
 * and notes, the tutor's reply, and then `actions` (the answer form) or how it ended.
 */
export function questionCard(group: GroupView, actions: Child): HTMLElement {
  const id = uid("q");
  const asked = group.members.length;
  return h(
    "article",
    { class: "question-card", "aria-labelledby": id, "data-group": group.groupId },
    h("h3", { id }, group.question),
    h(
      "p",
      { class: "asked" },
      h("strong", {}, plural(asked, "student")),
      asked === 1 ? " asked this" : " asked the same thing",
      `, first ${when(group.createdAt)}`,
    ),
    askers(group),
    tutorReply(group),
    group.status === "open" ? actions : outcome(group),
  );
}
