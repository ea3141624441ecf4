import { contentTerms } from "../text/terms.ts";
import type { StatementCounts } from "./metrics.ts";

/**
 * The offline half of RAGAS answer correctness: which answer statements the reference answer
 * supports (true positives), which it does not (false positives), and which reference statements
 * the answer leaves out (false negatives), decided on content terms (stemmed, stop words dropped).
 *
 * - An answer statement is a true positive when most of its terms occur in the reference, or when
 *   it carries most of one reference statement's terms (a quoted sentence that states a reference
 *   fact along with detail of its own still states the fact).
 * - A reference statement is left out when the answer as a whole carries too few of its terms.
 *
 * Like the offline faithfulness check, this misses paraphrases with few shared words and cannot
 * see a negation; the LLM judge asks a model instead.
 */
export interface StatementMatchOptions {
  /** Share of an answer statement's terms the reference must contain to support it. */
  supportedByReference: number;
  /** Share of a reference statement's terms an answer statement (or the answer) must carry. */
  carriesReference: number;
}

export const defaultStatementMatchOptions: StatementMatchOptions = {
  supportedByReference: 0.5,
  carriesReference: 0.6,
};

type Terms = (text: string) => ReadonlySet<string>;

const defaultTerms: Terms = (text) => new Set(contentTerms(text));

function share(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  if (part.size === 0) return 0;
  let n = 0;
  for (const term of part) if (whole.has(term)) n++;
  return n / part.size;
}

/** TP, FP and FN of answer statements against reference statements (see the module comment). */
export function matchStatements(
  answerStatements: readonly string[],
  referenceStatements: readonly string[],
  options: Partial<StatementMatchOptions> = {},
  terms: Terms = defaultTerms,
): StatementCounts {
  const o = { ...defaultStatementMatchOptions, ...options };
  const answers = answerStatements.map(terms).filter((t) => t.size > 0);
  const references = referenceStatements.map(terms).filter((t) => t.size > 0);
  const allReference = new Set(references.flatMap((t) => [...t]));
  const allAnswer = new Set(answers.flatMap((t) => [...t]));
  let tp = 0;
  for (const answer of answers) {
    const supported =
      share(answer, allReference) >= o.supportedByReference ||
      references.some((reference) => share(reference, answer) >= o.carriesReference);
    if (supported) tp++;
  }
  const fn = references.filter((reference) => share(reference, allAnswer) < o.carriesReference).length;
  return { tp, fp: answers.length - tp, fn };
}

/** Cosine of two term sets (the similarity used when no embedding model is at hand). */
export function termCosine(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}
