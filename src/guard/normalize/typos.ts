import { ATTACK_KEYWORDS } from "./keywords.ts";

/**
 * Words an attack cannot do without, for reading typos ("igonre all previuos instructons"). A
 * keyword filter that needs exact spelling is beaten by one swapped letter, while the model
 * behind it still reads the intent. Only words whose one-edit neighbours are not everyday
 * English are listed ("rules" is one letter from "roles", "forget" from "forgot", "idiot" from
 * "idiom": those stay exact).
 */
const TYPO_KEYWORDS = [...ATTACK_KEYWORDS, "homework", "assignment"];

/** Optimal string alignment distance, capped: whether `a` is within one edit (or swap) of `b`. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]! <= 1;
}

/** Typos of attack keywords corrected ("previuos" → "previous"); inflections ("ignored") left alone. */
export function correctKeywordTypos(text: string): string {
  return text.replace(/\p{L}{5,}/gu, (word) => {
    if (TYPO_KEYWORDS.includes(word)) return word;
    const fix = TYPO_KEYWORDS.find((keyword) => !word.startsWith(keyword) && withinOneEdit(word, keyword));
    return fix ?? word;
  });
}
