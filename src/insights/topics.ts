import { sum } from "./math.ts";
import type { QuestionTerms, SurfaceWords } from "./terms.ts";
import type { InsightMessage, TopicCount } from "./types.ts";

/** A question in the window with its analysed words. */
export interface AnalysedQuestion {
  message: InsightMessage;
  terms: QuestionTerms;
}

/** The topic of an answered question: the section its first citation points to. */
export function topicOf(
  message: InsightMessage,
): Omit<TopicCount, "count" | "share" | "examples"> | undefined {
  const first = message.citations[0];
  if (message.status !== "answered" || !first) return undefined;
  const heading = first.heading && first.heading !== first.title ? first.heading : "";
  return {
    key: `${first.source}#${heading}`,
    label: heading ? `${heading} — ${first.title}` : first.title,
    source: first.source,
    title: first.title,
    heading,
  };
}

/** Answered questions per topic (keyed `source#heading`), with two example questions each. */
export function countTopics(analysed: readonly AnalysedQuestion[]): Map<string, TopicCount> {
  const topics = new Map<string, TopicCount>();
  for (const { message } of analysed) {
    const topic = topicOf(message);
    if (!topic) continue;
    const entry = topics.get(topic.key) ?? { ...topic, count: 0, share: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < 2 && !entry.examples.includes(message.question))
      entry.examples.push(message.question);
    topics.set(topic.key, entry);
  }
  return topics;
}

/** The twelve most asked topics with their share of answered questions. */
export function topTopics(topics: ReadonlyMap<string, TopicCount>): TopicCount[] {
  const answeredTotal = sum([...topics.values()].map((t) => t.count));
  return [...topics.values()]
    .map((t) => ({ ...t, share: answeredTotal > 0 ? t.count / answeredTotal : 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, 12);
}

/** Words students use, across every question (answered or not). */
export function topTerms(
  analysed: readonly AnalysedQuestion[],
  words: SurfaceWords,
): { term: string; count: number }[] {
  const termCounts = new Map<string, number>();
  for (const { terms } of analysed)
    for (const s of terms.stems) termCounts.set(s, (termCounts.get(s) ?? 0) + 1);
  return [...termCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 20)
    .map(([s, count]) => ({ term: words.word(s), count }));
}
