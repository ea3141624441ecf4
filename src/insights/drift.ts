import { jensenShannon, round, sum, WEEK_MS } from "./math.ts";
import type { SurfaceWords } from "./terms.ts";
import { type AnalysedQuestion, topicOf } from "./topics.ts";
import type { CourseInsights, DriftWeek, TopicCount, TopicShift } from "./types.ts";

/** One week's mix: subjects (answered topics and gap words) and the words students used. */
interface WeekMix {
  subjects: Map<string, number>;
  terms: Map<string, number>;
  questions: number;
}

/** Drift: each week's mix of topics (answered) and gap words (unanswered) against the week before. */
export function computeDrift(input: {
  analysed: readonly AnalysedQuestion[];
  from: Date;
  weekStarts: readonly Date[];
  topics: ReadonlyMap<string, TopicCount>;
  words: SurfaceWords;
}): CourseInsights["drift"] {
  const weekly = weeklyMixes(input.analysed, input.from, input.weekStarts.length);
  const weeks: DriftWeek[] = weekly.map((week, i) => {
    const before = weekly[i - 1];
    const comparable = before && before.questions > 0 && week.questions > 0;
    return {
      start: (input.weekStarts[i] as Date).toISOString(),
      questions: week.questions,
      topTopics: weekTopics(week, input.topics),
      drift: comparable ? round(jensenShannon(before.subjects, week.subjects)) : null,
    };
  });
  return { weeks, latest: latestShift({ ...input, weekly, weeks }) };
}

/** The three subjects of a week that are answered topics, most asked first. */
function weekTopics(week: WeekMix, topics: ReadonlyMap<string, TopicCount>): DriftWeek["topTopics"] {
  return [...week.subjects.entries()]
    .filter(([key]) => topics.has(key))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([key, count]) => ({ label: (topics.get(key) as TopicCount).label, count }));
}

function weeklyMixes(analysed: readonly AnalysedQuestion[], from: Date, weeks: number): WeekMix[] {
  const weekly: WeekMix[] = Array.from({ length: weeks }, () => ({
    subjects: new Map<string, number>(),
    terms: new Map<string, number>(),
    questions: 0,
  }));
  for (const { message, terms } of analysed) {
    const index = Math.floor((message.createdAt.getTime() - from.getTime()) / WEEK_MS);
    const week = weekly[index];
    if (!week) continue;
    week.questions += 1;
    const topic = topicOf(message);
    const subject = topic
      ? topic.key
      : message.status === "no_answer"
        ? `gap:${[...terms.stems].sort().slice(0, 3).join(" ")}`
        : undefined;
    if (subject) week.subjects.set(subject, (week.subjects.get(subject) ?? 0) + 1);
    for (const s of terms.stems) week.terms.set(s, (week.terms.get(s) ?? 0) + 1);
  }
  return weekly;
}

/**
 * The latest complete comparison: the current week may have just begun, so compare the last
 * two weeks that both have questions, preferring the most recent pair.
 */
function latestShift(input: {
  weekly: readonly WeekMix[];
  weeks: readonly DriftWeek[];
  weekStarts: readonly Date[];
  topics: ReadonlyMap<string, TopicCount>;
  words: SurfaceWords;
}): CourseInsights["drift"]["latest"] {
  const { weekly, weekStarts } = input;
  for (let i = weekly.length - 1; i > 0; i--) {
    const after = weekly[i] as WeekMix;
    const before = weekly[i - 1] as WeekMix;
    if (after.questions === 0 || before.questions === 0) continue;
    const shifts = topicShifts(before, after, input.topics);
    const newTerms = [...after.terms.entries()]
      .filter(([s, n]) => n >= 2 && !before.terms.has(s))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([s]) => input.words.word(s));
    return {
      from: (weekStarts[i - 1] as Date).toISOString(),
      to: (weekStarts[i] as Date).toISOString(),
      score: input.weeks[i]?.drift ?? null,
      rising: shifts
        .filter((s) => s.after > s.before)
        .sort((a, b) => b.after - b.before - (a.after - a.before))
        .slice(0, 5),
      falling: shifts
        .filter((s) => s.after < s.before)
        .sort((a, b) => a.after - a.before - (b.after - b.before))
        .slice(0, 5),
      newTerms,
    };
  }
  return null;
}

/** Each answered topic's share of the week before and of the week after. */
function topicShifts(before: WeekMix, after: WeekMix, topics: ReadonlyMap<string, TopicCount>): TopicShift[] {
  const labels = new Map<string, string>();
  for (const t of topics.values()) labels.set(t.key, t.label);
  const shares = (m: Map<string, number>) => {
    const total = sum(m.values());
    return (key: string) => (total > 0 ? (m.get(key) ?? 0) / total : 0);
  };
  const shareBefore = shares(before.subjects);
  const shareAfter = shares(after.subjects);
  return [...new Set([...before.subjects.keys(), ...after.subjects.keys()])]
    .filter((key) => !key.startsWith("gap:"))
    .map((key) => ({
      label: labels.get(key) ?? key,
      before: round(shareBefore(key)),
      after: round(shareAfter(key)),
    }));
}
