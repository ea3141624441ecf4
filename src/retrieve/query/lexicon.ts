import type { ChunkRecord } from "../../core/chunks.ts";
import { type AcronymDefinition, mineAcronyms } from "./acronyms.ts";

/** What the query rewriter knows about a course's wording, built from its chunks. */
export interface CourseLexicon {
  /** Lower-cased words (and hyphenated words' parts) with how many chunks use them. */
  words: Map<string, number>;
  /** How often the course writes a word in lower case: a query's lower-case "map" is a word, not MAP. */
  lowercaseCounts: Map<string, number>;
  /** How often the course writes a word in capitals (two or more), as acronyms are written. */
  capitalCounts: Map<string, number>;
  /** Acronyms the course defines, by lower-cased acronym. */
  acronyms: Map<string, AcronymDefinition>;
  /** `words` grouped by length, for spelling suggestions. */
  byLength: Map<number, string[]>;
}

export const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function createCourseLexicon(
  chunks: Iterable<Pick<ChunkRecord, "text" | "title" | "heading">>,
): CourseLexicon {
  const words = new Map<string, number>();
  const lowercaseCounts = new Map<string, number>();
  const capitalCounts = new Map<string, number>();
  const texts: string[] = [];
  for (const chunk of chunks) {
    const text = `${chunk.title}\n${chunk.heading}\n${chunk.text}`;
    texts.push(chunk.text);
    const seen = new Set<string>();
    for (const [raw] of text.matchAll(WORD)) {
      const lower = raw.toLowerCase();
      if (raw === lower) lowercaseCounts.set(lower, (lowercaseCounts.get(lower) ?? 0) + 1);
      else if (/\p{Lu}.*\p{Lu}/u.test(raw)) capitalCounts.set(lower, (capitalCounts.get(lower) ?? 0) + 1);
      seen.add(lower);
      if (lower.includes("-")) for (const part of lower.split("-")) if (part) seen.add(part);
    }
    for (const word of seen) words.set(word, (words.get(word) ?? 0) + 1);
  }
  const byLength = new Map<number, string[]>();
  for (const word of words.keys()) {
    if (!/^\p{L}+$/u.test(word)) continue;
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  return { words, lowercaseCounts, capitalCounts, acronyms: mineAcronyms(texts), byLength };
}
