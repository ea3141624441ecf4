import type { ScoredChunk } from "../../src/core/chunks.ts";

/** A scored chunk for unit tests: everything defaulted but what the test cares about. */
export function scoredChunk(id: string, fields: Partial<ScoredChunk> = {}): ScoredChunk {
  return {
    chunkId: id,
    courseId: "c",
    source: "notes.md",
    title: "Notes",
    heading: "Section",
    headingPath: ["Section"],
    locator: null,
    url: null,
    week: null,
    ord: 0,
    text: `chunk ${id}`,
    score: 0,
    scores: {},
    ...fields,
  };
}
