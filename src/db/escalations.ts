import type { Citation } from "../core/chat.ts";
import type { EscalationOrigin, EscalationStatus, ReplyTarget } from "../core/escalations.ts";
import { isUuid } from "./conversations.ts";
import { type Queryable, toVectorLiteral } from "./db.ts";

/** Who escalated which message, and where the staff answer goes. */
interface EscalationRecord {
  id: string;
  course: string;
  groupId: string;
  sessionId: string;
  messageId: string;
  origin: EscalationOrigin;
  note: string | null;
  studentKey: string;
  replyTo: ReplyTarget | null;
}

export interface NewEscalation extends EscalationRecord {
  embedding: number[] | null;
  embeddingModel: string | null;
}

/** One student's escalation with the exchange it is about. */
export interface EscalationRow extends EscalationRecord {
  createdAt: Date;
  deliveredAt: Date | null;
  /** The student's question (redacted) and what the tutor replied. */
  question: string;
  reply: string;
  replyStatus: string;
  citations: Citation[];
  topScore: number | null;
}

export interface EscalationGroupRow {
  id: string;
  course: string;
  status: EscalationStatus;
  answer: string | null;
  closedBy: string | null;
  answeredRole: string | null;
  dismissReason: string | null;
  staffAnswerId: string | null;
  slackChannel: string | null;
  slackTs: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

/** How a group is closed. */
export interface GroupClosing {
  status: "answered" | "dismissed";
  closedBy: string;
  answer?: string;
  answeredRole?: string;
  dismissReason?: string;
}

const ESCALATION_COLUMNS = `e.id, e.course_id, e.group_id, e.session_id, e.message_id, e.origin, e.note,
  e.student_key, e.reply_to, e.created_at, e.delivered_at, m.question, m.answer, m.status AS reply_status,
  m.citations, m.top_score`;

const GROUP_COLUMNS = `id, course_id, status, answer, closed_by, answered_role, dismiss_reason,
  staff_answer_id, slack_channel, slack_ts, created_at, closed_at`;

type Row = Record<string, unknown>;

const json = <T>(value: unknown): T => (typeof value === "string" ? (JSON.parse(value) as T) : (value as T));
const date = (value: unknown): Date => new Date(value as string | Date);
const maybeDate = (value: unknown): Date | null => (value === null ? null : date(value));

function toEscalation(r: Row): EscalationRow {
  return {
    id: r.id as string,
    course: r.course_id as string,
    groupId: r.group_id as string,
    sessionId: r.session_id as string,
    messageId: r.message_id as string,
    origin: r.origin as EscalationOrigin,
    note: r.note as string | null,
    studentKey: r.student_key as string,
    replyTo: r.reply_to === null ? null : json<ReplyTarget>(r.reply_to),
    createdAt: date(r.created_at),
    deliveredAt: maybeDate(r.delivered_at),
    question: r.question as string,
    reply: r.answer as string,
    replyStatus: r.reply_status as string,
    citations: json<Citation[]>(r.citations),
    topScore: r.top_score as number | null,
  };
}

function toGroup(r: Row): EscalationGroupRow {
  return {
    id: r.id as string,
    course: r.course_id as string,
    status: r.status as EscalationStatus,
    answer: r.answer as string | null,
    closedBy: r.closed_by as string | null,
    answeredRole: r.answered_role as string | null,
    dismissReason: r.dismiss_reason as string | null,
    staffAnswerId: r.staff_answer_id as string | null,
    slackChannel: r.slack_channel as string | null,
    slackTs: r.slack_ts as string | null,
    createdAt: date(r.created_at),
    closedAt: maybeDate(r.closed_at),
  };
}

/**
 * Escalations, their groups and the course's escalation settings. Every read names the course, so
 * one course's queue never shows or changes another's.
 */
export class EscalationRepository {
  constructor(private readonly db: Queryable) {}

  /** Inside a transaction: holds the course's escalation settings row, serialising grouping per course. */
  async lockCourse(course: string): Promise<void> {
    await this.db.query("SELECT course_id FROM escalation_settings WHERE course_id = $1 FOR UPDATE", [
      course,
    ]);
  }

  /** The course and (redacted) question of a message of this session; undefined for another session's. */
  async message(
    sessionId: string,
    messageId: string,
  ): Promise<{ course: string; question: string } | undefined> {
    if (!isUuid(sessionId) || !isUuid(messageId)) return undefined;
    const { rows } = await this.db.query<{ course_id: string; question: string }>(
      "SELECT course_id, question FROM messages WHERE id = $1 AND session_id = $2",
      [messageId, sessionId],
    );
    const row = rows[0];
    return row ? { course: row.course_id, question: row.question } : undefined;
  }

  async byMessage(course: string, messageId: string): Promise<EscalationRow | undefined> {
    return (await this.escalations("e.course_id = $1 AND e.message_id = $2", [course, messageId]))[0];
  }

  async byId(course: string, id: string): Promise<EscalationRow | undefined> {
    if (!isUuid(id)) return undefined;
    return (await this.escalations("e.course_id = $1 AND e.id = $2", [course, id]))[0];
  }

  /** Members of the given groups, oldest first. */
  async members(course: string, groupIds: string[]): Promise<EscalationRow[]> {
    if (groupIds.length === 0) return [];
    return this.escalations("e.course_id = $1 AND e.group_id = ANY($2::uuid[])", [course, groupIds]);
  }

  private async escalations(where: string, params: (string | string[])[]): Promise<EscalationRow[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${ESCALATION_COLUMNS} FROM escalations e JOIN messages m ON m.id = e.message_id
        WHERE ${where} ORDER BY e.created_at, e.id`,
      params,
    );
    return rows.map(toEscalation);
  }

  /** The stored question vectors of the course's open groups made by `model`. */
  async openVectors(course: string, model: string): Promise<{ groupId: string; embedding: number[] }[]> {
    const { rows } = await this.db.query<{ group_id: string; embedding: string }>(
      `SELECT e.group_id, e.embedding::text AS embedding FROM escalations e
         JOIN escalation_groups g ON g.id = e.group_id
        WHERE e.course_id = $1 AND g.course_id = $1 AND g.status = 'open'
          AND e.embedding_model = $2 AND e.embedding IS NOT NULL`,
      [course, model],
    );
    return rows.map((r) => ({ groupId: r.group_id, embedding: JSON.parse(r.embedding) as number[] }));
  }

  async createGroup(id: string, course: string): Promise<void> {
    await this.db.query("INSERT INTO escalation_groups (id, course_id) VALUES ($1, $2)", [id, course]);
  }

  async insert(e: NewEscalation): Promise<void> {
    await this.db.query(
      `INSERT INTO escalations (id, course_id, group_id, session_id, message_id, origin, note, student_key,
                                reply_to, embedding, embedding_model)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::vector, $11)`,
      [
        e.id,
        e.course,
        e.groupId,
        e.sessionId,
        e.messageId,
        e.origin,
        e.note,
        e.studentKey,
        e.replyTo ? JSON.stringify(e.replyTo) : null,
        e.embedding ? toVectorLiteral(e.embedding) : null,
        e.embeddingModel,
      ],
    );
  }

  async group(course: string, groupId: string): Promise<EscalationGroupRow | undefined> {
    if (!isUuid(groupId)) return undefined;
    const { rows } = await this.db.query<Row>(
      `SELECT ${GROUP_COLUMNS} FROM escalation_groups WHERE course_id = $1 AND id = $2`,
      [course, groupId],
    );
    return rows[0] ? toGroup(rows[0]) : undefined;
  }

  /** The course's groups in a status, oldest first (the queue's order), at most `limit`. */
  async groups(course: string, status: EscalationStatus, limit: number): Promise<EscalationGroupRow[]> {
    const order = status === "open" ? "created_at, id" : "closed_at DESC, id";
    const { rows } = await this.db.query<Row>(
      `SELECT ${GROUP_COLUMNS} FROM escalation_groups WHERE course_id = $1 AND status = $2
        ORDER BY ${order} LIMIT $3`,
      [course, status, limit],
    );
    return rows.map(toGroup);
  }

  /** Closes an open group; false when it was not open any more (someone else closed it first). */
  async close(course: string, groupId: string, closing: GroupClosing): Promise<boolean> {
    const { rows } = await this.db.query<{ id: string }>(
      `UPDATE escalation_groups
          SET status = $3, closed_by = $4, answer = $5, answered_role = $6, dismiss_reason = $7, closed_at = now()
        WHERE course_id = $1 AND id = $2 AND status = 'open' RETURNING id`,
      [
        course,
        groupId,
        closing.status,
        closing.closedBy,
        closing.answer ?? null,
        closing.answeredRole ?? null,
        closing.dismissReason ?? null,
      ],
    );
    return rows.length === 1;
  }

  async linkStaffAnswer(course: string, groupId: string, staffAnswerId: string): Promise<void> {
    await this.db.query(
      "UPDATE escalation_groups SET staff_answer_id = $3 WHERE course_id = $1 AND id = $2",
      [course, groupId, staffAnswerId],
    );
  }

  /** Records where the group's staff notification was posted. */
  async setNotification(groupId: string, channel: string, ts: string): Promise<void> {
    await this.db.query("UPDATE escalation_groups SET slack_channel = $2, slack_ts = $3 WHERE id = $1", [
      groupId,
      channel,
      ts,
    ]);
  }

  /** Moves an escalation of an open group into a new open group of its own. */
  async moveToGroup(course: string, escalationId: string, groupId: string): Promise<void> {
    await this.db.query("UPDATE escalations SET group_id = $3 WHERE course_id = $1 AND id = $2", [
      course,
      escalationId,
      groupId,
    ]);
  }

  /** Which messages of a session were escalated, with their group's status. */
  async ofSession(sessionId: string): Promise<{ id: string; messageId: string; status: EscalationStatus }[]> {
    const { rows } = await this.db.query<{ id: string; message_id: string; status: EscalationStatus }>(
      `SELECT e.id, e.message_id, g.status FROM escalations e JOIN escalation_groups g ON g.id = e.group_id
        WHERE e.session_id = $1`,
      [sessionId],
    );
    return rows.map((r) => ({ id: r.id, messageId: r.message_id, status: r.status }));
  }

  async markDelivered(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query("UPDATE escalations SET delivered_at = now() WHERE id = ANY($1::uuid[])", [ids]);
  }
}
