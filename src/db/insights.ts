import { STAFF_SURFACES } from "../core/surfaces.ts";
import type { InsightFeedback, InsightMessage } from "../insights/compute.ts";
import type { Queryable } from "./db.ts";

/** Enough for a busy course's term; older or surplus rows are left out rather than slowing the page. */
const MAX_MESSAGES = 20_000;
/** The rated answer as insights show it: long answers are cut here, not in the browser. */
const ANSWER_CHARS = 600;

interface MessageRow {
  question: string;
  status: InsightMessage["status"];
  citations: InsightMessage["citations"] | string;
  rule: string | null;
  created_at: Date | string;
}

interface FeedbackRow {
  rating: "up" | "down";
  comment: string | null;
  question: string;
  answer: string;
  created_at: Date | string;
}

/**
 * A course's student questions and ratings within a time window, as instructor insights read
 * them. Questions staff asked (evals, the console's playground, the CLI) are left out.
 */
export class InsightsRepository {
  constructor(private readonly db: Queryable) {}

  /** The newest student questions asked between `since` and `until` (at most 20,000), newest first. */
  async messages(course: string, since: Date, until: Date): Promise<InsightMessage[]> {
    const { rows } = await this.db.query<MessageRow>(
      `SELECT m.question, m.status, m.citations, m.guardrail->>'rule' AS rule, m.created_at
         FROM messages m JOIN sessions s ON s.id = m.session_id
        WHERE m.course_id = $1 AND m.created_at >= $2 AND m.created_at <= $3 AND s.surface <> ALL($4::text[])
        ORDER BY m.created_at DESC LIMIT ${MAX_MESSAGES}`,
      [course, since, until, [...STAFF_SURFACES]],
    );
    return rows.map((row) => ({
      question: row.question,
      status: row.status,
      citations: (typeof row.citations === "string" ? JSON.parse(row.citations) : row.citations).map(
        (c: { source: string; title: string; heading: string }) => ({
          source: c.source,
          title: c.title,
          heading: c.heading,
        }),
      ),
      ...(row.rule ? { guardrail: row.rule } : {}),
      createdAt: new Date(row.created_at),
    }));
  }

  /** Students' ratings in the window, each with the question and (the start of) the answer it rated. */
  async feedback(course: string, since: Date, until: Date): Promise<InsightFeedback[]> {
    const { rows } = await this.db.query<FeedbackRow>(
      `SELECT f.rating, f.comment, m.question, left(m.answer, ${ANSWER_CHARS}) AS answer, f.created_at
         FROM feedback f JOIN messages m ON m.id = f.message_id JOIN sessions s ON s.id = f.session_id
        WHERE f.course_id = $1 AND f.created_at >= $2 AND f.created_at <= $3 AND s.surface <> ALL($4::text[])`,
      [course, since, until, [...STAFF_SURFACES]],
    );
    return rows.map((row) => ({
      rating: row.rating,
      createdAt: new Date(row.created_at),
      ...(row.comment ? { comment: row.comment } : {}),
      question: row.question,
      answer: row.answer,
    }));
  }
}
