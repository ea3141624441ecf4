import { isTransient, withRetry } from "./api.ts";
import type { WidgetContext } from "./context.ts";
import { el } from "./dom.ts";
import { explainError } from "./errors.ts";
import type { TimelineMessage } from "./protocol.ts";
import { renderMarkdown } from "./render.ts";
import type { StaffTurn, TutorTurn } from "./store.ts";

/** A minute between polls for staff answers unless the page asks otherwise (`data-poll-seconds`). */
export const STAFF_POLL_MS = 60_000;

const STATUS_TEXT = {
  open: "Waiting for the teaching staff.",
  answered: "The teaching staff answered below.",
  dismissed: "The teaching staff closed this question without an answer.",
} as const;

/**
 * Under a reply the material could not give (or one rated 👎): "Ask the teaching staff", or once
 * sent, what the student was told and where the question stands.
 */
export function escalationControls(context: WidgetContext, turn: TutorTurn): HTMLElement {
  const box = el("div", { class: "ct-escalation" });
  if (turn.escalation) {
    const { status, message } = turn.escalation;
    // What the student was told matters while they wait; afterwards only the outcome does.
    if (status === "open") box.append(el("p", { class: "ct-escalation-note" }, message));
    box.append(el("p", { class: "ct-escalation-status", "data-status": status }, STATUS_TEXT[status]));
    return box;
  }
  const note = el("span", { class: "ct-escalation-status", role: "status" });
  const button = el("button", { type: "button", class: "ct-escalate" }, "Ask the teaching staff");
  button.addEventListener("click", async () => {
    const sessionId = context.session.state.sessionId;
    if (!turn.messageId || !sessionId) return;
    button.disabled = true;
    note.textContent = "Sending…";
    try {
      const receipt = await withRetry(
        () =>
          context.options.client.escalate({
            course: context.options.course,
            sessionId,
            messageId: turn.messageId ?? "",
          }),
        { delays: context.retryDelays, shouldRetry: isTransient },
      );
      turn.escalation = { id: receipt.id, status: receipt.status, message: receipt.message };
      context.save();
      box.replaceWith(escalationControls(context, turn));
      context.announce(receipt.message);
      context.staffReplies.watch();
    } catch (error) {
      button.disabled = false;
      note.textContent = `Not sent: ${explainError(error)}`;
    }
  });
  box.append(button, note);
  return box;
}

/** An answer from the teaching staff, as its own message in the conversation. */
export function staffMessage(context: WidgetContext, turn: StaffTurn): HTMLElement {
  const body = el("div", { class: "ct-body" });
  body.appendChild(
    renderMarkdown(turn.text, { citations: new Set(), onCite: () => {}, resolveHref: context.resolveHref }),
  );
  return el(
    "article",
    { class: "ct-msg ct-staff", "aria-label": "Answer from the teaching staff", "data-message-id": turn.id },
    el("p", { class: "ct-staff-label" }, "Teaching staff"),
    body,
  );
}

/**
 * Polls the session for staff answers while a question sent to the staff is still open: at once
 * when asked to watch (a page load, a new escalation), then every `staffPollMs`. New answers join
 * the conversation; the poll stops once no question is waiting.
 */
export function createStaffPoller(context: WidgetContext, render: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;
  const waiting = () =>
    context.session.state.turns.some((t) => t.role === "tutor" && t.escalation?.status === "open");

  const schedule = (ms: number) => {
    if (waiting()) timer = setTimeout(() => void poll(), ms);
  };

  async function poll(): Promise<void> {
    timer = undefined;
    const sessionId = context.session.state.sessionId;
    if (!sessionId || !waiting() || polling) return;
    // Repainting the conversation would cut off an answer that is streaming in: look again soon.
    if (context.session.busy) return schedule(2_000);
    polling = true;
    try {
      const messages = await context.options.client.messages({ course: context.options.course, sessionId });
      if (context.session.state.sessionId === sessionId && merge(context, messages)) {
        context.save();
        render();
        context.announce("The teaching staff answered your question.");
      }
    } catch {
      // A failed poll is tried again on the next round.
    } finally {
      polling = false;
      schedule(context.options.staffPollMs ?? STAFF_POLL_MS);
    }
  }

  return {
    watch() {
      if (timer) clearTimeout(timer);
      void poll();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/** Adds staff answers the conversation lacks and brings escalation statuses up to date. */
function merge(context: WidgetContext, messages: readonly TimelineMessage[]): boolean {
  const turns = context.session.state.turns;
  const known = new Set(turns.flatMap((t) => (t.role === "staff" ? [t.id] : [])));
  let changed = false;
  for (const message of messages) {
    if (message.author === "staff" && !known.has(message.id)) {
      turns.push({
        role: "staff",
        id: message.id,
        text: message.text,
        ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
      });
      changed = true;
    }
    const status = message.escalation?.status;
    const turn = turns.find((t): t is TutorTurn => t.role === "tutor" && t.messageId === message.id);
    if (status && turn?.escalation && turn.escalation.status !== status) {
      turn.escalation.status = status;
      changed = true;
    }
  }
  return changed;
}
