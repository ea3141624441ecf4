import type { ScoredChunk } from "../../src/core/chunks.ts";

/** Three small chunks in the shape retrieval returns, for answerer tests that need no database. */
export function sampleChunks(): ScoredChunk[] {
  const base = { courseId: "aie101", locator: null, week: 9, ord: 0, scores: {} };
  return [
    {
      ...base,
      chunkId: "c-drift",
      source: "week-09/notes.md",
      title: "Week 9: Monitoring",
      heading: "Model drift",
      headingPath: ["Model drift"],
      url: "/course/week-09",
      score: 0.9,
      text: "Model drift is the gradual loss of accuracy that happens when production data moves away from the training data. Teams detect drift by comparing the distribution of recent inputs with a reference window. A population stability index above 0.2 is a common alarm threshold.",
    },
    {
      ...base,
      chunkId: "c-retrain",
      source: "week-09/notes.md",
      title: "Week 9: Monitoring",
      heading: "Retraining",
      headingPath: ["Retraining"],
      url: "/course/week-09",
      score: 0.7,
      ord: 1,
      text: "Retraining on fresh labelled data is the usual response to confirmed drift. Scheduled retraining runs on a fixed calendar, while triggered retraining starts when a monitor fires.",
    },
    {
      ...base,
      chunkId: "c-latency",
      source: "week-07/notes.md",
      title: "Week 7: Serving",
      heading: "Latency budgets",
      headingPath: ["Latency budgets"],
      url: null,
      week: 7,
      score: 0.4,
      text: "A latency budget splits the time a request may take between its stages. Tail latency, such as the 99th percentile, matters more to users than the average.",
    },
  ];
}

/** A term weight that treats every term alike. */
export const flatTermWeight = () => 1;
