import type { Answer, AskRequest } from "../../core/chat.ts";
import { type ConversationStore, FeedbackError } from "../../db/conversations.ts";
import { UnknownCourseError } from "../../retrieve/index.ts";
import {
  FEEDBACK_ACTIONS,
  helpText,
  parseFeedbackValue,
  renderAnswer,
  renderNotice,
  type SlackMessage,
} from "./blocks.ts";
import type { CourseLookup } from "./courses.ts";
import type { SlackMetrics } from "./metrics.ts";
import { escapeMrkdwn, slackTextToPlain } from "./mrkdwn.ts";
import type { BlockActions, EventCallback, SlashCommand } from "./payloads.ts";
import type { SeenStore } from "./seen.ts";
import type { SlackSender } from "./sender.ts";
import { type SlackConversation, type SlackSessions, slackSessionKey } from "./sessions.ts";

export interface SlackBotDeps {
  pipeline: { ask(request: AskRequest): Promise<Answer> };
  conversations: Pick<ConversationStore, "recordFeedback">;
  sessions: SlackSessions;
  courses: CourseLookup;
  seen: SeenStore;
  sender: SlackSender;
  metrics: SlackMetrics;
  /** How long an answer may take before the student is told to try again. */
  answerDeadlineMs: number;
  log?: (message: string) => void;
}

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
  /** Stores a feedback button press; the thank-you note goes out in the background. */
  handleBlockActions(payload: BlockActions, acked?: Promise<void>): Promise<void>;
  /** Resolves once every background answer has been delivered (or has failed). */
  drain(): Promise<void>;
}

/** Replies that must read the same on every surface come from the pipeline; these are Slack's own. */
export const SLACK_TEXT = {
  working: (question: string) => `Looking that up in the course material: _${escapeMrkdwn(question)}_`,
  failed: "Sorry, I couldn't answer that just now. Please try again in a moment.",
  unknownCourse: (course: string) =>
    `This channel is linked to the course "${course}", which the tutor does not have. ` +
    "Ask the teaching team to check the tutor's Slack course settings.",
  feedbackThanks: "Thanks, your feedback was recorded.",
  feedbackUnknown: "I couldn't record that feedback: I no longer know that answer.",
} as const;

const EVENT_MESSAGE_TTL_SECONDS = 24 * 60 * 60;

/** What every handler works with: the dependencies, the log and the background work queue. */
interface BotContext {
  deps: SlackBotDeps;
  log: (message: string) => void;
  /** Starts `work` once `acked` resolves and keeps it until done, for `drain`. */
  inBackground(acked: Promise<void>, work: () => Promise<void>): void;
}

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
  if (responseUrl) {
    context.inBackground(acked, () =>
      deliver(context, "response_url", () =>
        deps.sender.respond(responseUrl, [renderNotice(note)], "ephemeral"),
      ),
    );
  }
}

/** Runs the shared pipeline for a Slack conversation, continuing its tutor session. */
async function answerQuestion(
  { deps, log }: BotContext,
  where: SlackConversation,
  question: string,
): Promise<SlackMessage[]> {
  const course = await deps.courses.courseFor(where);
  const key = slackSessionKey(where);
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    const sessionId = await deps.sessions.find(key, course);
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new Error(`no answer within ${deps.answerDeadlineMs} ms`));
      }, deps.answerDeadlineMs);
    });
    const answer = await Promise.race([
      deps.pipeline.ask({ course, message: question, sessionId, surface: "slack", signal: abort.signal }),
      deadline,
    ]);
    if (answer.sessionId !== sessionId) await deps.sessions.remember(key, course, answer.sessionId);
    return renderAnswer(answer);
  } catch (error) {
    deps.metrics.increment("failures", { stage: "pipeline" });
    log(`slack: answering failed: ${describe(error)}`);
    if (error instanceof UnknownCourseError) return [renderNotice(SLACK_TEXT.unknownCourse(course))];
    return [renderNotice(SLACK_TEXT.failed)];
  } finally {
    clearTimeout(timer);
  }
}

async function deliver(
  { deps, log }: BotContext,
  via: "thread" | "response_url",
  send: () => Promise<void>,
): Promise<void> {
  try {
    await send();
    deps.metrics.increment("answers_posted", { via });
  } catch (error) {
    deps.metrics.increment("failures", { stage: "delivery" });
    log(`slack: delivery via ${via} failed: ${describe(error)}`);
  }
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
