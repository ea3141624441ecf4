import { normalizeSourcePath } from "./dataset.ts";

/**
 * Relevance of a retrieved chunk to an eval case. A chunk is relevant (grade 2) when its source
 * is expected and its text contains an expected phrase, compared whitespace- and
 * case-insensitively; a chunk of an expected source without a phrase is source-relevant
 * (grade 1); anything else is 0.
 */
export type Grade = 0 | 1 | 2;

export interface RelevanceCase {
  expected_sources: readonly string[];
  expected_phrases: readonly string[];
}

export interface JudgedChunk {
  source: string;
  text: string;
}

/** Lower-cased, Unicode-normalised, every run of whitespace one space. */
export function normalizeForMatch(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** True when `expected` names this source; an expected path ending in "/" names a whole folder. */
export function sourceMatches(source: string, expected: string): boolean {
  const s = normalizeSourcePath(source);
  const e = normalizeSourcePath(expected);
  return e.endsWith("/") ? s.startsWith(e) : s === e;
}

export function containsPhrase(text: string, phrases: readonly string[]): boolean {
  const haystack = normalizeForMatch(text);
  return phrases.some((phrase) => {
    const needle = normalizeForMatch(phrase);
    return needle !== "" && haystack.includes(needle);
  });
}

/** Grades chunks against one case; phrases are normalised once, not per chunk. */
export function createGrader(c: RelevanceCase): {
  grade(chunk: JudgedChunk): Grade;
  /** Which expected source (by index) this chunk belongs to, or -1. */
  expectedSourceIndex(chunk: Pick<JudgedChunk, "source">): number;
} {
  const phrases = c.expected_phrases.map(normalizeForMatch).filter((p) => p !== "");
  const expectedSourceIndex = (chunk: Pick<JudgedChunk, "source">) =>
    c.expected_sources.findIndex((expected) => sourceMatches(chunk.source, expected));
  return {
    expectedSourceIndex,
    grade(chunk) {
      if (expectedSourceIndex(chunk) < 0) return 0;
      const text = normalizeForMatch(chunk.text);
      return phrases.some((p) => text.includes(p)) ? 2 : 1;
    },
  };
}
