import type { Answer } from "../../core/chat.ts";
import type { ReplyTarget } from "../../core/escalations.ts";
import { UnknownCourseError } from "../../retrieve/index.ts";
import { renderAnswer, renderNotice, type SlackMessage } from "./blocks.ts";
import type { BotContext } from "./context.ts";
import { type SlackConversation, slackSessionKey } from "./sessions.ts";

/** Replies that must read the same on every surface come from the pipeline; these are Slack's own. */
export const SLACK_FAILURES = {
  failed: "Sorry, I couldn't answer that just now. Please try again in a moment.",
  unknownCourse: (course: string) =>
    `This channel is linked to the course "${course}", which the tutor does not have. ` +
    "Ask the teaching team to check the tutor's Slack course settings.",
} as const;

/**
 * Where a staff answer to a question asked here goes: its thread, the DM it was asked in, or else
 * a DM to the student (slash commands answer privately, so the answer cannot go back there).
 */
export function replyTargetFor(where: SlackConversation): ReplyTarget {
  if (where.threadTs) return { slack: { channel: where.channelId, threadTs: where.threadTs } };
  if (where.channelId.startsWith("D")) return { slack: { channel: where.channelId } };
  return { slack: { channel: where.userId } };
}

/** Who asked, for the student's pseudonym in the staff queue. */
export function askerOf(where: { teamId: string; userId: string }): string {
  return `slack:${where.teamId}:${where.userId}`;
}

/**
 * Runs the shared pipeline for a Slack conversation, continuing its tutor session: the answer, or
 * the notice to show instead when it failed or took too long.
 */
export async function askInSlack(
  { deps, log }: BotContext,
  where: SlackConversation,
  question: string,
): Promise<{ answer: Answer } | { notice: SlackMessage[] }> {
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
    const request = {
      course,
      message: question,
      sessionId,
      surface: "slack",
      signal: abort.signal,
      replyTo: replyTargetFor(where),
      asker: askerOf(where),
    };
    const answer = await Promise.race([deps.pipeline.ask(request), deadline]);
    if (answer.sessionId !== sessionId) await deps.sessions.remember(key, course, answer.sessionId);
    return { answer };
  } catch (error) {
    deps.metrics.increment("failures", { stage: "pipeline" });
    log(`slack: answering failed: ${describe(error)}`);
    if (error instanceof UnknownCourseError)
      return { notice: [renderNotice(SLACK_FAILURES.unknownCourse(course))] };
    return { notice: [renderNotice(SLACK_FAILURES.failed)] };
  } finally {
    clearTimeout(timer);
  }
}

/** The answer as Slack messages (with "Ask the teaching staff" where escalation is on). */
export async function answerQuestion(
  context: BotContext,
  where: SlackConversation,
  question: string,
): Promise<SlackMessage[]> {
  const asked = await askInSlack(context, where, question);
  if ("notice" in asked) return asked.notice;
  return renderAnswer(asked.answer, { offerEscalation: context.deps.escalations !== undefined });
}

export async function deliver(
  { deps, log }: BotContext,
  via: "thread" | "response_url" | "staff_channel",
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

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
