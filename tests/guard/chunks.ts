import type { Citation } from "../../src/core/chat.ts";
import type { ScoredChunk } from "../../src/core/chunks.ts";

/** A retrieved chunk for output-rule tests. */
export function chunk(id: string, text: string, overrides: Partial<ScoredChunk> = {}): ScoredChunk {
  return {
    chunkId: id,
    courseId: "aie101",
    source: `week-09/notes.md`,
    title: "Week 9: Monitoring, Drift and Retraining",
    heading: "Data drift",
    headingPath: ["Week 9: Monitoring, Drift and Retraining", "Data drift"],
    locator: null,
    url: null,
    week: 9,
    ord: 0,
    text,
    score: 1,
    scores: {},
    ...overrides,
  };
}

export function citation(n: number, of: ScoredChunk): Citation {
  return {
    n,
    source: of.source,
    title: of.title,
    heading: of.heading,
    snippet: of.text.slice(0, 60),
    chunkId: of.chunkId,
  };
}
