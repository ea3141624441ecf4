import { cleanText } from "./clean.ts";
import { decodePayloads } from "./decode.ts";
import { unleet } from "./leetspeak.ts";
import { foldLetters } from "./letters.ts";
import { stripMarkup } from "./markup.ts";
import { unmaskProfanity } from "./profanity.ts";
import { expandAttackShorthand } from "./shorthand.ts";
import { collapseSpelledRuns, spelledRuns } from "./spelled-runs.ts";
import { joinSplitKeywords } from "./split-words.ts";
import type { DecodedPayload, TextViews } from "./types.ts";
import { correctKeywordTypos } from "./typos.ts";

export { cleanText } from "./clean.ts";
export { decodePayloads } from "./decode.ts";
export { unleet } from "./leetspeak.ts";
export { foldLetters } from "./letters.ts";
export { stripMarkup } from "./markup.ts";
export { unmaskProfanity } from "./profanity.ts";
export { expandAttackShorthand } from "./shorthand.ts";
export { spelledRuns } from "./spelled-runs.ts";
export { joinSplitKeywords } from "./split-words.ts";
export type { DecodedPayload, TextViews } from "./types.ts";
export { correctKeywordTypos } from "./typos.ts";

/**
 * Attackers disguise the words a rule looks for; these functions undo the common disguises so
 * the rules can match plain lower-case English. Nothing here decides anything: it only produces
 * views of the text for the rules to read.
 */

/** Runs of spaces collapsed; line breaks kept (role markers like "system:" count at a line start). */
function tidySpace(text: string): string {
  return text
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
}

/**
 * Lower-case matching forms of already folded text: as is, without markup, spacing tricks undone,
 * leetspeak read.
 */
function matchingForms(folded: string): string[] {
  const forms = new Set<string>();
  const add = (form: string) => {
    for (const variant of [form, ...unleet(form)]) {
      forms.add(tidySpace(variant));
      forms.add(tidySpace(collapseSpelledRuns(variant)));
    }
  };
  add(folded);
  add(stripMarkup(folded));
  // Words broken up inside ("ig-nore", "in.struc.tions") joined again.
  add(stripMarkup(folded).replace(/(?<=\p{L})[-_.'’·•*~]+(?=\p{L})/gu, ""));
  const rejoined = joinSplitKeywords(stripMarkup(folded));
  if (rejoined !== stripMarkup(folded)) add(rejoined);
  const unmasked = unmaskProfanity(folded);
  if (unmasked !== folded) add(unmasked);
  // Shorthand written out and keyword typos corrected: a form of its own, so the exact-spelling
  // forms above still exist for rules that care about the word as written.
  const respelled = correctKeywordTypos(expandAttackShorthand(folded));
  if (respelled !== folded) add(respelled);
  // Punctuation used as spacing ("ignore.all.previous", "ignore/previous") read as spaces.
  add(folded.replace(/[^\p{L}\p{N}\s'"?,]+/gu, " "));
  return [...forms].filter(Boolean);
}

/** Every view the rules match against. Pure and deterministic. */
export function textViews(text: string): TextViews {
  const hadTags = /[\u{E0020}-\u{E007E}]/u.test(text);
  const clean = cleanText(text);
  const folded = foldLetters(clean);
  const decoded: DecodedPayload[] = [];
  if (hadTags) decoded.push({ via: "unicode-tags", text: folded, forms: matchingForms(folded) });
  for (const payload of decodePayloads(clean)) {
    const text = foldLetters(cleanText(payload.text));
    decoded.push({ via: payload.via, text, forms: matchingForms(text) });
  }
  const squashedRuns = spelledRuns(folded).concat(spelledRuns(stripMarkup(folded)));
  return { clean, forms: matchingForms(folded), squashedRuns: [...new Set(squashedRuns)], decoded };
}

/** Every matching form: the text's own, then those of each decoded payload. */
export function allForms(views: Pick<TextViews, "forms" | "decoded">): string[] {
  return views.forms.concat(views.decoded.flatMap((payload) => payload.forms));
}
