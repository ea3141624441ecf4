import { contentTerms, stem } from "../../text/terms.ts";
import { headingTerms, type QueryView } from "./score.ts";
import type { Unit } from "./units.ts";

/**
 * Whether the sentence an answer leads with is about what was asked: the share of the question's
 * key terms (rarity-weighted, words every question uses left out) that the sentence, its list or
 * its section heading contains. "How do stored procedures work in postgres" led by a sentence
 * that shares only "stored" addresses little of it; a paraphrase the embedding model finds close
 * can still pass on similarity (see `NoAnswerThresholds`).
 */
const GENERIC_WORDS = [
  "work",
  "use",
  "make",
  "mean",
  "need",
  "get",
  "happen",
  "way",
  "thing",
  "good",
  "best",
  "bad",
  "big",
  "want",
  "know",
  "example",
  "differ",
  "difference",
  "compare",
  "help",
  "go",
  "lot",
  "kind",
  "type",
  "something",
  "show",
  "really",
  "like",
  "just",
  "course",
  "notes",
];
const GENERIC = new Set(GENERIC_WORDS.map((w) => stem(w)));

function contextTerms(unit: Unit): Set<string> {
  const terms = new Set([...unit.terms, ...headingTerms(unit)]);
  if (unit.kind === "item" && unit.list?.label) for (const t of contentTerms(unit.list.label)) terms.add(t);
  return terms;
}

/**
 * Share of the question's key-term weight the lead unit (with its heading) carries, 0..1; the
 * best over the question's forms (as asked, and with acronyms spelled out).
 */
export function keyCoverage(lead: Unit, views: readonly QueryView[]): number {
  const terms = contextTerms(lead);
  return Math.max(...views.map((view) => shareOfKeyTerms(terms, view)));
}

function shareOfKeyTerms(terms: ReadonlySet<string>, query: QueryView): number {
  let total = 0;
  let covered = 0;
  for (const [term, weight] of query.weights) {
    if (GENERIC.has(term)) continue;
    total += weight;
    if (terms.has(term)) covered += weight;
  }
  return total === 0 ? 1 : covered / total;
}

/** The no-answer bars on the lead sentence, fitted per embedding model (answer/calibration/). */
export interface NoAnswerThresholds {
  /** Key-term coverage below which the lead does not address the question… */
  minKeyCoverage: number;
  /** …unless the embedding model puts the lead at least this close to the question… */
  strongLeadSimilarity: number;
  /**
   * …or this close, with at least `minKeyCoverageWhenClose` of the key terms: a casual question
   * ("2 ppl tagging the same emails keep disagreeing") paraphrases the material's words.
   */
  closeLeadSimilarity: number;
  minKeyCoverageWhenClose: number;
}

// Fitted by hand on the dev split's conceptual and unanswerable questions (the bundled encoder).
export const defaultNoAnswerThresholds: NoAnswerThresholds = {
  minKeyCoverage: 0.4,
  strongLeadSimilarity: 0.6,
  closeLeadSimilarity: 0.45,
  minKeyCoverageWhenClose: 0.25,
};

export function addressesQuestion(
  keyShare: number,
  leadSimilarity: number | null,
  thresholds: NoAnswerThresholds,
): boolean {
  if (keyShare >= thresholds.minKeyCoverage) return true;
  if (leadSimilarity === null) return false;
  if (leadSimilarity >= thresholds.strongLeadSimilarity) return true;
  return leadSimilarity >= thresholds.closeLeadSimilarity && keyShare >= thresholds.minKeyCoverageWhenClose;
}
