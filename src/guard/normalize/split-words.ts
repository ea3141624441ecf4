import { ATTACK_KEYWORDS } from "./keywords.ts";

// Attack keywords cut into pieces with plain spaces ("ign ore prev ious instr uctions"): the
// pieces are not words, so no rule reads them, while a model still does. Two or three adjacent
// pieces are joined only when together they spell one of these words. "forget" is left out:
// "for get requests" must not read "forget requests".
const SPLIT_KEYWORDS = new Set([...ATTACK_KEYWORDS, "reveal"]);

/** Keywords split by spaces put back together ("ign ore" → "ignore"). */
export function joinSplitKeywords(text: string): string {
  const words = text.split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let joined: string | undefined;
    for (const size of [3, 2]) {
      const pieces = words.slice(i, i + size);
      if (pieces.length < size || !pieces.every((piece) => /^\p{L}+[,.;:!?]?$/u.test(piece))) continue;
      // Punctuation may only end the last piece: "ign, ore" is two words.
      if (pieces.slice(0, -1).some((piece) => /[,.;:!?]$/.test(piece))) continue;
      const candidate = pieces.join("");
      if (SPLIT_KEYWORDS.has(candidate.replace(/[,.;:!?]$/, "").toLowerCase())) {
        joined = candidate;
        i += size;
        break;
      }
    }
    if (joined === undefined) {
      out.push(words[i] ?? "");
      i++;
    } else out.push(joined);
  }
  return out.join(" ");
}
