import { askedMeasures } from "../../text/measures.ts";
import type { CourseLexicon } from "./lexicon.ts";

/**
 * "How big should my chunks be" asks for a size, but the notes say "chunk size", not "big": the
 * measure's noun is added beside the adjective ("how big (size) should my chunks be") for the
 * expanded BM25 list and the embedding. Only nouns the course itself uses are added.
 */
export function nameMeasures(query: string, lexicon: Pick<CourseLexicon, "words">): string {
  const lower = query.toLowerCase();
  let named = query;
  for (const { phrase, nouns } of askedMeasures(query)) {
    const used = nouns.filter((noun) => lexicon.words.has(noun) && !new RegExp(`\\b${noun}\\b`).test(lower));
    if (used.length > 0) named = named.replace(phrase, `${phrase} (${used.join(" ")})`);
  }
  return named;
}
