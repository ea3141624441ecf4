import { computeDrift } from "./drift.ts";
import { clusterGaps } from "./gaps.ts";
import { WEEK_MS, weekStart } from "./math.ts";
import { questionTerms, SurfaceWords } from "./terms.ts";
import { countTopics, topTerms, topTopics } from "./topics.ts";
import type { CourseInsights, FeedbackBucket, InsightFeedback, InsightMessage } from "./types.ts";

export { clusterGaps } from "./gaps.ts";
export { jensenShannon, weekStart } from "./math.ts";
export type * from "./types.ts";

/**
 * What students ask about, what the material could not answer, how they rate answers and how
 * their interests shift, computed from a course's stored questions and feedback.
 */
export function computeInsights(input: {
  course: string;
  messages: readonly InsightMessage[];
  feedback: readonly InsightFeedback[];
  now: Date;
  weeks: number;
}): CourseInsights {
  const { now, weeks } = input;
  const thisWeek = weekStart(now);
  const from = new Date(thisWeek.getTime() - (weeks - 1) * WEEK_MS);
  const inWindow = input.messages.filter((m) => m.createdAt >= from && m.createdAt <= now);
  const words = new SurfaceWords();
  const analysed = inWindow.map((message) => {
    const terms = questionTerms(message.question);
    words.add(terms);
    return { message, terms };
  });

  const totals = { questions: inWindow.length, answered: 0, no_answer: 0, refused: 0 };
  for (const m of inWindow) totals[m.status] += 1;
  const topics = countTopics(analysed);
  const weekStarts = Array.from({ length: weeks }, (_, i) => new Date(from.getTime() + i * WEEK_MS));

  return {
    course: input.course,
    generatedAt: now.toISOString(),
    window: { weeks, from: from.toISOString(), to: now.toISOString() },
    totals,
    topics: topTopics(topics),
    terms: topTerms(analysed, words),
    gaps: clusterGaps(
      analysed.filter((a) => a.message.status === "no_answer"),
      words,
    ),
    feedback: feedbackByWeek(input.feedback, from, now, weekStarts),
    downvoted: downvotedAnswers(input.feedback, from, now),
    guardrails: guardrailHits(inWindow),
    drift: computeDrift({ analysed, from, weekStarts, topics, words }),
  };
}

const MAX_DOWNVOTED = 50;

/** The window's 👎 ratings that carry their question, newest first. */
function downvotedAnswers(
  feedback: readonly InsightFeedback[],
  from: Date,
  now: Date,
): CourseInsights["downvoted"] {
  return feedback
    .filter(
      (f) => f.rating === "down" && f.question !== undefined && f.createdAt >= from && f.createdAt <= now,
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, MAX_DOWNVOTED)
    .map((f) => ({
      question: f.question ?? "",
      answer: f.answer ?? "",
      comment: f.comment?.trim() ? f.comment.trim() : null,
      createdAt: f.createdAt.toISOString(),
    }));
}

function guardrailHits(messages: readonly InsightMessage[]): CourseInsights["guardrails"] {
  const counts = new Map<string, number>();
  for (const m of messages) if (m.guardrail) counts.set(m.guardrail, (counts.get(m.guardrail) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, count]) => ({ rule, count }));
}

/** Thumbs up and down per week of the window, and over the whole window. */
function feedbackByWeek(
  feedback: readonly InsightFeedback[],
  from: Date,
  now: Date,
  weekStarts: readonly Date[],
): CourseInsights["feedback"] {
  const buckets: FeedbackBucket[] = weekStarts.map((start) => ({
    start: start.toISOString(),
    up: 0,
    down: 0,
    upRatio: null,
  }));
  let up = 0;
  let down = 0;
  for (const f of feedback) {
    if (f.createdAt < from || f.createdAt > now) continue;
    const index = Math.floor((f.createdAt.getTime() - from.getTime()) / WEEK_MS);
    const bucket = buckets[index];
    if (!bucket) continue;
    bucket[f.rating] += 1;
    if (f.rating === "up") up++;
    else down++;
  }
  for (const b of buckets) b.upRatio = b.up + b.down > 0 ? b.up / (b.up + b.down) : null;
  return { buckets, overall: { up, down, upRatio: up + down > 0 ? up / (up + down) : null } };
}
