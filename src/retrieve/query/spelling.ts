import type { CourseLexicon } from "./lexicon.ts";

/**
 * Typo tolerance against the course's own vocabulary: a query word the course never uses, and
 * that is not an English word either, becomes the course word at the smallest edit distance
 * (one edit, two for words of eight letters or more; same first letter; ties go to the word
 * more chunks use). British and American spellings of a word the course uses are mapped too.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), or max + 1 once over max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

const SPELLING_VARIANTS: [RegExp, string][] = [
  [/is(e|es|ed|ing|er|ers|ation|ations)$/, "iz$1"],
  [/iz(e|es|ed|ing|er|ers|ation|ations)$/, "is$1"],
  [/ys(e|es|ed|ing)$/, "yz$1"],
  [/yz(e|es|ed|ing)$/, "ys$1"],
  [/our(s|ed|ing)?$/, "or$1"],
  [/or(s|ed|ing)?$/, "our$1"],
  [/tre(s)?$/, "ter$1"],
  [/ll(ed|ing|er|ers)$/, "l$1"],
  [/([^l])l(ed|ing|er|ers)$/, "$1ll$2"],
];

function regionalVariant(word: string, words: ReadonlyMap<string, number>): string | undefined {
  for (const [pattern, replacement] of SPELLING_VARIANTS) {
    if (!pattern.test(word)) continue;
    const variant = word.replace(pattern, replacement);
    if (variant !== word && words.has(variant)) return variant;
  }
  return undefined;
}

export interface SpellingOptions {
  /** Words to leave alone although the course never uses them (real English words). */
  isKnownWord?: (word: string) => boolean;
}

/** The course word a query word should be read as, or undefined to keep it. */
export function suggestWord(
  word: string,
  lexicon: CourseLexicon,
  options: SpellingOptions = {},
): string | undefined {
  const lower = word.toLowerCase();
  // Four-letter words are left alone: their one-edit neighbours are too many to guess between.
  if (lower.length < 5 || !/^\p{L}+$/u.test(lower) || lexicon.words.has(lower)) return undefined;
  const variant = regionalVariant(lower, lexicon.words);
  if (variant) return variant;
  if (options.isKnownWord?.(lower)) return undefined;
  const max = lower.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  let bestCount = 0;
  for (let length = lower.length - max; length <= lower.length + max; length++) {
    for (const candidate of lexicon.byLength.get(length) ?? []) {
      if (candidate[0] !== lower[0]) continue;
      const distance = editDistance(lower, candidate, Math.min(max, bestDistance));
      if (distance > max) continue;
      const count = lexicon.words.get(candidate) ?? 0;
      if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
        best = candidate;
        bestDistance = distance;
        bestCount = count;
      }
    }
  }
  return best;
}

export interface SpellingResult {
  text: string;
  corrections: { from: string; to: string }[];
}

/** The query with each misspelt word replaced by its course spelling. */
export function correctSpelling(
  query: string,
  lexicon: CourseLexicon,
  options: SpellingOptions = {},
): SpellingResult {
  const corrections: SpellingResult["corrections"] = [];
  const text = query.replace(/\p{L}+/gu, (word) => {
    const suggestion = suggestWord(word, lexicon, options);
    if (suggestion === undefined) return word;
    corrections.push({ from: word, to: suggestion });
    return suggestion;
  });
  return { text, corrections };
}
