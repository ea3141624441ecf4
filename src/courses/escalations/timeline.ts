import type { AnswerStatus, Citation } from "../../core/chat.ts";
import type { EscalationStatus } from "../../core/escalations.ts";
import {
  ConversationStore,
  EscalationRepository,
  isUuid,
  type Queryable,
  StaffAnswerRepository,
} from "../../db/index.ts";

/** How many of a session's latest exchanges its timeline holds. */
export const TIMELINE_LIMIT = 100;

/** One exchange: the student's (redacted) question and the tutor's reply. */
export interface TutorTimelineMessage {
  id: string;
  author: "tutor";
  question: string;
  text: string;
  status: AnswerStatus;
  citations: Citation[];
  createdAt: string;
  /** Present when the student handed this question to the staff. */
  escalation?: { id: string; status: EscalationStatus };
}

/** A staff answer to one of the session's escalated questions. */
export interface StaffTimelineMessage {
  id: string;
  author: "staff";
  text: string;
  /** The tutor message whose question this answers. */
  inReplyTo: string;
  createdAt: string;
}

export type TimelineMessage = TutorTimelineMessage | StaffTimelineMessage;

/**
 * A session's messages in time order, staff answers included, for the session's own client (the
 * session id is its capability). `undefined` for an unknown session or one of another course.
 */
export async function sessionTimeline(
  db: Queryable,
  sessionId: string,
  course?: string,
): Promise<{ sessionId: string; course: string; messages: TimelineMessage[] } | undefined> {
  if (!isUuid(sessionId)) return undefined;
  const conversations = new ConversationStore(db);
  const sessionCourse = await conversations.sessionCourse(sessionId);
  if (!sessionCourse || (course !== undefined && course !== sessionCourse)) return undefined;
  const [exchanges, escalated, staff] = await Promise.all([
    conversations.sessionMessages(sessionId, TIMELINE_LIMIT),
    new EscalationRepository(db).ofSession(sessionId),
    new StaffAnswerRepository(db).messages(sessionId),
  ]);
  const byMessage = new Map(escalated.map((e) => [e.messageId, e]));
  const messageOf = new Map(escalated.map((e) => [e.id, e.messageId]));
  const messages: (TimelineMessage & { at: number })[] = [
    ...exchanges.map((m) => {
      const escalation = byMessage.get(m.id);
      return {
        id: m.id,
        author: "tutor" as const,
        question: m.question,
        text: m.answer,
        status: m.status,
        citations: m.citations,
        createdAt: m.createdAt.toISOString(),
        ...(escalation ? { escalation: { id: escalation.id, status: escalation.status } } : {}),
        at: m.createdAt.getTime(),
      };
    }),
    ...staff.map((s) => ({
      id: s.id,
      author: "staff" as const,
      text: s.text,
      inReplyTo: messageOf.get(s.escalationId) ?? "",
      createdAt: s.createdAt.toISOString(),
      at: s.createdAt.getTime(),
    })),
  ];
  messages.sort((a, b) => a.at - b.at);
  return { sessionId, course: sessionCourse, messages: messages.map(({ at: _at, ...m }) => m) };
}
