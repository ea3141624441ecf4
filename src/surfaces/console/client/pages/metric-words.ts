/**
 * Each eval metric in plain words, for instructors who do not speak nDCG: what it measures, and
 * whether higher is better. Shown next to every number in the console's reports.
 */
export const METRIC_WORDS: Record<string, { name: string; meaning: string; lowerIsBetter?: boolean }> = {
  hit5: {
    name: "Hit@5",
    meaning: "How often a passage that answers the question is among the first five the tutor found.",
  },
  recall5: {
    name: "Recall@5",
    meaning: "Of the documents a question needs, the share found among the first five passages.",
  },
  mrr10: {
    name: "MRR@10",
    meaning: "How high the first answering passage ranks: 1 means always first, 0.5 second on average.",
  },
  ndcg10: {
    name: "nDCG@10",
    meaning:
      "How good the order of the first ten passages is: 1 is the best possible order, 0 finds nothing useful.",
  },
  faithfulness: {
    name: "Faithfulness",
    meaning: "The share of the answer's statements that the passages it cites actually support.",
  },
  answer_relevancy: {
    name: "Answer relevancy",
    meaning:
      "How closely the answer addresses the question (the offline judge's scale runs lower than an LLM's).",
  },
  context_precision: {
    name: "Context precision",
    meaning: "Whether the passages that support the reference answer come before the others.",
  },
  context_recall: {
    name: "Context recall",
    meaning: "The share of the reference answer's statements found in the passages the tutor retrieved.",
  },
  refusal_f1: {
    name: "Refusal F1",
    meaning:
      "How well the tutor declines exactly what it should (questions off the material, attacks, " +
      "graded work) and answers the rest.",
  },
  p50_ms: {
    name: "Typical time (p50)",
    meaning: "Half of the questions were answered faster than this.",
    lowerIsBetter: true,
  },
  p95_ms: {
    name: "Slow time (p95)",
    meaning: "95 in 100 questions were answered faster than this.",
    lowerIsBetter: true,
  },
};
