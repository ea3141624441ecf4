import type { Answer, AskRequest, AskTrace, Citation } from "../../core/chat.ts";
import type { EscalationOrigin, EscalationStatus, ReplyTarget } from "../../core/escalations.ts";

/** A course's escalation settings. */
export interface EscalationSettings {
  /** Every `no_answer` (that is not off topic) goes to the staff without the student asking. */
  autoEscalate: boolean;
  /** The Slack channel new escalations are posted to, with Answer and Dismiss buttons. */
  staffSlackChannel: string | null;
  /** Staff see who asked (Slack users) instead of a per-course pseudonym. */
  showStudentNames: boolean;
}

export const defaultEscalationSettings: EscalationSettings = {
  autoEscalate: false,
  staffSlackChannel: null,
  showStudentNames: false,
};

/** Embeds a question for grouping; the course embedder (`CourseEmbeddings`) is one. */
export interface QuestionEmbedder {
  readonly modelId: string;
  embedQuery(text: string): Promise<number[]>;
}

/** Adds, replaces and removes single documents of a course and brings the indexes up to date. */
export interface MaterialPublisher {
  publish(course: string, source: string, content: string): Promise<void>;
  retire(course: string, source: string): Promise<void>;
}

/** A student as staff see them. */
export interface QueueStudent {
  /** Stable within a course, different in every other course. */
  pseudonym: string;
  /** Only when the course shows names: the Slack user who asked (the widget knows no names). */
  slackUserId?: string;
}

/** One student's escalation in the queue. */
export interface EscalationView {
  id: string;
  origin: EscalationOrigin;
  question: string;
  tutorReply: { text: string; status: string };
  /** What the tutor retrieved and showed: its citations (the closest sections for a no_answer). */
  retrieved: Pick<Citation, "n" | "source" | "title" | "heading" | "snippet" | "url">[];
  note: string | null;
  student: QueueStudent;
  createdAt: string;
}

/** A group of students asking the same thing, answered once for all; `id` is its first escalation's. */
export interface GroupView extends EscalationView {
  groupId: string;
  course: string;
  status: EscalationStatus;
  /** How many other students asked the same thing. */
  othersAsking: number;
  /** Every escalation of the group, the first one included, oldest first. */
  members: EscalationView[];
  answer?: {
    text: string;
    answeredBy: string;
    role: string;
    answeredAt: string;
    /** The staff-answers entry the answer became, when it was added to the material. */
    staffAnswerId: string | null;
  };
  dismissal?: { reason: string | null; dismissedBy: string; dismissedAt: string };
}

/** A staff answer on its way to one student who asked outside the widget (Slack thread or DM). */
export interface AnswerDelivery {
  course: string;
  escalationId: string;
  question: string;
  answer: string;
  role: string;
  replyTo: ReplyTarget;
}

/** Hears about the queue: the Slack surface keeps the staff channel's notification and delivers answers. */
export interface EscalationListener {
  /**
   * The group as it now is (opened, grown, answered or dismissed). A listener that posted a new
   * notification returns where, so later changes update that message instead of posting again.
   */
  groupChanged?(
    group: GroupView,
    settings: EscalationSettings,
    notification: { channel: string; ts: string } | undefined,
  ): Promise<{ channel: string; ts: string } | undefined>;
  /** Delivers a staff answer where the student asked; true when it was delivered. */
  deliverAnswer?(delivery: AnswerDelivery): Promise<boolean>;
}

/** Why an escalation request cannot be carried out. */
export class EscalationError extends Error {
  override name = "EscalationError";
  constructor(
    readonly code:
      | "unknown_message"
      | "unknown_escalation"
      | "escalation_closed"
      | "unknown_staff_answer"
      | "staff_answer_retired"
      | "cannot_detach",
    message: string,
  ) {
    super(message);
  }
}

/** The pipeline's shape as surfaces use it (chat's `Pipeline`), so escalation can wrap it. */
export interface AskingPipeline {
  ask(request: AskRequest): Promise<Answer>;
  askWithTrace(request: AskRequest): Promise<{ answer: Answer; trace: AskTrace }>;
}
