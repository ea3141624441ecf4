import type { Queryable } from "../db/db.ts";
import {
  type CourseInsights,
  computeInsights,
  type InsightFeedback,
  type InsightMessage,
} from "./compute.ts";

/** Enough for a busy course's term; older or surplus rows are left out rather than slowing the page. */
const MAX_MESSAGES = 20_000;

interface MessageRow {
  question: string;
  status: InsightMessage["status"];
  citations: InsightMessage["citations"] | string;
  created_at: Date | string;
}

/** Reads one course's questions and feedback for the last `weeks` weeks and computes its insights. */
export async function loadInsights(
  db: Queryable,
  course: string,
  options: { weeks: number; now: Date },
): Promise<CourseInsights> {
  const since = new Date(options.now.getTime() - (options.weeks + 1) * 7 * 24 * 3600 * 1000);
  const [messages, feedback] = await Promise.all([
    db.query<MessageRow>(
      `SELECT question, status, citations, created_at FROM messages
        WHERE course_id = $1 AND created_at >= $2 AND created_at <= $3
        ORDER BY created_at DESC LIMIT ${MAX_MESSAGES}`,
      [course, since, options.now],
    ),
    db.query<{ rating: "up" | "down"; created_at: Date | string }>(
      "SELECT rating, created_at FROM feedback WHERE course_id = $1 AND created_at >= $2 AND created_at <= $3",
      [course, since, options.now],
    ),
  ]);
  return computeInsights({
    course,
    now: options.now,
    weeks: options.weeks,
    messages: messages.rows.map((row) => ({
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
    })),
    feedback: feedback.rows.map<InsightFeedback>((row) => ({
      rating: row.rating,
      createdAt: new Date(row.created_at),
    })),
  });
}
