// Profanity written with a masking symbol ("f*ck", "sh!t", "b@tch"): spelled out for the abuse rule.
const MASKED_WORDS: [RegExp, string][] = [
  // Everything between the "f" and the suffix masked ("f***ing", "f#@%ing").
  [/\bf[^\p{L}\p{N}\s]{2,4}(?=ing\b|in\b|er\b|ed\b)/giu, "fuck"],
  [/\bf[\W_]{1,3}c?k(?=ing|in|er|ed|s|\b)/giu, "fuck"],
  [/\bf[\W_]?u[\W_]{1,2}k(?=ing|in|er|ed|s|\b)/giu, "fuck"],
  [/\bsh[\W_]{1,2}t\b/giu, "shit"],
  [/\bb[\W_]{1,2}tch/giu, "bitch"],
  [/\ba[\W_]{1,3}hole\b/giu, "asshole"],
  [/\bc[\W_]{1,2}nt\b/giu, "cunt"],
  [/\bd[\W_]{1,2}ck\b/giu, "dick"],
  [/\bb[\W_]{1,2}stard\b/giu, "bastard"],
];

/** Spells out masked profanity. */
export function unmaskProfanity(text: string): string {
  let out = text;
  for (const [pattern, word] of MASKED_WORDS) out = out.replace(pattern, word);
  return out;
}
