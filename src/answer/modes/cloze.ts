import { contentTerms, stem } from "../../text/terms.ts";

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
 * Blanks out the `count` most telling words of a sentence: content words the student did not
 * already say, weighted by how rare they are in the course and how often the passage uses them
 * (a concept the passage keeps returning to, not an incidental rare word). The blanked words are
 * what the sentence teaches, so the rest reads as a clue without giving the answer away.
 */
export function makeCloze(sentence: string, options: ClozeOptions): Cloze | null {
  const content = new Set(contentTerms(sentence));
  const inPassage = new Map<string, number>();
  for (const term of contentTerms(options.passage ?? sentence))
    inPassage.set(term, (inPassage.get(term) ?? 0) + 1);
  const candidates: { index: number; word: string; weight: number }[] = [];
  for (const match of sentence.matchAll(WORD)) {
    const word = match[0];
    if (word.length < 3 || /^\d/.test(word)) continue;
    const term = stem(word.toLowerCase());
    if (!content.has(term) || options.known.has(term)) continue;
    // Only the first occurrence of a term is blanked; a repeat would give the word away.
    if (candidates.some((c) => stem(c.word.toLowerCase()) === term)) continue;
    const repeats = Math.max(1, inPassage.get(term) ?? 1);
    // Verb forms and adverbs ("experiencing", "usually") make poor blanks: concepts are nouns.
    const form = /(?:ing|ed|ly)$/i.test(word) ? 0.5 : 1;
    candidates.push({
      index: match.index ?? 0,
      word,
      weight: options.weight(term) * Math.log2(1 + repeats) * form,
    });
  }
  if (candidates.length === 0) return null;
  const chosen = [...candidates]
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .slice(0, Math.max(1, options.count))
    .sort((a, b) => a.index - b.index);
  let text = "";
  let at = 0;
  for (const pick of chosen) {
    text += sentence.slice(at, pick.index) + BLANK;
    at = pick.index + pick.word.length;
  }
  text += sentence.slice(at);
  return { text, blanks: chosen.map((c) => c.word) };
}
