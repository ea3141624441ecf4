import type { WidgetContext } from "./context.ts";
import { append, el } from "./dom.ts";
import { explainError } from "./errors.ts";
import { escalationControls, staffMessage } from "./escalation.ts";
import { feedbackBar } from "./feedback.ts";
import type { WidgetCitation } from "./protocol.ts";
import { renderMarkdown } from "./render.ts";
import type { TutorTurn, UserTurn } from "./store.ts";

/** The conversation log: the saved turns, each question as a bubble and each answer with its sources. */
export function renderTranscript(context: WidgetContext): void {
  const { log } = context.parts;
  log.replaceChildren();
  if (context.session.state.turns.length === 0) {
    log.appendChild(
      el(
        "p",
        { class: "ct-empty" },
        "Ask a question about the course. Answers quote the course material and cite it.",
      ),
    );
  }
  for (const turn of context.session.state.turns) {
    log.appendChild(
      turn.role === "user"
        ? userBubble(turn)
        : turn.role === "staff"
          ? staffMessage(context, turn)
          : tutorMessage(context, turn),
    );
  }
  log.scrollTop = log.scrollHeight;
}

export function userBubble(turn: UserTurn): HTMLElement {
  return el("div", { class: "ct-msg ct-user" }, el("span", { class: "sr-only" }, "You: "), turn.text);
}

/** A finished answer: its notice, the answer text, its sources and (when it can be rated) feedback. */
export function tutorMessage(context: WidgetContext, turn: TutorTurn): HTMLElement {
  const article = el("article", {
    class: "ct-msg ct-tutor",
    "data-status": turn.status,
    "data-state": "done",
    "aria-label": "Tutor's answer",
    ...(turn.messageId ? { "data-message-id": turn.messageId } : {}),
  });
  const body = el("div", { class: "ct-body" });
  const sourcesId = context.uid("ct-sources");
  const sources = sourceList(context, turn.citations, turn.status, sourcesId);
  const highlight = (n: number) => {
    const item = sources?.querySelector<HTMLElement>(`[data-n="${n}"]`);
    if (!item) return;
    sources?.querySelectorAll(".ct-highlight").forEach((other) => {
      other.classList.remove("ct-highlight");
    });
    item.classList.add("ct-highlight");
    item.focus();
  };
  body.appendChild(
    renderMarkdown(turn.text, {
      citations: new Set(turn.citations.map((c) => c.n)),
      onCite: highlight,
      resolveHref: context.resolveHref,
    }),
  );
  append(article, el("span", { class: "sr-only" }, "Tutor: "), noticeFor(turn), body, sources);
  if (turn.status !== "refused" && turn.messageId) {
    // A 👎 offers the staff too, under the feedback bar.
    const offerStaff = () => {
      if (!article.querySelector(".ct-escalation")) article.appendChild(escalationControls(context, turn));
    };
    article.appendChild(feedbackBar(context, turn, (rating) => rating === "down" && offerStaff()));
    if (turn.status === "no_answer" || turn.feedback === "down" || turn.escalation) offerStaff();
  }
  return article;
}

const NO_ANSWER_NOTICE = "I couldn't find this in the course material.";

/** Letters and digits only, lower-cased: how two wordings are compared. */
const wording = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * The status line above an answer. Left out when the answer already opens with the same words
 * ("I couldn't find this in the course material, and …"): the student would read it twice.
 */
function noticeFor(turn: TutorTurn): HTMLElement | undefined {
  const notice = noticeText(turn);
  if (!notice || wording(turn.text).startsWith(wording(notice.text))) return undefined;
  return el("p", { class: notice.className }, notice.text);
}

function noticeText(turn: TutorTurn): { className: string; text: string } | undefined {
  if (turn.status === "no_answer")
    return { className: "ct-notice ct-notice-no-answer", text: NO_ANSWER_NOTICE };
  if (turn.status !== "refused") return undefined;
  // A refusal that cites the material is the Socratic reply to a graded-work request.
  const text =
    turn.rule === "input.wellbeing"
      ? "You don't have to handle this alone."
      : turn.citations.length > 0
        ? "I can't do graded work for you, but here is a hint to work it out yourself."
        : "Sorry, I can't help with that one.";
  return { className: "ct-notice ct-notice-refused", text };
}

function sourceList(
  context: WidgetContext,
  citations: readonly WidgetCitation[],
  status: TutorTurn["status"],
  id: string,
): HTMLElement | undefined {
  if (citations.length === 0) return undefined;
  const list = el("ol");
  for (const citation of citations) {
    const href = citation.url ? context.resolveHref(citation.url) : undefined;
    const title = el("span", { class: "ct-source-title" }, citation.title || citation.source);
    const label = href ? sourceLink(citation, href) : title;
    list.appendChild(
      el(
        "li",
        { class: "ct-source", "data-n": String(citation.n), tabindex: "-1" },
        el("span", { class: "ct-source-n" }, `${citation.n}.`),
        label,
        citation.heading && citation.heading !== citation.title
          ? el("span", { class: "ct-source-heading" }, citation.heading)
          : undefined,
        citation.snippet ? el("p", { class: "ct-snippet" }, citation.snippet) : undefined,
      ),
    );
  }
  const heading = status === "no_answer" ? "Closest sections" : "Sources";
  return el("section", { class: "ct-sources", "aria-labelledby": id }, el("h3", { id }, heading), list);
}

function sourceLink(citation: WidgetCitation, href: string): HTMLAnchorElement {
  const where = `${citation.title}${citation.heading ? `, ${citation.heading}` : ""}`;
  return el(
    "a",
    {
      class: "ct-source-link",
      href,
      target: "_blank",
      rel: "noopener noreferrer",
      "aria-label": `Open source ${citation.n}: ${where} (opens in a new tab)`,
    },
    citation.title || citation.source,
  );
}

/** The placeholder an answer streams into. */
export function pendingMessage(): { article: HTMLElement; body: HTMLElement } {
  const article = el("article", {
    class: "ct-msg ct-tutor",
    "data-state": "pending",
    "aria-busy": "true",
    "aria-label": "Tutor's answer",
  });
  const body = el(
    "div",
    { class: "ct-body" },
    el("p", { class: "ct-typing" }, "Looking through the course…"),
  );
  append(article, el("span", { class: "sr-only" }, "Tutor: "), body);
  return { article, body };
}

/** A failed answer: what went wrong and a Retry button. */
export function failedAnswer(error: unknown, onRetry: (message: HTMLElement) => void): HTMLElement {
  const retry = el("button", { type: "button", class: "ct-retry" }, "Retry");
  const message = el(
    "article",
    { class: "ct-msg ct-tutor", "data-state": "error", "aria-label": "Tutor's answer" },
    el("p", { class: "ct-notice ct-notice-error", role: "alert" }, explainError(error)),
    retry,
  );
  retry.addEventListener("click", () => onRetry(message));
  return message;
}
