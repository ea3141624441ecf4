import { contentTerms, stem } from "../../text/terms.ts";
import { isConceptWord, keyConcept, type Span } from "./concept.ts";

export interface Cloze {
  /** The sentence with the chosen words replaced by blanks. */
  text: string;
  /** The words blanked out, in sentence order. */
  blanks: string[];
}

// Identifiers such as ef_construction are one word.
const WORD = /[A-Za-z][A-Za-z0-9_]*(?:[-'][A-Za-z0-9_]+)*/g;
export const BLANK = "_____";

export interface ClozeOptions {
  count: number;
  /** Stems the student already said: blanking them would test nothing. */
  known: ReadonlySet<string>;
  /** How rare a term is in the course (IDF-like). */
  weight: (term: string) => number;
  /** The passage the sentence comes from: terms it repeats are its concepts. */
  passage?: string;
}

/**
 * Blanks out the sentence's key concept (a definition's subject or genus, a named technique:
 * see keyConcept) and, up to `count`, its most telling other words: concept words the student
 * did not already say, weighted by how rare they are in the course and how often the passage uses
 * them (a concept the passage keeps returning to, not an incidental rare word). Degree and
 * quantity words ("longer", "many") are never blanked. The rest reads as a clue without giving
 * the answer away.
 */
export function makeCloze(sentence: string, options: ClozeOptions): Cloze | null {
  const key = keyConcept(sentence, options.known);
  const others = candidates(sentence, options).filter(
    (c) => !key || c.index + c.text.length <= key.index || c.index >= key.index + key.text.length,
  );
  const extra = options.count - (key ? 1 : 0);
  // Beside a key concept, only words the passage returns to are worth a second blank.
  const pool = key ? others.filter((c) => c.repeats > 1) : others;
  const chosen: Span[] = [
    ...(key ? [key] : []),
    ...[...pool].sort((a, b) => b.weight - a.weight || a.index - b.index).slice(0, Math.max(0, extra)),
  ].sort((a, b) => a.index - b.index);
  if (chosen.length === 0) return null;
  let text = "";
  let at = 0;
  for (const pick of chosen) {
    text += sentence.slice(at, pick.index) + BLANK;
    at = pick.index + pick.text.length;
  }
  text += sentence.slice(at);
  return { text, blanks: chosen.map((c) => c.text) };
}

interface Candidate extends Span {
  weight: number;
  repeats: number;
}

/** The sentence's blankable words, one per term, weighted by rarity and recurrence in the passage. */
function candidates(sentence: string, options: ClozeOptions): Candidate[] {
  const content = new Set(contentTerms(sentence));
  const inPassage = new Map<string, number>();
  for (const term of contentTerms(options.passage ?? sentence))
    inPassage.set(term, (inPassage.get(term) ?? 0) + 1);
  const found: Candidate[] = [];
  for (const match of sentence.matchAll(WORD)) {
    const word = match[0];
    if (word.length < 3 || /^\d/.test(word) || !isConceptWord(word)) continue;
    const term = stem(word.toLowerCase());
    if (!content.has(term) || options.known.has(term)) continue;
    // Only the first occurrence of a term is blanked; a repeat would give the word away.
    if (found.some((c) => stem(c.text.toLowerCase()) === term)) continue;
    const repeats = Math.max(1, inPassage.get(term) ?? 1);
    // Verb forms and adverbs ("experiencing", "usually") make poor blanks: concepts are nouns.
    const form = /(?:ing|ed|ly)$/i.test(word) ? 0.5 : 1;
    found.push({
      index: match.index ?? 0,
      text: word,
      repeats,
      weight: options.weight(term) * Math.log2(1 + repeats) * form,
    });
  }
  return found;
}
