import type { CourseLexicon } from "./lexicon.ts";

const TOKEN = /[\p{L}\p{N}]+(?:[/&-][\p{L}\p{N}]+)*/gu;

/**
 * Spells out the acronyms the course defines: "how does RRF work" → "how does RRF (Reciprocal
 * Rank Fusion) work", so BM25 meets notes that use the long form and the embedding sees words it
 * knows. A lower-case token expands only when the course never writes it as an ordinary word
 * ("map" stays a map). Long forms the query already contains are not repeated.
 */
export function expandAcronyms(
  query: string,
  lexicon: Pick<CourseLexicon, "acronyms" | "lowercaseCounts" | "capitalCounts">,
): string {
  const lowerQuery = query.toLowerCase();
  const expanded = new Set<string>();
  return query.replace(TOKEN, (token) => {
    const key = token.toLowerCase();
    const written = token !== key; // has capitals, as acronyms are usually written
    // Lower case, it is the acronym only if the course mostly writes it in capitals.
    if (!written && (lexicon.lowercaseCounts.get(key) ?? 0) >= (lexicon.capitalCounts.get(key) ?? 0))
      return token;
    // "LLMs" is the plural of LLM; a lower-case word ending in s is left alone.
    const definition =
      lexicon.acronyms.get(key) ?? (written ? lexicon.acronyms.get(key.replace(/s$/, "")) : undefined);
    if (!definition || expanded.has(definition.acronym)) return token;
    const longForm = definition.longForm.toLowerCase();
    if (lowerQuery.includes(longForm)) return token;
    expanded.add(definition.acronym);
    return `${token} (${definition.longForm})`;
  });
}
