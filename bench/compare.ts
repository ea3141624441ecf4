import { readFile } from "node:fs/promises";
import { DECLINE_CATEGORIES, type EvalCase, parseJsonl } from "../src/eval/dataset.ts";
import { meanOf } from "../src/eval/metrics.ts";
import { createGrader } from "../src/eval/relevance.ts";
import { RANK_DEPTH, scoreRetrieval } from "../src/eval/runner.ts";
import type { GradedChunk } from "./langchain.ts";
import { round, summarize } from "./stats.ts";

export interface RetrievalSystem {
  name: string;
  search(question: string, k: number): Promise<GradedChunk[]>;
}

export interface SystemScores {
  name: string;
  cases: number;
  ndcg10: number;
  hit5: number;
  mrr10: number;
  recall5: number;
  latencyMs: ReturnType<typeof summarize>;
}

/** The golden set's answerable cases: those with expected sources that a tutor should answer. */
export async function answerableCases(datasetPath: string): Promise<EvalCase[]> {
  const parsed = parseJsonl(await readFile(datasetPath, "utf8"));
  if (!parsed.ok) throw new Error(`${datasetPath}: ${parsed.problems.length} problems in the dataset`);
  return parsed.cases.filter((c) => c.expected_sources.length > 0 && !DECLINE_CATEGORIES.has(c.category));
}

/**
 * Scores several retrieval systems on the same questions with the eval harness's own grading
 * (src/eval): nDCG@10, hit@5, MRR@10 and recall@5, plus per-query latency. The systems take
 * turns question by question, so machine noise falls on all of them alike.
 */
export async function compareRetrieval(
  systems: RetrievalSystem[],
  cases: readonly EvalCase[],
  courseChunks: readonly GradedChunk[],
  warmUpQuestions = 5,
): Promise<SystemScores[]> {
  for (const question of cases.slice(0, warmUpQuestions).map((c) => c.question)) {
    for (const system of systems) await system.search(question, RANK_DEPTH);
  }
  const perSystem = systems.map(() => ({
    scores: [] as ReturnType<typeof scoreRetrieval>[],
    ms: [] as number[],
  }));
  for (const evalCase of cases) {
    const grader = createGrader(evalCase);
    const relevantInCourse = courseChunks.filter((chunk) => grader.grade(chunk) === 2).length;
    for (const [index, system] of systems.entries()) {
      const started = performance.now();
      const found = await system.search(evalCase.question, RANK_DEPTH);
      const ms = performance.now() - started;
      const ranked = found.map((chunk) => ({
        grade: grader.grade(chunk),
        sourceIndex: grader.expectedSourceIndex(chunk),
      }));
      const bucket = perSystem[index] as (typeof perSystem)[number];
      bucket.scores.push(scoreRetrieval(ranked, evalCase, relevantInCourse));
      bucket.ms.push(ms);
    }
  }
  return systems.map((system, index) => {
    const { scores, ms } = perSystem[index] as (typeof perSystem)[number];
    const mean = (pick: (s: (typeof scores)[number]) => number) => round(meanOf(scores.map(pick)) ?? 0, 4);
    return {
      name: system.name,
      cases: scores.length,
      ndcg10: mean((s) => s.ndcg10),
      hit5: mean((s) => s.hit5),
      mrr10: mean((s) => s.mrr10),
      recall5: mean((s) => s.recall5),
      latencyMs: summarize(ms),
    };
  });
}
