import { withDefaults } from "../../../core/options.ts";
import { contentTerms } from "../../../text/terms.ts";
import { prepareAnchors, testAnchored } from "../../anchors/index.ts";
import { textViews } from "../../normalize/index.ts";
import type { GuardRule, GuardVerdict } from "../../types.ts";
import { INTEGRITY_CLASS_ABROAD, INTEGRITY_CLASS_PATTERNS } from "./classes.ts";
import { DECEIT_PATTERNS } from "./deceit.ts";
import { HANDOFF_PATTERNS } from "./handoff.ts";
import { MISCONDUCT_ABROAD, MISCONDUCT_PATTERNS } from "./misconduct.ts";
import { pastesGradedQuestion } from "./pasted.ts";
import { REQUEST_PATTERNS } from "./requests.ts";
import { SUBMISSION_PATTERNS } from "./submission.ts";
import { integrityTopic } from "./topic.ts";
import type { IntegrityFamily } from "./types.ts";

export { integrityTopic } from "./topic.ts";
export type { IntegrityFamily } from "./types.ts";

/**
 * Academic integrity: asking the tutor to produce graded work ("write my lab report"), to hand
 * over answers to graded work ("give me the exam answers"), or pasting a graded question to get
 * its answer. The rule refuses with `redirect: "hint"`: the pipeline still retrieves and replies
 * with a Socratic hint built from the course material, so the student leaves with help.
 *
 * Asking *about* graded work ("explain the exam format", "how is Project 2 graded?", "how do I
 * write a good report?") is allowed: the patterns need a request aimed at the tutor.
 */

export interface IntegrityOptions {
  extraPatterns: readonly RegExp[];
  /** Graded questions of this course: pasting one (or most of one) triggers the rule. */
  gradedQuestions: readonly string[];
  /** Share of a graded question's terms a message must contain to count as pasting it. */
  minQuestionOverlap: number;
  refusal?: string;
}

export const defaultIntegrityOptions: IntegrityOptions = {
  extraPatterns: [],
  gradedQuestions: [],
  minQuestionOverlap: 0.7,
};

const PATTERNS = REQUEST_PATTERNS.concat(
  MISCONDUCT_PATTERNS,
  INTEGRITY_CLASS_PATTERNS,
  INTEGRITY_CLASS_ABROAD,
  DECEIT_PATTERNS,
  SUBMISSION_PATTERNS,
  HANDOFF_PATTERNS,
);

function pastesKnownQuestion(text: string, options: IntegrityOptions): boolean {
  if (options.gradedQuestions.length === 0) return false;
  const message = new Set(contentTerms(text));
  return options.gradedQuestions.some((question) => {
    const terms = [...new Set(contentTerms(question))];
    if (terms.length < 4) return false;
    const present = terms.filter((t) => message.has(t)).length;
    return present / terms.length >= options.minQuestionOverlap;
  });
}

export function findIntegrityIssue(
  text: string,
  options: IntegrityOptions,
  views = textViews(text),
): IntegrityFamily | undefined {
  const forms = views.forms.concat(views.decoded.flatMap((p) => p.forms));
  for (const form of forms) {
    for (const { family, pattern } of PATTERNS) if (testAnchored(pattern, form)) return family;
    for (const pattern of options.extraPatterns) if (pattern.test(form)) return "custom";
  }
  const lower = views.clean.toLowerCase();
  const abroad = MISCONDUCT_ABROAD.find(({ pattern }) => testAnchored(pattern, lower));
  if (abroad) return abroad.family;
  if (pastesGradedQuestion(views.clean)) return "pasted_question";
  if (pastesKnownQuestion(views.clean, options)) return "known_question";
  return undefined;
}

export const defaultIntegrityRefusal =
  "I can't write graded work or hand over answers to graded questions, " +
  "but I can help you understand the ideas so you can work it out yourself.";

export function academicIntegrityRule(settings: Partial<IntegrityOptions> = {}): GuardRule {
  const options = withDefaults(defaultIntegrityOptions, settings);
  prepareAnchors(PATTERNS.concat(MISCONDUCT_ABROAD).map(({ pattern }) => pattern));
  return {
    id: "input.academic_integrity",
    stage: "input",
    check(text, context): GuardVerdict {
      const family = findIntegrityIssue(text, options, context.views ?? textViews(text));
      if (!family) return { rule: "input.academic_integrity", action: "allow" };
      return {
        rule: "input.academic_integrity",
        action: "refuse",
        reason: options.refusal ?? defaultIntegrityRefusal,
        redirect: "hint",
        details: { family },
      };
    },
    // A request for graded work is searched by its subject ("write my report on X" → "X").
    searchText: (text, verdict) => (verdict?.redirect === "hint" ? integrityTopic(text) : text),
  };
}
