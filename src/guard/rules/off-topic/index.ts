import { withDefaults } from "../../../core/options.ts";
import { withoutRegister } from "../../../text/register.ts";
import { uniqueTerms } from "../../../text/terms.ts";
import type { GuardRetrievalSignals, GuardRule, GuardVerdict } from "../../types.ts";
import { type DomainTerm, foreignDomainTerm } from "./domains.ts";
import { everydayRequest, ownAffairs } from "./everyday.ts";

/**
 * Off-topic questions: the course material did not match the question well enough to answer
 * (the pipeline's confidence check) AND the question lies far from the course's topic centroid
 * (the mean embedding of its chunks), with no chunk close to it and few of its words in the
 * course's vocabulary. Only all of these together mark a question as outside the course;
 * a course question the notes happen not to cover gets the ordinary "not in the material" reply.
 * An everyday word the course never uses (domains.ts) stands in for the embedding signals; an
 * everyday request by its phrasing, or the student's own everyday affairs naming nothing of a
 * course, are off topic even when retrieval was confident on their generic words (everyday.ts).
 * The refusal redirects (`redirect: "off_topic"`): the reply goes out as a polite no_answer.
 */
export interface OffTopicOptions {
  /** Similarity to the course centroid below which a question counts as far from the course. */
  maxCentroidSimilarity: number;
  /** A question whose best chunk is at least this similar is never off topic. */
  maxTopSimilarity: number;
  /**
   * A question whose words the course uses (IDF-weighted share of its terms, unseen terms
   * weighing the most) at least this much is never off topic.
   */
  maxKnownTermShare: number;
  /** The same bar for a question with a word of everyday life the course never uses (domains.ts). */
  maxKnownTermShareInDomain: number;
  refusal?: string;
}

/**
 * Calibrated on the bundled course with the Universal Sentence Encoder (the guard pipeline tests
 * check the calibration). Off-course questions and course questions the material answers poorly
 * overlap on every one of the three signals, so no signal alone separates them: a question is
 * redirected only when it is low on all three.
 */
export const defaultOffTopicOptions: OffTopicOptions = {
  maxCentroidSimilarity: 0.2,
  maxTopSimilarity: 0.38,
  maxKnownTermShare: 0.5,
  maxKnownTermShareInDomain: 0.7,
};

/**
 * How much of the question is in the course's vocabulary: its terms weighted by IDF, a term the
 * course never uses weighing as much as the rarest one. "Kubernetes kill pod" scores high (rare
 * course words), "lasagna recipe" low.
 */
export function knownTermShare(
  text: string,
  idf: (term: string) => number | undefined,
  unseenIdf: number,
): number {
  let known = 0;
  let total = 0;
  for (const term of uniqueTerms(text)) {
    const weight = idf(term);
    total += weight ?? unseenIdf;
    known += weight ?? 0;
  }
  return total === 0 ? 0 : known / total;
}

export const defaultOffTopicRefusal =
  "I couldn't find this in the course material, and it doesn't look like something this course covers, " +
  "so I won't guess at an answer. I'm here to help with the course's topics, projects, exams and policies.";

export function offTopicRule(settings: Partial<OffTopicOptions> = {}): GuardRule {
  const options = withDefaults(defaultOffTopicOptions, settings);
  return {
    id: "input.off_topic",
    stage: "retrieval",
    check(text, context): GuardVerdict {
      const signals = context.retrieval;
      const allow: GuardVerdict = { rule: "input.off_topic", action: "allow" };
      if (!signals) return allow;
      // The topic is judged without the register: "lol" and "wtf" are not words the course lacks.
      const topic = withoutRegister(text);
      // "Recommend me some shows like …" is everyday by its phrasing, whatever words it shares.
      const request = everydayRequest(topic);
      // Retrieval can be confident on a question's generic words ("file", "student", "job"): only
      // the student's own everyday affairs ("my taxes", "my calc homework") naming nothing of a
      // course are looked at further. Anything else the material answered is answered.
      if (signals.confident && !request && !ownAffairs(topic)) return allow;
      const idf = signals.termIdf;
      const known = idf ? knownTermShare(topic, idf, signals.unseenIdf ?? 0) : 0;
      // A word of everyday life the course never uses ("paella", "landlord", "integral") says where
      // the question lives, even when the embedding model finds some chunk close to it. A word
      // whose stem the course knows through other words ("integral"/"integrity") is weaker evidence
      // and needs the stricter bar.
      const domain = request ?? (idf ? foreignDomainTerm(topic, idf) : undefined);
      const domainBar = domain?.masked ? options.maxKnownTermShare : options.maxKnownTermShareInDomain;
      const refuse = (): GuardVerdict => offTopicVerdict(options, signals, known, domain);
      if (request) return refuse();
      if (signals.confident) return domain && known < domainBar ? refuse() : allow;
      // "Is ignoring outliers ever OK?" uses the course's own words: a course question, poorly covered.
      if (known >= (domain ? domainBar : options.maxKnownTermShare)) return allow;
      const centroid = signals.centroidSimilarity;
      if (!domain) {
        // Without vectors there is no topic signal; the ordinary no-answer path handles it.
        if (centroid === null || centroid === undefined) return allow;
        if (centroid >= options.maxCentroidSimilarity) return allow;
        if ((signals.topVectorSimilarity ?? 0) >= options.maxTopSimilarity) return allow;
      }
      return refuse();
    },
  };
}

function offTopicVerdict(
  options: OffTopicOptions,
  signals: GuardRetrievalSignals,
  known: number,
  domain: DomainTerm | undefined,
): GuardVerdict {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const centroid = signals.centroidSimilarity;
  return {
    rule: "input.off_topic",
    action: "refuse",
    reason: options.refusal ?? defaultOffTopicRefusal,
    redirect: "off_topic",
    details: {
      ...(typeof centroid === "number" ? { centroidSimilarity: round(centroid) } : {}),
      coverage: round(signals.coverage),
      knownTerms: round(known),
      ...(domain ? { domain: domain.domain, domainTerm: domain.term } : {}),
    },
  };
}
