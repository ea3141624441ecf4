import { type QuestionTerms, questionTerms, SurfaceWords } from "./terms.ts";

/** One stored question, as insights read it (already redacted by the guardrails). */
export interface InsightMessage {
  question: string;
  status: "answered" | "no_answer" | "refused";
  citations: { source: string; title: string; heading: string }[];
  createdAt: Date;
}

export interface InsightFeedback {
  rating: "up" | "down";
  createdAt: Date;
}

export interface TopicCount {
  /** `source#heading`: stable across weeks. */
  key: string;
  label: string;
  source: string;
  title: string;
  heading: string;
  count: number;
  share: number;
  examples: string[];
}

export interface GapCluster {
  /** The words that define the gap, most typical first. */
  label: string;
  terms: string[];
  count: number;
  lastAsked: string;
  examples: string[];
  /** The sections the tutor found closest (what it pointed the student to instead). */
  nearestSections: { source: string; title: string; heading: string }[];
}

export interface FeedbackBucket {
  start: string;
  up: number;
  down: number;
  upRatio: number | null;
}

export interface DriftWeek {
  start: string;
  questions: number;
  /** Jensen–Shannon divergence (0 same mix of topics … 1 nothing in common) from the week before. */
  drift: number | null;
}

export interface TopicShift {
  label: string;
  before: number;
  after: number;
}

export interface CourseInsights {
  course: string;
  generatedAt: string;
  window: { weeks: number; from: string; to: string };
  totals: { questions: number; answered: number; no_answer: number; refused: number };
  topics: TopicCount[];
  terms: { term: string; count: number }[];
  gaps: GapCluster[];
  feedback: { buckets: FeedbackBucket[]; overall: { up: number; down: number; upRatio: number | null } };
  drift: {
    weeks: DriftWeek[];
    /** The last full week against the one before it. */
    latest: {
      from: string;
      to: string;
      score: number | null;
      rising: TopicShift[];
      falling: TopicShift[];
      newTerms: string[];
    } | null;
  };
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Monday 00:00 UTC of the week holding `time`. */
export function weekStart(time: Date): Date {
  const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 24 * 3600 * 1000);
}

/** The topic of an answered question: the section its first citation points to. */
function topicOf(message: InsightMessage): Omit<TopicCount, "count" | "share" | "examples"> | undefined {
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

/** Jensen–Shannon divergence in bits, 0..1. */
export function jensenShannon(p: ReadonlyMap<string, number>, q: ReadonlyMap<string, number>): number {
  const keys = new Set([...p.keys(), ...q.keys()]);
  const totalP = sum(p.values());
  const totalQ = sum(q.values());
  if (totalP === 0 || totalQ === 0) return 0;
  let divergence = 0;
  for (const key of keys) {
    const a = (p.get(key) ?? 0) / totalP;
    const b = (q.get(key) ?? 0) / totalQ;
    const m = (a + b) / 2;
    if (a > 0) divergence += 0.5 * a * Math.log2(a / m);
    if (b > 0) divergence += 0.5 * b * Math.log2(b / m);
  }
  return Math.min(1, Math.max(0, divergence));
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * Similar unanswered questions grouped together, so an instructor sees "12 students asked about
 * X" instead of 12 rows. Greedy: a question joins the first group whose words it mostly shares.
 */
export function clusterGaps(
  gaps: readonly { message: InsightMessage; terms: QuestionTerms }[],
  words: SurfaceWords,
  limit = 15,
): GapCluster[] {
  interface Group {
    terms: Map<string, number>;
    members: { message: InsightMessage; terms: QuestionTerms }[];
  }
  const groups: Group[] = [];
  const newestFirst = [...gaps].sort((a, b) => b.message.createdAt.getTime() - a.message.createdAt.getTime());
  for (const gap of newestFirst) {
    const stems = gap.terms.stems;
    let home: Group | undefined;
    let best = 0;
    for (const group of groups) {
      const score = similarity(stems, group.members[0]?.terms.stems ?? new Set(), group.terms);
      if (score > best) {
        best = score;
        home = group;
      }
    }
    if (!home || best < 0.5) {
      home = { terms: new Map(), members: [] };
      groups.push(home);
    }
    home.members.push(gap);
    for (const stem of stems) home.terms.set(stem, (home.terms.get(stem) ?? 0) + 1);
  }
  return groups
    .map((group) => {
      const members = group.members;
      const terms = [...group.terms.entries()]
        .filter(([, n]) => n >= Math.max(1, Math.ceil(members.length / 2)))
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 5)
        .map(([stem]) => words.word(stem));
      const sections = new Map<string, { section: GapCluster["nearestSections"][number]; n: number }>();
      for (const { message } of members) {
        for (const c of message.citations.slice(0, 2)) {
          const key = `${c.source}#${c.heading}`;
          const entry = sections.get(key) ?? {
            section: { source: c.source, title: c.title, heading: c.heading },
            n: 0,
          };
          entry.n += 1;
          sections.set(key, entry);
        }
      }
      const examples = [...new Set(members.map((m) => m.message.question.trim()))].slice(0, 3);
      return {
        label: terms.join(" · ") || (examples[0] ?? "").slice(0, 60),
        terms,
        count: members.length,
        lastAsked: (members[0] as (typeof members)[number]).message.createdAt.toISOString(),
        examples,
        nearestSections: [...sections.values()]
          .sort((a, b) => b.n - a.n)
          .slice(0, 3)
          .map((e) => e.section),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked))
    .slice(0, limit);
}

/** Overlap of a question's words with a group: against its first question and its common words. */
function similarity(stems: Set<string>, seed: Set<string>, groupTerms: Map<string, number>): number {
  if (stems.size === 0) return seed.size === 0 ? 1 : 0;
  let shared = 0;
  for (const s of stems) if (seed.has(s)) shared++;
  const union = stems.size + seed.size - shared;
  const jaccard = union === 0 ? 0 : shared / union;
  // Short questions ("drift?") against a longer seed: most of the short one is in the group.
  let inGroup = 0;
  for (const s of stems) if (groupTerms.has(s)) inGroup++;
  const containment = shared >= 2 ? inGroup / stems.size : 0;
  return Math.max(jaccard, containment * 0.9);
}

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

  // Topics.
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
  const answeredTotal = sum([...topics.values()].map((t) => t.count));
  const topTopics = [...topics.values()]
    .map((t) => ({ ...t, share: answeredTotal > 0 ? t.count / answeredTotal : 0 }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, 12);

  // Words students use, across every question (answered or not).
  const termCounts = new Map<string, number>();
  for (const { terms } of analysed)
    for (const s of terms.stems) termCounts.set(s, (termCounts.get(s) ?? 0) + 1);
  const topTerms = [...termCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 20)
    .map(([s, count]) => ({ term: words.word(s), count }));

  // Gaps.
  const gaps = clusterGaps(
    analysed.filter((a) => a.message.status === "no_answer"),
    words,
  );

  // Feedback per week.
  const weekStarts = Array.from({ length: weeks }, (_, i) => new Date(from.getTime() + i * WEEK_MS));
  const buckets: FeedbackBucket[] = weekStarts.map((start) => ({
    start: start.toISOString(),
    up: 0,
    down: 0,
    upRatio: null,
  }));
  let up = 0;
  let down = 0;
  for (const f of input.feedback) {
    if (f.createdAt < from || f.createdAt > now) continue;
    const index = Math.floor((f.createdAt.getTime() - from.getTime()) / WEEK_MS);
    const bucket = buckets[index];
    if (!bucket) continue;
    bucket[f.rating] += 1;
    if (f.rating === "up") up++;
    else down++;
  }
  for (const b of buckets) b.upRatio = b.up + b.down > 0 ? b.up / (b.up + b.down) : null;

  // Drift: each week's mix of topics (answered) and gap words (unanswered) against the week before.
  const weekly = weekStarts.map(() => ({
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
  const driftWeeks: DriftWeek[] = weekly.map((week, i) => {
    const before = weekly[i - 1];
    const comparable = before && before.questions > 0 && week.questions > 0;
    return {
      start: (weekStarts[i] as Date).toISOString(),
      questions: week.questions,
      drift: comparable ? round(jensenShannon(before.subjects, week.subjects)) : null,
    };
  });

  // The latest complete comparison: the current week may have just begun, so compare the last
  // two weeks that both have questions, preferring the most recent pair.
  let latest: CourseInsights["drift"]["latest"] = null;
  for (let i = weekly.length - 1; i > 0; i--) {
    const after = weekly[i] as (typeof weekly)[number];
    const before = weekly[i - 1] as (typeof weekly)[number];
    if (after.questions === 0 || before.questions === 0) continue;
    const labels = new Map<string, string>();
    for (const t of topics.values()) labels.set(t.key, t.label);
    const shares = (m: Map<string, number>) => {
      const total = sum(m.values());
      return (key: string) => (total > 0 ? (m.get(key) ?? 0) / total : 0);
    };
    const shareBefore = shares(before.subjects);
    const shareAfter = shares(after.subjects);
    const shifts = [...new Set([...before.subjects.keys(), ...after.subjects.keys()])]
      .filter((key) => !key.startsWith("gap:"))
      .map((key) => ({
        label: labels.get(key) ?? key,
        before: round(shareBefore(key)),
        after: round(shareAfter(key)),
      }));
    const newTerms = [...after.terms.entries()]
      .filter(([s, n]) => n >= 2 && !before.terms.has(s))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([s]) => words.word(s));
    latest = {
      from: (weekStarts[i - 1] as Date).toISOString(),
      to: (weekStarts[i] as Date).toISOString(),
      score: driftWeeks[i]?.drift ?? null,
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
    break;
  }

  return {
    course: input.course,
    generatedAt: now.toISOString(),
    window: { weeks, from: from.toISOString(), to: now.toISOString() },
    totals,
    topics: topTopics,
    terms: topTerms,
    gaps,
    feedback: { buckets, overall: { up, down, upRatio: up + down > 0 ? up / (up + down) : null } },
    drift: { weeks: driftWeeks, latest },
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
