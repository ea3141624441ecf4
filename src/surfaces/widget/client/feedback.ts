import { isTransient, withRetry } from "./api.ts";
import type { WidgetContext } from "./context.ts";
import { el, ICONS, icon } from "./dom.ts";
import { explainError } from "./errors.ts";
import type { TutorTurn } from "./store.ts";

/**
 * "Helpful? Yes / No" under an answer: sends the rating (retrying network failures), remembers it
 * and tells `onRated` once it is recorded.
 */
export function feedbackBar(
  context: WidgetContext,
  turn: TutorTurn,
  onRated: (rating: "up" | "down") => void = () => {},
): HTMLElement {
  const note = el("span", { class: "ct-feedback-status", role: "status" });
  const bar: HTMLElement = el(
    "div",
    { class: "ct-feedback", role: "group", "aria-label": "Was this answer helpful?" },
    el("span", { class: "ct-feedback-label", "aria-hidden": "true" }, "Helpful?"),
    voteButton(context, turn, "up", "Yes", note, (): HTMLElement => bar, onRated),
    voteButton(context, turn, "down", "No", note, (): HTMLElement => bar, onRated),
    note,
  );
  return bar;
}

function voteButton(
  context: WidgetContext,
  turn: TutorTurn,
  rating: "up" | "down",
  label: string,
  note: HTMLElement,
  bar: () => HTMLElement,
  onRated: (rating: "up" | "down") => void,
): HTMLButtonElement {
  const { options, session } = context;
  const button = el(
    "button",
    {
      type: "button",
      class: "ct-vote",
      "data-rating": rating,
      "aria-pressed": String(turn.feedback === rating),
    },
    icon(ICONS.thumb, rating === "down" ? "rotate(180 12 12)" : undefined),
    label,
  );
  button.addEventListener("click", async () => {
    if (!turn.messageId || !session.state.sessionId) return;
    note.textContent = "Sending…";
    try {
      await withRetry(
        () =>
          options.client.feedback({
            course: options.course,
            sessionId: session.state.sessionId ?? "",
            messageId: turn.messageId ?? "",
            rating,
          }),
        { delays: context.retryDelays, shouldRetry: isTransient },
      );
      turn.feedback = rating;
      context.save();
      bar()
        .querySelectorAll<HTMLButtonElement>(".ct-vote")
        .forEach((other) => {
          other.setAttribute("aria-pressed", String(other.dataset.rating === rating));
        });
      note.textContent = "Thanks for the feedback!";
      onRated(rating);
    } catch (error) {
      note.textContent = `Feedback not sent: ${explainError(error)}`;
    }
  });
  return button;
}
