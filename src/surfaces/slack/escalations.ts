import { EscalationError, type EscalationListener, type Escalations } from "../../courses/index.ts";
import { askerOf, askInSlack, deliver, describe } from "./asking.ts";
import { parseFeedbackValue, renderAnswer, renderNotice, type SlackMessage } from "./blocks.ts";
import type { CommandAck } from "./bot.ts";
import type { BotContext } from "./context.ts";
import {
  ANSWER_VIEW,
  answerModal,
  ESCALATION_ACTIONS,
  parseStaffValue,
  renderStaffAnswer,
  renderStaffNotification,
} from "./escalation-blocks.ts";
import type { BlockActions, SlashCommand, ViewSubmission } from "./payloads.ts";
import type { SlackSender } from "./sender.ts";
import type { SlackConversation } from "./sessions.ts";

export const ESCALATION_TEXT = {
  unknown: "I couldn't send that to the teaching staff: I no longer know that answer.",
  staffUsage: "Write your question after `staff`, e.g. `/tutor staff Can I switch lab sections?`",
  working: "Sending your question to the teaching staff…",
  notStaffChannel: "Staff buttons only work in the course's staff channel.",
  closed: "Someone already answered or dismissed this question.",
  emptyAnswer: "Write an answer first.",
} as const;

type Action = BlockActions["actions"][number];

/** The escalation actions this module handles, by action id. */
export function isEscalationAction(actionId: string): boolean {
  return (Object.values(ESCALATION_ACTIONS) as string[]).includes(actionId);
}

/** "Ask the teaching staff" from a student, or Answer / Dismiss from the staff channel. */
export async function handleEscalationAction(
  context: BotContext,
  payload: BlockActions,
  action: Action,
  acked: Promise<void>,
): Promise<void> {
  const escalations = context.deps.escalations;
  if (!escalations) return;
  if (action.action_id === ESCALATION_ACTIONS.escalate) {
    context.inBackground(acked, () => escalateFromButton(context, escalations, payload, action));
    return;
  }
  const target = parseStaffValue(action.value ?? "");
  if (!target) return;
  const settings = await escalations.settings(target.course);
  if (!settings.staffSlackChannel || payload.channel?.id !== settings.staffSlackChannel) {
    notify(context, payload, acked, ESCALATION_TEXT.notStaffChannel);
    return;
  }
  const by = `slack:${payload.user.id}`;
  if (action.action_id === ESCALATION_ACTIONS.dismiss) {
    context.inBackground(acked, async () => {
      await escalations.dismiss(target.course, target.escalationId, { by }).catch((error: unknown) => {
        if (!(error instanceof EscalationError)) throw error;
      });
    });
    return;
  }
  const triggerId = payload.trigger_id;
  if (!triggerId) return;
  context.inBackground(acked, async () => {
    const group = await escalations.groupOf(target.course, target.escalationId);
    if (group.status !== "open") return notify(context, payload, Promise.resolve(), ESCALATION_TEXT.closed);
    await context.deps.sender.openView(triggerId, answerModal(group, JSON.stringify(target)));
  });
}

async function escalateFromButton(
  context: BotContext,
  escalations: Escalations,
  payload: BlockActions,
  action: Action,
): Promise<void> {
  const ids = parseFeedbackValue(action.value ?? "");
  const teamId = payload.team?.id ?? "";
  const channel = payload.channel?.id ?? payload.user.id;
  const threadTs = payload.container?.thread_ts ?? payload.message?.thread_ts;
  // A thread gets the answer in the thread; a DM where it was asked; anything else (an ephemeral
  // slash-command reply) a DM to the student.
  const replyChannel = threadTs || channel.startsWith("D") ? channel : payload.user.id;
  let note: SlackMessage = renderNotice(ESCALATION_TEXT.unknown);
  if (ids) {
    try {
      const { receipt } = await escalations.escalate({
        ...ids,
        origin: "slack",
        studentKey: askerOf({ teamId, userId: payload.user.id }),
        replyTo: { slack: { channel: replyChannel, ...(threadTs ? { threadTs } : {}) } },
      });
      context.deps.metrics.increment("escalations", { via: "button" });
      note = renderNotice(receipt.message);
    } catch (error) {
      if (!(error instanceof EscalationError)) throw error;
    }
  }
  const responseUrl = payload.response_url;
  if (responseUrl)
    await deliver(context, "response_url", () =>
      context.deps.sender.respond(responseUrl, [note], "ephemeral"),
    );
}

function notify(context: BotContext, payload: BlockActions, acked: Promise<void>, text: string): void {
  const responseUrl = payload.response_url;
  if (!responseUrl) return;
  context.inBackground(acked, () =>
    deliver(context, "response_url", () =>
      context.deps.sender.respond(responseUrl, [renderNotice(text)], "ephemeral"),
    ),
  );
}

/**
 * The answer modal's submission: errors go back to the modal at once (an empty answer, a question
 * someone else closed meanwhile); otherwise the modal closes and the answer goes out in the background.
 */
export async function handleViewSubmission(
  context: BotContext,
  payload: ViewSubmission,
  acked: Promise<void>,
): Promise<Record<string, unknown> | undefined> {
  const escalations = context.deps.escalations;
  if (!escalations || payload.view.callback_id !== ANSWER_VIEW.callbackId) return undefined;
  const target = parseStaffValue(parseMetadata(payload.view.private_metadata));
  if (!target) return undefined;
  const values = payload.view.state.values;
  const answer = values[ANSWER_VIEW.answerBlock]?.[ANSWER_VIEW.answerAction]?.value?.trim() ?? "";
  if (answer === "") return modalError(ESCALATION_TEXT.emptyAnswer);
  const selected = values[ANSWER_VIEW.materialBlock]?.[ANSWER_VIEW.materialAction]?.selected_options ?? [];
  const group = await escalations.groupOf(target.course, target.escalationId).catch(() => undefined);
  if (group?.status !== "open") return modalError(ESCALATION_TEXT.closed);
  context.inBackground(acked, async () => {
    await escalations.answer(target.course, target.escalationId, {
      answer,
      addToMaterial: selected.some((option) => option.value === "add"),
      answeredBy: `slack:${payload.user.id}`,
    });
    context.deps.metrics.increment("escalations", { via: "staff_answer" });
  });
  return undefined;
}

function parseMetadata(metadata: string): string {
  try {
    const parsed = JSON.parse(metadata) as { course?: unknown; escalationId?: unknown };
    return typeof parsed.course === "string" && typeof parsed.escalationId === "string"
      ? `${parsed.course}:${parsed.escalationId}`
      : "";
  } catch {
    return "";
  }
}

function modalError(message: string): Record<string, unknown> {
  return { response_action: "errors", errors: { [ANSWER_VIEW.answerBlock]: message } };
}

/** `/tutor staff <question>`: the tutor answers as usual and the question goes to the staff too. */
export function handleStaffCommand(
  context: BotContext,
  command: SlashCommand,
  where: SlackConversation,
  question: string,
  acked: Promise<void>,
): CommandAck {
  const escalations = context.deps.escalations;
  if (!escalations || question === "")
    return { response_type: "ephemeral", text: ESCALATION_TEXT.staffUsage };
  context.deps.metrics.increment("questions", { source: "command" });
  context.inBackground(acked, async () => {
    const asked = await askInSlack(context, where, question);
    let messages: SlackMessage[];
    if ("notice" in asked) {
      messages = asked.notice;
    } else {
      try {
        const { receipt } = await escalations.escalate({
          sessionId: asked.answer.sessionId,
          messageId: asked.answer.messageId,
          origin: "slack",
          studentKey: askerOf(where),
          replyTo: { slack: { channel: where.userId } },
        });
        context.deps.metrics.increment("escalations", { via: "command" });
        messages = renderAnswer({ ...asked.answer, escalation: receipt });
      } catch (error) {
        // The student still gets the tutor's answer, with the button to try sending it again.
        context.log(`slack: escalating failed: ${describe(error)}`);
        messages = renderAnswer(asked.answer, { offerEscalation: true });
      }
    }
    await deliver(context, "response_url", () =>
      context.deps.sender.respond(command.response_url, messages, "ephemeral"),
    );
  });
  return { response_type: "ephemeral", text: ESCALATION_TEXT.working };
}

/**
 * The staff channel and the students' Slack, as the queue's listener: a group's notification is
 * posted once and updated as it grows and closes; staff answers go to the student's thread or DM.
 */
export function staffChannelListener(
  sender: SlackSender,
  log: (message: string) => void,
): EscalationListener {
  return {
    async groupChanged(group, settings, notification) {
      const message = renderStaffNotification(group);
      if (notification) {
        await sender.updateMessage(notification, message);
        return undefined;
      }
      if (group.status !== "open" || !settings.staffSlackChannel) return undefined;
      return sender.postMessage({ channel: settings.staffSlackChannel }, message);
    },
    async deliverAnswer(delivery) {
      const slack = delivery.replyTo.slack;
      if (!slack) return false;
      try {
        await sender.postMessage(slack, renderStaffAnswer(delivery));
        return true;
      } catch (error) {
        log(`slack: delivering a staff answer failed: ${describe(error)}`);
        return false;
      }
    },
  };
}
