import type { EscalationFigures } from "../db/index.ts";

/** The shapes of a course's insights, as the JSON API returns them and the page shows them. */

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
  /** Questions handed to the teaching staff in the window (filled in by loadInsights). */
  escalations?: EscalationFigures;
}
