import { ATTACK_KEYWORDS } from "./keywords.ts";

/**
 * Words an attack cannot do without, for reading typos ("igonre all previuos instructons"). A
 * keyword filter that needs exact spelling is beaten by one swapped letter, while the model
 * behind it still reads the intent. Only words whose one-edit neighbours are not everyday
 * English are listed ("rules" is one letter from "roles", "forget" from "forgot", "idiot" from
 * "idiom": those stay exact).
 */
const TYPO_KEYWORDS = [...ATTACK_KEYWORDS, "homework", "assignment"];

/** Whether `a` and `b` agree from `i` in `a` and `j` in `b` to their ends. */
function sameTail(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a[i] !== b[j]) return false;
  return true;
}

/**
 * Whether `a` is within one edit of `b`: one letter changed, added or dropped, or two neighbours
 * swapped (optimal string alignment distance ≤ 1), in one pass and without allocating.
 */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  if (a.length > b.length) return sameTail(a, i + 1, b, i);
  if (a.length < b.length) return sameTail(a, i, b, i + 1);
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && sameTail(a, i + 2, b, i + 2);
  return swapped || sameTail(a, i + 1, b, i + 1);
}

/** Typos of attack keywords corrected ("previuos" → "previous"); inflections ("ignored") left alone. */
export function correctKeywordTypos(text: string): string {
  return text.replace(/\p{L}{5,}/gu, (word) => {
    if (TYPO_KEYWORDS.includes(word)) return word;
    const fix = TYPO_KEYWORDS.find((keyword) => !word.startsWith(keyword) && withinOneEdit(word, keyword));
    return fix ?? word;
  });
}
