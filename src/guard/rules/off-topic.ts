import type { GuardRule, GuardVerdict } from "../types.ts";

/**
 * Off-topic questions: the course material did not match the question well enough to answer
 * (the pipeline's confidence check) AND the question lies far from the course's topic centroid
 * (the mean embedding of its chunks). Only both together mark a question as outside the course;
 * a course question the notes happen not to cover gets the ordinary "not in the material" reply.
 * The refusal redirects (`redirect: "off_topic"`): the reply goes out as a polite no_answer.
 */
export interface OffTopicOptions {
  /** Similarity to the course centroid below which a question counts as far from the course. */
  maxCentroidSimilarity: number;
  /** A question whose best chunk is at least this similar is never off topic. */
  maxTopSimilarity: number;
  refusal?: string;
}

/**
 * Calibrated on the bundled course with the Universal Sentence Encoder: see
 * tests/guard/rules/off-topic-calibration.test.ts for the measured separation.
 */
export const defaultOffTopicOptions: OffTopicOptions = { maxCentroidSimilarity: 0.3, maxTopSimilarity: 0.45 };

export const defaultOffTopicRefusal =
  "That question looks like it's outside this course, so I won't guess at an answer. I can help with the course material: its topics, projects, exams and policies.";

export function offTopicRule(options: OffTopicOptions = defaultOffTopicOptions): GuardRule {
  return {
    id: "input.off_topic",
    stage: "retrieval",
    check(_text, context): GuardVerdict {
      const signals = context.retrieval;
      const allow: GuardVerdict = { rule: "input.off_topic", action: "allow" };
      if (!signals || signals.confident) return allow;
      const centroid = signals.centroidSimilarity;
      // Without vectors there is no topic signal; the ordinary no-answer path handles it.
      if (centroid === null || centroid === undefined) return allow;
      if (centroid >= options.maxCentroidSimilarity) return allow;
      if ((signals.topVectorSimilarity ?? 0) >= options.maxTopSimilarity) return allow;
      return {
        rule: "input.off_topic",
        action: "refuse",
        reason: options.refusal ?? defaultOffTopicRefusal,
        redirect: "off_topic",
        details: {
          centroidSimilarity: Math.round(centroid * 1000) / 1000,
          coverage: Math.round(signals.coverage * 1000) / 1000,
        },
      };
    },
  };
}
