import { isTransient, withRetry } from "./api.ts";
import type { WidgetContext } from "./context.ts";
import { explainError } from "./errors.ts";
import { failedAnswer, pendingMessage, tutorMessage } from "./messages.ts";
import type { ChatReply } from "./protocol.ts";
import { renderMarkdown } from "./render.ts";
import type { TutorTurn } from "./store.ts";

/**
 * Asking one question: a pending message the answer streams into, automatic retries while
 * nothing is on screen yet, then the finished answer or a failure with Retry.
 */
export function createAsker(context: WidgetContext): (question: string) => Promise<void> {
  const { parts, session, options } = context;

  async function ask(question: string): Promise<void> {
    if (session.busy) return;
    setBusy(context, true);
    parts.log.querySelector(".ct-empty")?.remove();
    const { article: pending, body } = pendingMessage();
    parts.log.appendChild(pending);
    parts.log.scrollTop = parts.log.scrollHeight;
    context.announce("The tutor is answering…");

    const stream = createStreamView(context, pending, body);
    try {
      const reply: ChatReply = await withRetry(
        () =>
          options.client.chat(
            {
              course: options.course,
              message: question,
              mode: session.state.mode,
              sessionId: session.state.sessionId,
            },
            {
              onSession(sessionId) {
                session.state.sessionId = sessionId;
              },
              onToken: stream.onToken,
            },
          ),
        {
          delays: context.retryDelays,
          // Once part of an answer is on screen, asking again would duplicate it: show Retry instead.
          shouldRetry: (error) => stream.tokens === 0 && isTransient(error),
          onRetry: () => context.announce("Connection problem, trying again…"),
        },
      );
      stream.stop();
      showAnswer(context, reply, pending, stream.tokens);
    } catch (error) {
      stream.stop();
      pending.replaceWith(
        failedAnswer(error, (message) => {
          if (session.busy) return;
          message.remove();
          void ask(question);
          parts.input.focus();
        }),
      );
      parts.log.scrollTop = parts.log.scrollHeight;
      context.announce(`The answer failed: ${explainError(error)}`);
    } finally {
      setBusy(context, false);
    }
  }

  return ask;
}

function setBusy({ parts, session }: WidgetContext, value: boolean): void {
  session.busy = value;
  parts.sendButton.disabled = value;
  parts.sendButton.setAttribute("aria-label", value ? "Send (waiting for the answer)" : "Send");
  parts.newButton.disabled = value;
}

/** The streamed text shown in the pending message, repainted at most once a frame. */
function createStreamView(context: WidgetContext, pending: HTMLElement, body: HTMLElement) {
  const { log } = context.parts;
  let streamed = "";
  let renderTimer: ReturnType<typeof setTimeout> | undefined;
  const renderPartial = () => {
    renderTimer = undefined;
    body.replaceChildren(
      renderMarkdown(streamed, { citations: new Set(), onCite: () => {}, resolveHref: context.resolveHref }),
    );
    log.scrollTop = log.scrollHeight;
  };
  const view = {
    tokens: 0,
    onToken(text: string) {
      streamed += text;
      view.tokens++;
      pending.dataset.state = "streaming";
      pending.dataset.tokens = String(view.tokens);
      // Coalesce bursts of tokens into one repaint.
      renderTimer ??= setTimeout(renderPartial, 16);
    },
    /** Cancels a repaint still waiting: the finished answer or the failure replaces the message. */
    stop() {
      if (renderTimer) clearTimeout(renderTimer);
    },
  };
  return view;
}

/** Replaces the pending message with the finished answer and remembers the turn. */
function showAnswer(context: WidgetContext, reply: ChatReply, pending: HTMLElement, tokens: number): void {
  const { session } = context;
  const turn: TutorTurn = {
    role: "tutor",
    text: reply.answer,
    status: reply.status,
    citations: reply.citations,
    messageId: reply.messageId,
    ...(reply.guardrail ? { reason: reply.guardrail.reason, rule: reply.guardrail.rule } : {}),
    // The course sends every unanswered question to the staff on its own.
    ...(reply.escalation
      ? {
          escalation: {
            id: reply.escalation.id,
            status: reply.escalation.status,
            message: reply.escalation.message,
          },
        }
      : {}),
  };
  session.state.sessionId = reply.sessionId;
  session.state.turns.push(turn);
  context.save();
  const finished = tutorMessage(context, turn);
  if (turn.escalation) context.staffReplies.watch();
  finished.dataset.tokens = String(tokens);
  pending.replaceWith(finished);
  showStartOf(context.parts.log, finished);
  context.announce(
    reply.status === "answered"
      ? `Answer ready with ${reply.citations.length} source${reply.citations.length === 1 ? "" : "s"}.`
      : reply.status === "no_answer"
        ? "The tutor couldn't find this in the course material."
        : "The tutor declined this question.",
  );
}

/** A long answer is read from its beginning; a short one just sits at the bottom. */
function showStartOf(log: HTMLElement, message: HTMLElement): void {
  if (message.offsetHeight <= log.clientHeight) {
    log.scrollTop = log.scrollHeight;
    return;
  }
  log.scrollTop += message.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
}
