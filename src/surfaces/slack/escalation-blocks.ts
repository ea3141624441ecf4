import type { EscalationReceipt } from "../../core/escalations.ts";
import type { AnswerDelivery, EscalationView, GroupView } from "../../courses/index.ts";
import type { ActionsBlock, ButtonElement, SlackBlock, SlackMessage } from "./blocks.ts";
import { escapeMrkdwn, markdownToMrkdwn } from "./mrkdwn.ts";
import { splitMrkdwn } from "./split.ts";

/** Buttons and the modal of the staff side, and the student's "ask the staff" button. */
export const ESCALATION_ACTIONS = {
  escalate: "tutor_escalate",
  answer: "escalation_answer",
  dismiss: "escalation_dismiss",
} as const;
export const ANSWER_VIEW = {
  callbackId: "escalation_answer_view",
  answerBlock: "answer",
  answerAction: "text",
  materialBlock: "material",
  materialAction: "add",
} as const;

const SECTION_LIMIT = 3000;
const QUESTIONS_SHOWN = 5;

const section = (text: string): SlackBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string): SlackBlock => ({ type: "context", elements: [{ type: "mrkdwn", text }] });
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const plain = (text: string, max = 75) => ({
  type: "plain_text" as const,
  text: clip(text, max),
  emoji: true,
});

/** The value of a staff button: which course's escalation it acts on. */
export function staffValue(course: string, escalationId: string): string {
  return `${course}:${escalationId}`;
}

export function parseStaffValue(value: string): { course: string; escalationId: string } | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,63}):([0-9a-f-]{36})$/i.exec(value);
  return match ? { course: match[1] as string, escalationId: match[2] as string } : undefined;
}

/** "Ask the teaching staff", for a reply the student found lacking. */
export function escalateButton(sessionId: string, messageId: string): ButtonElement {
  return {
    type: "button",
    action_id: ESCALATION_ACTIONS.escalate,
    text: plain("🙋 Ask the teaching staff"),
    value: `${sessionId}:${messageId}`,
  };
}

function studentLabel(view: EscalationView): string {
  return view.student.slackUserId ? `<@${view.student.slackUserId}>` : escapeMrkdwn(view.student.pseudonym);
}

function quote(text: string): string {
  return `>${escapeMrkdwn(clip(text.replace(/\s+/g, " ").trim(), 500))}`;
}

/** What staff see of a group: the questions, the tutor's reply, notes, and the state it is in. */
function groupBlocks(group: GroupView): SlackBlock[] {
  const asked = group.members.length === 1 ? "1 student asked" : `${group.members.length} students asked`;
  const blocks: SlackBlock[] = [
    section(`*Question for the teaching staff* · ${asked}\n${quote(group.question)}`),
  ];
  const others = group.members.slice(1, QUESTIONS_SHOWN);
  if (others.length > 0)
    blocks.push(section(`*Also asked as*\n${others.map((m) => quote(m.question)).join("\n")}`));
  const reply = clip(group.tutorReply.text.replace(/\s+/g, " "), 600);
  blocks.push(context(`Tutor's reply (${group.tutorReply.status}): ${escapeMrkdwn(reply)}`));
  const notes = group.members
    .filter((m) => m.note)
    .map((m) => `${studentLabel(m)}: ${escapeMrkdwn(clip(m.note ?? "", 300))}`);
  if (notes.length > 0) blocks.push(section(clip(`*Notes*\n${notes.join("\n")}`, SECTION_LIMIT)));
  const askedBy = group.members.map(studentLabel).join(", ");
  blocks.push(context(clip(`Asked by ${askedBy} · course ${escapeMrkdwn(group.course)}`, SECTION_LIMIT)));
  return blocks;
}

/** The staff channel's message for a group: Answer and Dismiss while open, the outcome once closed. */
export function renderStaffNotification(group: GroupView): SlackMessage {
  const blocks = groupBlocks(group);
  const value = staffValue(group.course, group.id);
  if (group.status === "open") {
    const actions: ActionsBlock = {
      type: "actions",
      block_id: "escalation_actions",
      elements: [
        {
          type: "button",
          action_id: ESCALATION_ACTIONS.answer,
          text: plain("Answer"),
          value,
          style: "primary",
        },
        { type: "button", action_id: ESCALATION_ACTIONS.dismiss, text: plain("Dismiss"), value },
      ],
    };
    blocks.push(actions);
  } else if (group.answer) {
    const by = answererName(group.answer.answeredBy);
    const material = group.answer.staffAnswerId ? " · added to the course material" : "";
    blocks.push(section(`*Answered* by ${by}${material}\n${quote(group.answer.text)}`));
  } else {
    const reason = group.dismissal?.reason ? `: ${escapeMrkdwn(group.dismissal.reason)}` : "";
    blocks.push(section(`*Dismissed*${reason}`));
  }
  const text = `Question for the teaching staff (${group.members.length} asked): ${clip(group.question, 150)}`;
  return { text: escapeMrkdwn(text), blocks };
}

/** The modal a staff member answers in; `metadata` comes back with the submission. */
export function answerModal(group: GroupView, metadata: string): Record<string, unknown> {
  const questions = group.members.slice(0, QUESTIONS_SHOWN).map((m) => quote(m.question));
  const heading = group.members.length === 1 ? "The question" : `${group.members.length} students asked`;
  return {
    type: "modal",
    callback_id: ANSWER_VIEW.callbackId,
    private_metadata: metadata,
    title: plain("Answer students", 24),
    submit: plain("Send answer", 24),
    close: plain("Cancel", 24),
    blocks: [
      section(clip(`*${heading}*\n${questions.join("\n")}`, SECTION_LIMIT)),
      {
        type: "input",
        block_id: ANSWER_VIEW.answerBlock,
        label: plain("Your answer"),
        element: {
          type: "plain_text_input",
          action_id: ANSWER_VIEW.answerAction,
          multiline: true,
          max_length: 3000,
        },
      },
      {
        type: "input",
        block_id: ANSWER_VIEW.materialBlock,
        optional: true,
        label: plain("Teach the tutor"),
        element: {
          type: "checkboxes",
          action_id: ANSWER_VIEW.materialAction,
          options: [{ text: plain("Add this answer to the course material"), value: "add" }],
        },
      },
    ],
  };
}

/** A staff answer as the student gets it in their Slack thread or DM. */
export function renderStaffAnswer(delivery: AnswerDelivery): SlackMessage {
  const answer = splitMrkdwn(markdownToMrkdwn(delivery.answer), SECTION_LIMIT).map(section);
  return {
    text: escapeMrkdwn(clip(`The teaching staff answered: ${delivery.answer.replace(/\s+/g, " ")}`, 300)),
    blocks: [
      section(`*The teaching staff answered your question*\n${quote(delivery.question)}`),
      ...answer,
      context(`Answered by the ${escapeMrkdwn(delivery.role)}.`),
    ],
  };
}

/** The student's confirmation that the question went to the staff. */
export function receiptBlock(receipt: EscalationReceipt): SlackBlock {
  return context(`🙋 ${escapeMrkdwn(receipt.message)}`);
}

/** A Slack user as a mention, a console user by name, the admin token as "an admin". */
function answererName(answeredBy: string): string {
  if (answeredBy.startsWith("slack:")) return `<@${answeredBy.slice(6)}>`;
  if (answeredBy.startsWith("console:")) return escapeMrkdwn(answeredBy.slice(8));
  return "an admin";
}
