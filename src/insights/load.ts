import { STAFF_ANSWERS_FOLDER } from "../core/escalations.ts";
import { EscalationStatsRepository, InsightsRepository, type Queryable } from "../db/index.ts";
import { type CourseInsights, computeInsights } from "./compute.ts";

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Reads one course's questions and feedback for the last `weeks` weeks and computes its insights. */
export async function loadInsights(
  db: Queryable,
  course: string,
  options: { weeks: number; now: Date },
): Promise<CourseInsights> {
  const since = new Date(options.now.getTime() - (options.weeks + 1) * WEEK_MS);
  const repository = new InsightsRepository(db);
  const [messages, feedback] = await Promise.all([
    repository.messages(course, since, options.now),
    repository.feedback(course, since, options.now),
  ]);
  const insights = computeInsights({ course, now: options.now, weeks: options.weeks, messages, feedback });
  // The escalation figures cover the insights' window, from the Monday it starts on.
  const from = new Date(insights.window.from);
  const escalations = await new EscalationStatsRepository(db).figures(course, from, STAFF_ANSWERS_FOLDER);
  return { ...insights, escalations };
}
