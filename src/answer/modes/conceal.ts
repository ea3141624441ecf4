import type { Citation } from "../../core/chat.ts";
import type { ScoredChunk } from "../../core/chunks.ts";
import { splitSentences } from "../../text/sentences/index.ts";
import { excerptOf, truncate } from "../citations.ts";

const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/\[\d+\]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Whether two sentences are the same text, one cut short or re-punctuated. */
function sameSentence(a: string, b: string): boolean {
  const [x, y] = [comparable(a), comparable(b)];
  if (!x || !y) return false;
  const probe = (t: string) => t.slice(0, 60);
  return x.includes(probe(y)) || y.includes(probe(x));
}

/**
 * Citations that show their section without the sentences a hint or quiz is holding back: the
 * excerpt is the rest of the passage (from its own text, not the title again), or empty when
 * nothing else is left. A snippet of the withheld sentence would hand the student the answer.
 */
export function concealCitations(
  citations: readonly Citation[],
  chunks: readonly ScoredChunk[],
  withheld: readonly string[],
): Citation[] {
  return citations.map((citation) => {
    const chunk = chunks.find((c) => c.chunkId === citation.chunkId);
    const passage = chunk ? excerptOf(chunk.text, chunk) : "";
    const shown = splitSentences(passage).filter((s) => !withheld.some((w) => sameSentence(s, w)));
    return { ...citation, snippet: shown.length > 0 ? truncate(shown.join(" "), 240) : "" };
  });
}
