import type { AnswerRequest } from "../../src/answer/types.ts";
import type { ScoredChunk } from "../../src/core/chunks.ts";

/** A retrieved passage written for a test, ranked `rank` (0 first). */
export function passage(id: string, heading: string, text: string, rank = 0): ScoredChunk {
  return {
    chunkId: id,
    courseId: "db",
    source: `notes/${id}.md`,
    title: "Databases",
    heading,
    headingPath: [heading],
    locator: null,
    url: `/course/db/${id}`,
    week: null,
    ord: rank,
    text,
    score: 1 - rank * 0.1,
    scores: {},
  };
}

/** An explain-mode request over the given passages, every term weighted alike. */
export const askOver = (question: string, chunks: ScoredChunk[]): AnswerRequest => ({
  question,
  chunks,
  termWeight: () => 1,
  mode: "explain",
  history: [],
});
