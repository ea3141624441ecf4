import { contentTerms, stem } from "../../text/terms.ts";

export interface Cloze {
  /** The sentence with the chosen words replaced by blanks. */
  text: string;
  /** The words blanked out, in sentence order. */
  blanks: string[];
}

const WORD = /[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*/g;
export const BLANK = "_____";

/**
 * Blanks out the `count` most telling words of a sentence: content words the student did not
 * already say (`known` stems), weighted by how rare they are in the course. The blanked words
 * are what the sentence teaches, so the rest reads as a clue without giving the answer away.
 */
export function makeCloze(
  sentence: string,
  options: { count: number; known: ReadonlySet<string>; weight: (term: string) => number },
): Cloze | null {
  const content = new Set(contentTerms(sentence));
  const candidates: { index: number; word: string; weight: number }[] = [];
  for (const match of sentence.matchAll(WORD)) {
    const word = match[0];
    if (word.length < 3 || /^\d/.test(word)) continue;
    const term = stem(word.toLowerCase());
    if (!content.has(term) || options.known.has(term)) continue;
    // Only the first occurrence of a term is blanked; a repeat would give the word away.
    if (candidates.some((c) => stem(c.word.toLowerCase()) === term)) continue;
    candidates.push({ index: match.index ?? 0, word, weight: options.weight(term) });
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
