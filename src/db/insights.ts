import type { InsightFeedback, InsightMessage } from "../insights/compute.ts";
import type { Queryable } from "./db.ts";

/** Enough for a busy course's term; older or surplus rows are left out rather than slowing the page. */
const MAX_MESSAGES = 20_000;

interface MessageRow {
  question: string;
  status: InsightMessage["status"];
  citations: InsightMessage["citations"] | string;
  created_at: Date | string;
}

/** A course's questions and ratings within a time window, as instructor insights read them. */
export class InsightsRepository {
  constructor(private readonly db: Queryable) {}

  /** The newest questions asked between `since` and `until` (at most 20,000), newest first. */
  async messages(course: string, since: Date, until: Date): Promise<InsightMessage[]> {
    const { rows } = await this.db.query<MessageRow>(
      `SELECT question, status, citations, created_at FROM messages
        WHERE course_id = $1 AND created_at >= $2 AND created_at <= $3
        ORDER BY created_at DESC LIMIT ${MAX_MESSAGES}`,
      [course, since, until],
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
      createdAt: new Date(row.created_at),
    }));
  }

  async feedback(course: string, since: Date, until: Date): Promise<InsightFeedback[]> {
    const { rows } = await this.db.query<{ rating: "up" | "down"; created_at: Date | string }>(
      "SELECT rating, created_at FROM feedback WHERE course_id = $1 AND created_at >= $2 AND created_at <= $3",
      [course, since, until],
    );
    return rows.map((row) => ({ rating: row.rating, createdAt: new Date(row.created_at) }));
  }
}
