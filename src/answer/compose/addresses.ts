import { contentTerms, stem } from "../../text/terms.ts";
import { namedConcepts } from "../question.ts";
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

/** A unit's terms with its section's headings (and a list item's label). */
export function contextTerms(unit: Unit): Set<string> {
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

// A subject's words up to its first preposition: "embeddings for exact product codes" names
// embeddings, "stored procedures in postgres" names stored procedures.
const PREPOSITIONS = [
  ...["for", "in", "on", "of", "with", "when", "while", "at", "by", "from", "to", "into", "inside"],
  ...["under", "using", "via", "between", "among", "across", "against", "versus", "vs"],
];
const SUBJECT_HEAD = new RegExp(`^(.+?)\\s+(?:${PREPOSITIONS.join("|")})\\s`, "i");
// A clause ("at what point is it cheaper to run our own gpu box"), not a concept's name.
const CLAUSE = /\b(?:what|how|why|when|which|where|who|is|are|do|does|can|should|it|i|we|you|my|our)\b/i;
// Words that name an aspect of a concept, not the concept: "the exam format", "the purpose of X".
// The notes describe an exam's format without the word "format".
const ASPECTS = new Set(
  [
    ...["format", "structure", "policy", "rule", "detail", "process", "overview", "schedule", "requirement"],
    ...[
      "purpose",
      "idea",
      "concept",
      "role",
      "point",
      "basic",
      "step",
      "part",
      "goal",
      "benefit",
      "advantage",
    ],
    ...["disadvantage", "pro", "con", "limitation", "problem", "issue", "logistics", "deal"],
  ].map((w) => stem(w)),
);
/** A concept is named in a few words; more is a description, which paraphrases the material. */
const MAX_SUBJECT_TERMS = 3;

/**
 * The concept a question names (the term it asks to define, a side it compares, what "how does
 * X work" asks about) when no retrieved unit (a sentence, list or row, with its headings) holds
 * all of its words, in every form of the question (as asked, and as retrieval spelled it out):
 * the material does not cover it, whatever sentence shares some of its words ("how do stored
 * procedures work in postgres" on a course that never says "procedure", "what is a materialized
 * view" where "view" is only a point of view). Undefined when every named concept is found, or
 * the question names none.
 */
export function absentSubject(forms: readonly string[], units: readonly Unit[]): string | undefined {
  // Built on the first concept to check: most questions name none.
  let held: HeldTerms[] | undefined;
  let absent: string | undefined;
  for (const form of forms) {
    const missing = namedConcepts(form).find((subject) => {
      const head = SUBJECT_HEAD.exec(`${subject} `)?.[1] ?? subject;
      if (CLAUSE.test(head)) return false;
      // "tradeoff" is the course's "trade-off", and "trade-off" its "tradeoff".
      const spellings = [head, joinHyphens(head)].map((text) =>
        contentTerms(text).filter((term) => !GENERIC.has(term) && !ASPECTS.has(term) && !/^\d+$/.test(term)),
      );
      const named = spellings[0] ?? [];
      if (named.length === 0 || named.length > MAX_SUBJECT_TERMS) return false;
      held ??= units.map((unit) => new HeldTerms(unit));
      const holders = held;
      return !spellings.some((terms) => holders.some((unit) => unit.holdsAll(terms)));
    });
    if (missing === undefined) return undefined;
    absent ??= missing;
  }
  return absent;
}

const joinHyphens = (text: string) => text.replace(/(\p{L})-(\p{L})/gu, "$1$2");

/** A unit's terms with its headings, and (analysed only when asked) with hyphenated words joined. */
class HeldTerms {
  private readonly plain: Set<string>;
  private joined: Set<string> | undefined;

  constructor(private readonly unit: Unit) {
    this.plain = contextTerms(unit);
  }

  holdsAll(terms: readonly string[]): boolean {
    if (terms.every((term) => this.plain.has(term))) return true;
    this.joined ??= new Set(contentTerms(joinHyphens(this.unit.text)));
    const joined = this.joined;
    return terms.every((term) => this.plain.has(term) || joined.has(term));
  }
}
