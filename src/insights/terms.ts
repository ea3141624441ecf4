import { contentTerms } from "../text/terms.ts";

/**
 * A question's subject words: stemmed for matching ("detecting" meets "detect"), each with the
 * word students actually typed most often, for display.
 */
export interface QuestionTerms {
  stems: Set<string>;
  /** stem → the surface word used in this question. */
  surface: Map<string, string>;
}

const WORD = /[\p{L}][\p{L}\p{N}+#'-]*/gu;

// Students reuse the same few thousand words; analysing each once keeps a term's insights fast.
const wordTerms = new Map<string, string[]>();

function termsOfWord(word: string): string[] {
  let terms = wordTerms.get(word);
  if (!terms) {
    terms = contentTerms(word);
    if (wordTerms.size > 50_000) wordTerms.clear();
    wordTerms.set(word, terms);
  }
  return terms;
}

export function questionTerms(question: string): QuestionTerms {
  const stems = new Set<string>();
  const surface = new Map<string, string>();
  for (const match of question.toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(/'s$/, "");
    if (word.length < 2) continue;
    for (const term of termsOfWord(word)) {
      if (term.length < 2) continue;
      stems.add(term);
      if (!surface.has(term)) surface.set(term, word);
    }
  }
  return { stems, surface };
}

/** Picks, for each stem, the surface form seen most often across questions. */
export class SurfaceWords {
  private readonly counts = new Map<string, Map<string, number>>();

  add(terms: QuestionTerms): void {
    for (const [stemmed, word] of terms.surface) {
      let forms = this.counts.get(stemmed);
      if (!forms) {
        forms = new Map();
        this.counts.set(stemmed, forms);
      }
      forms.set(word, (forms.get(word) ?? 0) + 1);
    }
  }

  word(stemmed: string): string {
    const forms = this.counts.get(stemmed);
    if (!forms) return stemmed;
    let best = stemmed;
    let bestCount = -1;
    for (const [word, count] of forms) {
      if (count > bestCount || (count === bestCount && word.length < best.length)) {
        best = word;
        bestCount = count;
      }
    }
    return best;
  }
}
