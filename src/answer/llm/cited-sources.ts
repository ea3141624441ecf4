import type { Citation } from "../../core/chat.ts";
import type { ScoredChunk } from "../../core/chunks.ts";
import { splitSentences } from "../../text/sentences/index.ts";
import { contentTerms } from "../../text/terms.ts";
import { makeCitation } from "../citations.ts";
import type { PromptPositionNumbering } from "./citation-markers.ts";

/**
 * The citations for the [n] markers in `text`, in number order. Each snippet is the sentence of
 * the cited chunk that best matches what the answer said with that marker, so a student sees the
 * passage the claim rests on rather than the chunk's first lines.
 */
export function citationsIn(
  text: string,
  numbering: PromptPositionNumbering,
  chunks: readonly ScoredChunk[],
  publicBaseUrl?: string,
): Citation[] {
  const positions = numbering.positions();
  const claims = new Map<number, string[]>();
  for (const sentence of splitSentences(text)) {
    for (const match of sentence.matchAll(/\[(\d+)\]/g)) {
      const n = Number(match[1]);
      if (!positions.has(n)) continue;
      const list = claims.get(n) ?? [];
      list.push(sentence);
      claims.set(n, list);
    }
  }
  return [...claims.keys()]
    .sort((a, b) => a - b)
    .map((n) => {
      const chunk = chunks[(positions.get(n) as number) - 1] as ScoredChunk;
      return makeCitation(n, chunk, bestSnippet(chunk.text, claims.get(n) ?? []), publicBaseUrl);
    });
}

function bestSnippet(chunkText: string, claims: string[]): string {
  const wanted = new Set(contentTerms(claims.join(" ").replace(/\[\d+\]/g, "")));
  let best = chunkText;
  let bestScore = 0;
  for (const sentence of splitSentences(chunkText)) {
    const terms = new Set(contentTerms(sentence));
    let shared = 0;
    for (const term of terms) if (wanted.has(term)) shared++;
    const score = shared / Math.sqrt(terms.size + 1);
    if (score > bestScore) {
      bestScore = score;
      best = sentence;
    }
  }
  return best;
}
