import { type AnswerDraft, distinctCitations, makeCitation } from "../answer/index.ts";
import type { ScoredChunk } from "../core/chunks.ts";

const NOT_FOUND = "I couldn't find this in the course material, so I won't guess.";

/** Declines honestly and points at the closest material instead of guessing. */
export function noAnswer(results: readonly ScoredChunk[], publicBaseUrl?: string): AnswerDraft {
  const nearest: ScoredChunk[] = [];
  for (const chunk of results) {
    if (!nearest.some((c) => c.source === chunk.source)) nearest.push(chunk);
  }
  // One section per document, and never the same passage twice (a copy in a second document).
  const citations = distinctCitations(
    nearest.map((chunk, i) => makeCitation(i + 1, chunk, chunk.text, publicBaseUrl)),
  ).slice(0, 3);
  const pointers = citations.map(
    (c) => `[${c.n}] ${c.title}${c.heading && c.heading !== c.title ? ` › ${c.heading}` : ""}`,
  );
  const answer =
    pointers.length > 0
      ? `${NOT_FOUND} The closest sections I found are ${joinList(pointers)}; ` +
        "try rephrasing your question, or ask the teaching team."
      : `${NOT_FOUND} Try rephrasing your question, or ask the teaching team.`;
  return { status: "no_answer", answer, citations, answeredBy: "none" };
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
