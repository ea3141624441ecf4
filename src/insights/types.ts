/** The shapes of a course's insights, as the JSON API returns them and the page shows them. */

/** One stored question, as insights read it (already redacted by the guardrails). */
export interface InsightMessage {
  question: string;
  status: "answered" | "no_answer" | "refused";
  citations: { source: string; title: string; heading: string }[];
  /** The guard rule that refused or redirected the question, if any. */
  guardrail?: string;
  createdAt: Date;
}

export interface InsightFeedback {
  rating: "up" | "down";
  createdAt: Date;
  /** What the student wrote with the rating. */
  comment?: string;
  /** The rated question and answer (the question already redacted). */
  question?: string;
  answer?: string;
}

/** A 👎 answer, newest first: what was asked, what the tutor said, and why the student disliked it. */
export interface DownvotedAnswer {
  question: string;
  answer: string;
  comment: string | null;
  createdAt: string;
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
  /** The week's most asked topics (answered questions, by the section cited first). */
  topTopics: { label: string; count: number }[];
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
  /** The latest 👎 answers of the window (at most 50). */
  downvoted: DownvotedAnswer[];
  /** How often each guard rule refused or redirected a question in the window, most first. */
  guardrails: { rule: string; count: number }[];
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
