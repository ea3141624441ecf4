import type { Answer, Citation } from "../../core/chat.ts";
import { escalateButton, receiptBlock } from "./escalation-blocks.ts";
import { escapeMrkdwn, markdownToMrkdwn, mrkdwnLink } from "./mrkdwn.ts";
import { splitMrkdwn } from "./split.ts";

/** Slack's published limits for what we send. */
export const SLACK_LIMITS = {
  sectionText: 3000,
  blocksPerMessage: 50,
  /** The notification/fallback text shown where blocks are not (push, screen readers' preview). */
  fallbackText: 300,
} as const;

export const FEEDBACK_BLOCK_ID = "tutor_feedback";
export const FEEDBACK_ACTIONS = { up: "tutor_feedback_up", down: "tutor_feedback_down" } as const;

export type MrkdwnText = { type: "mrkdwn"; text: string };
export type PlainText = { type: "plain_text"; text: string; emoji?: boolean };
export type SectionBlock = { type: "section"; text: MrkdwnText; block_id?: string };
export type ContextBlock = { type: "context"; elements: MrkdwnText[] };
export type DividerBlock = { type: "divider" };
export type ButtonElement = {
  type: "button";
  action_id: string;
  text: PlainText;
  value: string;
  style?: "primary" | "danger";
};
export type ActionsBlock = { type: "actions"; block_id: string; elements: ButtonElement[] };
export type SlackBlock = SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

/** One Slack message: blocks plus the plain text Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

const section = (text: string): SectionBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string): ContextBlock => ({ type: "context", elements: [{ type: "mrkdwn", text }] });

/** The button value that identifies the answer being rated. */
export function feedbackValue(sessionId: string, messageId: string): string {
  return `${sessionId}:${messageId}`;
}

export function parseFeedbackValue(value: string): { sessionId: string; messageId: string } | undefined {
  const match = /^([0-9a-f-]{36}):([0-9a-f-]{36})$/i.exec(value);
  return match ? { sessionId: match[1] as string, messageId: match[2] as string } : undefined;
}

/**
 * An answer as Slack messages: the answer text, numbered sources as links, feedback buttons, and
 * (with `offerEscalation`) "Ask the teaching staff" under a reply the material could not give.
 * Text over a section's limit is split at natural breaks, and blocks over a message's limit
 * continue in further messages; the buttons go on the last one.
 */
export function renderAnswer(answer: Answer, options: { offerEscalation?: boolean } = {}): SlackMessage[] {
  const blocks: SlackBlock[] = splitMrkdwn(markdownToMrkdwn(answer.answer), SLACK_LIMITS.sectionText).map(
    section,
  );
  if (answer.degraded) {
    blocks.push(context("_A simpler answer than usual: the main answerer was unavailable._"));
  }
  if (answer.citations.length > 0) {
    const heading = answer.status === "no_answer" ? "*Closest sections*" : "*Sources*";
    blocks.push({ type: "divider" });
    blocks.push(...packLines([heading, ...answer.citations.map(sourceLine)]).map(section));
  }
  if (answer.escalation) blocks.push(receiptBlock(answer.escalation));
  const buttons: ActionsBlock = {
    type: "actions",
    block_id: FEEDBACK_BLOCK_ID,
    elements: [
      feedbackButton(FEEDBACK_ACTIONS.up, "👍 Helpful", answer),
      feedbackButton(FEEDBACK_ACTIONS.down, "👎 Not helpful", answer),
    ],
  };
  if (options.offerEscalation && answer.status === "no_answer" && !answer.escalation) {
    buttons.elements.push(escalateButton(answer.sessionId, answer.messageId));
  }
  return toMessages(blocks, buttons, fallbackText(answer.answer));
}

function feedbackButton(actionId: string, label: string, answer: Answer): ButtonElement {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text: label, emoji: true },
    value: feedbackValue(answer.sessionId, answer.messageId),
  };
}

/** `[n] Title › Heading` linked to the passage when it has a public address, plus its file. */
export function sourceLine(citation: Citation): string {
  const label =
    citation.heading && citation.heading !== citation.title
      ? `${citation.title} › ${citation.heading}`
      : citation.title || citation.source;
  const linked = citation.url ? mrkdwnLink(citation.url, label) : escapeMrkdwn(label);
  return `*[${citation.n}]* ${linked} — \`${escapeMrkdwn(citation.source)}\``;
}

/** Joins lines into texts under the section limit; a line too long on its own is split. */
function packLines(lines: string[]): string[] {
  const texts: string[] = [];
  let current = "";
  for (const line of lines.flatMap((l) => splitMrkdwn(l, SLACK_LIMITS.sectionText))) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length > SLACK_LIMITS.sectionText) {
      texts.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current) texts.push(current);
  return texts;
}

function toMessages(blocks: SlackBlock[], last: SlackBlock | undefined, text: string): SlackMessage[] {
  const all = last ? [...blocks, last] : blocks;
  const messages: SlackMessage[] = [];
  for (let i = 0; i < all.length; i += SLACK_LIMITS.blocksPerMessage) {
    messages.push({
      text: i === 0 ? text : `${text.slice(0, 200)} (continued)`,
      blocks: all.slice(i, i + SLACK_LIMITS.blocksPerMessage),
    });
  }
  return messages;
}

function fallbackText(answer: string): string {
  const flat = answer.replace(/\s+/g, " ").trim();
  const short =
    flat.length > SLACK_LIMITS.fallbackText ? `${flat.slice(0, SLACK_LIMITS.fallbackText - 1)}…` : flat;
  return escapeMrkdwn(short);
}

/** A short notice (help, errors, thanks) as one message. */
export function renderNotice(markdown: string): SlackMessage {
  const text = markdownToMrkdwn(markdown);
  return { text: fallbackText(markdown), blocks: splitMrkdwn(text, SLACK_LIMITS.sectionText).map(section) };
}

export function helpText(course: string, command = "/tutor"): string {
  return [
    `**Course Tutor** answers questions from the ${course} course material, with sources.`,
    "",
    `• \`${command} your question\`: ask privately; only you see the answer.`,
    "• Mention the tutor in a channel: it answers in a thread; " +
      "follow-up questions in that thread continue the conversation.",
    "• Send it a direct message: the conversation continues there.",
    `• \`${command} staff your question\`: send a question to the teaching staff; their answer comes by DM.`,
    `• \`${command} help\`: this message.`,
    "",
    "Rate an answer with 👍 or 👎 so the teaching team can improve the material.",
  ].join("\n");
}
