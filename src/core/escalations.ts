/** The shared vocabulary of escalations: questions a student hands to the teaching staff. */

export const ESCALATION_STATUSES = ["open", "answered", "dismissed"] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** Where an escalation came from: a student's button or request, or the course's auto-escalation. */
export const ESCALATION_ORIGINS = ["widget", "slack", "api", "auto"] as const;
export type EscalationOrigin = (typeof ESCALATION_ORIGINS)[number];

/**
 * Where a staff answer goes besides the student's session: a Slack thread (`threadTs`) or, without
 * one, the channel itself (a DM channel, or a user id, which Slack turns into the bot's DM).
 */
export interface ReplyTarget {
  slack?: { channel: string; threadTs?: string };
}

/** What the student is told once a question went to the staff. */
export interface EscalationReceipt {
  id: string;
  messageId: string;
  status: EscalationStatus;
  createdAt: string;
  /** Median minutes to a staff answer over the course's last 30 days; null without history. */
  typicalWaitMinutes: number | null;
  /** The same, as a sentence to show the student. */
  message: string;
}

/** Where staff answers live in a course's material (`staff-answers/<slug>.md`). */
export const STAFF_ANSWERS_FOLDER = "staff-answers/";
