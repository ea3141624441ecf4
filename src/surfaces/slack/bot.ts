import { FeedbackError } from "../../db/conversations.ts";
import { answerQuestion, deliver, describe, SLACK_FAILURES } from "./asking.ts";
import { FEEDBACK_ACTIONS, helpText, parseFeedbackValue, renderNotice, type SlackMessage } from "./blocks.ts";
import type { BotContext, SlackBotDeps } from "./context.ts";
import { escalateButton } from "./escalation-blocks.ts";
import {
  handleEscalationAction,
  handleStaffCommand,
  handleViewSubmission,
  isEscalationAction,
} from "./escalations.ts";
import { escapeMrkdwn, slackTextToPlain } from "./mrkdwn.ts";
import type { BlockActions, EventCallback, SlashCommand, ViewSubmission } from "./payloads.ts";
import type { SlackConversation } from "./sessions.ts";

export type { SlackBotDeps } from "./context.ts";

/** What Slack gets back straight away for a slash command (an ephemeral reply). */
export interface CommandAck {
  response_type: "ephemeral";
  text: string;
  blocks?: SlackMessage["blocks"];
}

export interface SlackBot {
  /**
   * Decides what an event needs and starts the answer in the background once `acked` resolves
   * (the acknowledgement has left), so answering never competes with acknowledging.
   */
  handleEvent(envelope: EventCallback, acked?: Promise<void>): Promise<void>;
  /** Help straight away, or an acknowledgement while the answer is worked out in the background. */
  handleCommand(command: SlashCommand, acked?: Promise<void>): Promise<CommandAck>;
  /** Stores a feedback button press or acts on an escalation button; notes go out in the background. */
  handleBlockActions(payload: BlockActions, acked?: Promise<void>): Promise<void>;
  /** A modal's submission: the body to answer Slack with (validation errors), or none to close it. */
  handleViewSubmission(
    payload: ViewSubmission,
    acked?: Promise<void>,
  ): Promise<Record<string, unknown> | undefined>;
  /** Resolves once every background answer has been delivered (or has failed). */
  drain(): Promise<void>;
}

/** Replies that must read the same on every surface come from the pipeline; these are Slack's own. */
export const SLACK_TEXT = {
  working: (question: string) => `Looking that up in the course material: _${escapeMrkdwn(question)}_`,
  failed: SLACK_FAILURES.failed,
  unknownCourse: SLACK_FAILURES.unknownCourse,
  feedbackThanks: "Thanks, your feedback was recorded.",
  feedbackUnknown: "I couldn't record that feedback: I no longer know that answer.",
} as const;

const EVENT_MESSAGE_TTL_SECONDS = 24 * 60 * 60;

export function createSlackBot(deps: SlackBotDeps): SlackBot {
  const log = deps.log ?? (() => {});
  const inFlight = new Set<Promise<void>>();
  const context: BotContext = {
    deps,
    log,
    inBackground(acked, work) {
      const task = acked
        .then(work)
        .catch((error) => log(`slack: background work failed: ${describe(error)}`))
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
    },
  };
  return {
    handleEvent: (envelope, acked = Promise.resolve()) => handleEvent(context, envelope, acked),
    handleCommand: (command, acked = Promise.resolve()) => handleCommand(context, command, acked),
    handleBlockActions: (payload, acked = Promise.resolve()) => handleBlockActions(context, payload, acked),
    handleViewSubmission: (payload, acked = Promise.resolve()) =>
      handleViewSubmission(context, payload, acked),
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

async function handleEvent(
  context: BotContext,
  envelope: EventCallback,
  acked: Promise<void>,
): Promise<void> {
  const { deps } = context;
  const event = envelope.event;
  const ignore = whyIgnore(envelope);
  if (ignore) {
    deps.metrics.increment("events_ignored", { reason: ignore });
    return;
  }
  const channel = event.channel as string;
  // Slack may deliver one message as several events (e.g. a mention in a DM); answer it once.
  if (!(await deps.seen.firstSighting(`msg:${channel}:${event.ts}`, EVENT_MESSAGE_TTL_SECONDS))) {
    deps.metrics.increment("retries_deduplicated", { kind: "message" });
    return;
  }
  const source = event.type === "app_mention" ? "mention" : "dm";
  // A mention is answered in its thread (a new one if it was top-level); a DM where it was asked.
  const threadTs = source === "mention" ? (event.thread_ts ?? event.ts) : event.thread_ts;
  const where: SlackConversation = {
    teamId: envelope.team_id ?? event.team ?? "",
    channelId: channel,
    userId: event.user as string,
    threadTs,
  };
  const question = slackTextToPlain(event.text ?? "");
  context.inBackground(acked, async () => {
    let messages: SlackMessage[];
    if (question === "" || /^help[.!?]?$/i.test(question)) {
      messages = [renderNotice(helpText(await deps.courses.courseFor(where)))];
    } else {
      deps.metrics.increment("questions", { source });
      messages = await answerQuestion(context, where, question);
    }
    await deliver(context, "thread", () => deps.sender.postMessages({ channel, threadTs }, messages));
  });
}

async function handleCommand(
  context: BotContext,
  command: SlashCommand,
  acked: Promise<void>,
): Promise<CommandAck> {
  const { deps } = context;
  const question = slackTextToPlain(command.text);
  const where: SlackConversation = {
    teamId: command.team_id,
    channelId: command.channel_id,
    userId: command.user_id,
  };
  if (question === "" || /^help$/i.test(question)) {
    const help = renderNotice(helpText(await deps.courses.courseFor(where), command.command));
    return { response_type: "ephemeral", text: help.text, blocks: help.blocks };
  }
  const staff = /^staff(?:\s+([\s\S]*))?$/i.exec(question);
  if (staff && deps.escalations)
    return handleStaffCommand(context, command, where, staff[1]?.trim() ?? "", acked);
  deps.metrics.increment("questions", { source: "command" });
  context.inBackground(acked, async () => {
    const messages = await answerQuestion(context, where, question);
    await deliver(context, "response_url", () =>
      deps.sender.respond(command.response_url, messages, "ephemeral"),
    );
  });
  return { response_type: "ephemeral", text: SLACK_TEXT.working(question) };
}

async function handleBlockActions(
  context: BotContext,
  payload: BlockActions,
  acked: Promise<void>,
): Promise<void> {
  const { deps } = context;
  const escalation = payload.actions.find((a) => isEscalationAction(a.action_id));
  if (escalation) return handleEscalationAction(context, payload, escalation, acked);
  const feedbackIds: string[] = Object.values(FEEDBACK_ACTIONS);
  const action = payload.actions.find((a) => feedbackIds.includes(a.action_id));
  if (!action) return;
  const rating = action.action_id === FEEDBACK_ACTIONS.up ? "up" : "down";
  const ids = parseFeedbackValue(action.value ?? "");
  let note: string = SLACK_TEXT.feedbackUnknown;
  if (ids) {
    try {
      await deps.conversations.recordFeedback({ ...ids, rating });
      deps.metrics.increment("feedback", { rating });
      note = SLACK_TEXT.feedbackThanks;
    } catch (error) {
      if (!(error instanceof FeedbackError)) throw error;
    }
  }
  const responseUrl = payload.response_url;
  if (!responseUrl) return;
  const reply = renderNotice(note);
  // After a 👎 the student may hand the question to the staff instead.
  if (ids && rating === "down" && deps.escalations && note === SLACK_TEXT.feedbackThanks) {
    reply.blocks.push({
      type: "actions",
      block_id: "tutor_escalate",
      elements: [escalateButton(ids.sessionId, ids.messageId)],
    });
  }
  context.inBackground(acked, () =>
    deliver(context, "response_url", () => deps.sender.respond(responseUrl, [reply], "ephemeral")),
  );
}

/** Why an event gets no answer, or undefined when it is a question for the tutor. */
function whyIgnore(envelope: EventCallback): string | undefined {
  const event = envelope.event;
  const botUsers = new Set(
    (envelope.authorizations ?? []).filter((a) => a.is_bot && a.user_id).map((a) => a.user_id),
  );
  // Our own replies come back as message events; answering them would loop forever.
  if (event.user && botUsers.has(event.user)) return "own_message";
  if (event.bot_id) return "bot";
  if (event.subtype) return "subtype";
  if (!event.user || !event.channel) return "no_user";
  if (event.type === "app_mention") return undefined;
  if (event.type === "message" && event.channel_type === "im") return undefined;
  return "unsupported";
}
