import { isUuid } from "./conversations.ts";
import type { Queryable } from "./db.ts";

/** A staff answer kept as course material (`staff-answers/<slug>.md`). */
export interface StaffAnswerRow {
  id: string;
  course: string;
  groupId: string | null;
  slug: string;
  question: string;
  answer: string;
  answeredRole: string;
  createdAt: Date;
  updatedAt: Date;
  retiredAt: Date | null;
}

/** A staff reply inside a student's session. */
export interface StaffMessageRow {
  id: string;
  sessionId: string;
  escalationId: string;
  text: string;
  createdAt: Date;
}

type Row = Record<string, unknown>;

const COLUMNS =
  "id, course_id, group_id, slug, question, answer, answered_role, created_at, updated_at, retired_at";

function toStaffAnswer(r: Row): StaffAnswerRow {
  return {
    id: r.id as string,
    course: r.course_id as string,
    groupId: r.group_id as string | null,
    slug: r.slug as string,
    question: r.question as string,
    answer: r.answer as string,
    answeredRole: r.answered_role as string,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
    retiredAt: r.retired_at === null ? null : new Date(r.retired_at as string),
  };
}

/** Staff answers kept as course material, and staff replies delivered into sessions. */
export class StaffAnswerRepository {
  constructor(private readonly db: Queryable) {}

  /** Inserts a staff answer; false when the course already has one with this slug. */
  async insert(row: Omit<StaffAnswerRow, "createdAt" | "updatedAt" | "retiredAt">): Promise<boolean> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO staff_answers (id, course_id, group_id, slug, question, answer, answered_role)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (course_id, slug) DO NOTHING RETURNING id`,
      [row.id, row.course, row.groupId, row.slug, row.question, row.answer, row.answeredRole],
    );
    return rows.length === 1;
  }

  async find(course: string, id: string): Promise<StaffAnswerRow | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM staff_answers WHERE course_id = $1 AND id = $2`,
      [course, id],
    );
    return rows[0] ? toStaffAnswer(rows[0]) : undefined;
  }

  /** The course's staff answers, newest first; retired ones only when asked for. */
  async list(course: string, includeRetired: boolean): Promise<StaffAnswerRow[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM staff_answers WHERE course_id = $1 AND ($2::boolean OR retired_at IS NULL)
        ORDER BY created_at DESC, id`,
      [course, includeRetired],
    );
    return rows.map(toStaffAnswer);
  }

  async update(course: string, id: string, change: { question: string; answer: string }): Promise<void> {
    await this.db.query(
      "UPDATE staff_answers SET question = $3, answer = $4, updated_at = now() WHERE course_id = $1 AND id = $2",
      [course, id, change.question, change.answer],
    );
  }

  /** Marks an entry retired; false when it was retired already. */
  async retire(course: string, id: string): Promise<boolean> {
    const { rows } = await this.db.query<{ id: string }>(
      `UPDATE staff_answers SET retired_at = now(), updated_at = now()
        WHERE course_id = $1 AND id = $2 AND retired_at IS NULL RETURNING id`,
      [course, id],
    );
    return rows.length === 1;
  }

  async addMessage(message: Omit<StaffMessageRow, "createdAt"> & { course: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO staff_messages (id, session_id, course_id, escalation_id, text)
       VALUES ($1, $2, $3, $4, $5)`,
      [message.id, message.sessionId, message.course, message.escalationId, message.text],
    );
  }

  /** The staff replies in a session, oldest first. */
  async messages(sessionId: string): Promise<StaffMessageRow[]> {
    const { rows } = await this.db.query<Row>(
      `SELECT id, session_id, escalation_id, text, created_at FROM staff_messages
        WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      sessionId: r.session_id as string,
      escalationId: r.escalation_id as string,
      text: r.text as string,
      createdAt: new Date(r.created_at as string),
    }));
  }
}
