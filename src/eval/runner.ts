import type { Pipeline } from "../chat/index.ts";
import type { AnswerStatus } from "../core/chat.ts";
import type { ScoredChunk } from "../core/chunks.ts";
import { UnknownCourseError } from "../retrieve/index.ts";
import type { EvalConfig } from "./configs.ts";
import { type Category, DECLINE_CATEGORIES, type EvalCase, type Split } from "./dataset.ts";
import type { AnswerJudge, AnswerJudgement } from "./judge.ts";
import {
  hitAtK,
  idealPoolFor,
  ndcgAtK,
  type RankedJudgement,
  recallAtK,
  reciprocalRankAtK,
} from "./metrics.ts";
import { containsPhrase, createGrader, type Grade, type JudgedChunk } from "./relevance.ts";

/**
 * Runs every case through the pipeline the API uses (`askWithTrace`), once per configuration,
 * and scores it. One code path per metric:
 * - ranking metrics (hit, recall, MRR, nDCG) come from `trace.retrieved`, the ranked chunks the
 *   pipeline retrieved for the (possibly rewritten) question, asked for ten deep;
 * - answer metrics (faithfulness, relevancy, context precision and recall) come from the judge,
 *   given the answer, the chunks it cites and the chunks the answerer saw;
 * - answer correctness comes from the judge too, against the case's reference answer; whether the
 *   answer carries an expected phrase is read from the answer text;
 * - refusal metrics come from `answer.status`;
 * - latency is `answer.timings.total`, the whole pipeline as a student waits for it.
 */

export const RANK_DEPTH = 10;
export const HIT_DEPTH = 5;

export interface RetrievalScores {
  hit5: number;
  recall5: number;
  mrr10: number;
  ndcg10: number;
  /** The same, with any chunk of an expected source counting (source-level relevance). */
  hit5_source: number;
  recall5_source: number;
  mrr10_source: number;
}

export interface RetrievedSummary {
  rank: number;
  source: string;
  heading: string;
  grade: Grade;
  score: number;
  snippet: string;
}

export interface CaseResult {
  id: string;
  category: Category;
  split?: Split;
  config: string;
  question: string;
  expectedSources: string[];
  /** The category expects a declined answer. */
  expectDecline: boolean;
  status: AnswerStatus | "error";
  declined: boolean;
  /** The query retrieval ran with, when the pipeline rewrote the question. */
  query?: string;
  /** Course terms hybrid search added to the query. */
  expansion?: string[];
  retrieval: RetrievalScores | null;
  judgement: AnswerJudgement | null;
  /**
   * The answer carries one of the case's expected phrases (citation markers aside); null for
   * cases that should be declined. A declined answerable question carries none.
   */
  expectedPhrase: boolean | null;
  latencyMs: number;
  retrieveMs: number;
  retrieved: RetrievedSummary[];
  answer: string;
  guardrail?: { rule: string; reason: string };
  error?: string;
  /** The judge failed on this case (an LLM judge's unusable reply): no answer metrics. */
  judgeError?: string;
}

export interface RunOptions {
  course: string;
  cases: readonly EvalCase[];
  configs: readonly EvalConfig[];
  /** Configurations whose answers the judge scores (default: all); the rest get no answer metrics. */
  judgeConfigs?: readonly string[];
  /** Ask one question per configuration, untimed, before the timed run (default true). */
  warmUp?: boolean;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface RunnerDeps {
  pipeline: Pick<Pipeline, "askWithTrace">;
  judge: AnswerJudge;
  /** Every chunk of the course: how many hold each case's answer sets the ideal nDCG. */
  courseChunks: readonly JudgedChunk[];
}

const SNIPPET_CHARS = 220;
const ANSWER_CHARS = 1_200;

export async function runCases(deps: RunnerDeps, options: RunOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const total = options.cases.length * options.configs.length;
  let done = 0;
  options.onProgress?.(0, total);
  // One untimed question per configuration first: loading indexes and models on the first call
  // is a cold start, not the latency a student sees.
  const warmUp = options.cases[0];
  if (warmUp && options.warmUp !== false) {
    for (const config of options.configs) {
      await deps.pipeline
        .askWithTrace({
          course: options.course,
          message: warmUp.question,
          retrievalMode: config.retrievalMode,
          rerank: config.rerank,
          surface: "eval",
        })
        .catch((error: unknown) => {
          if (error instanceof UnknownCourseError) throw error;
        });
    }
  }
  for (const evalCase of options.cases) {
    const relevantInCourse = countRelevant(evalCase, deps.courseChunks);
    for (const config of options.configs) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error("the eval run was cancelled");
      const judged = options.judgeConfigs === undefined || options.judgeConfigs.includes(config.name);
      results.push(await runOne(deps, options.course, evalCase, config, relevantInCourse, judged));
      done++;
      options.onProgress?.(done, total);
    }
  }
  return results;
}

function countRelevant(evalCase: EvalCase, chunks: readonly JudgedChunk[]): number {
  if (evalCase.expected_sources.length === 0) return 0;
  const grader = createGrader(evalCase);
  return chunks.filter((chunk) => grader.grade(chunk) === 2).length;
}

async function runOne(
  deps: RunnerDeps,
  course: string,
  evalCase: EvalCase,
  config: EvalConfig,
  relevantInCourse: number,
  judged: boolean,
): Promise<CaseResult> {
  const expectDecline = DECLINE_CATEGORIES.has(evalCase.category);
  const base = {
    id: evalCase.id,
    category: evalCase.category,
    ...(evalCase.split ? { split: evalCase.split } : {}),
    config: config.name,
    question: evalCase.question,
    expectedSources: evalCase.expected_sources,
    expectDecline,
  };
  let outcome: AskOutcome;
  try {
    outcome = await deps.pipeline.askWithTrace({
      course,
      message: evalCase.question,
      retrievalMode: config.retrievalMode,
      rerank: config.rerank,
      retrieveK: RANK_DEPTH,
      surface: "eval",
    });
  } catch (error) {
    // The course itself being unknown is the caller's problem, not one case's.
    if (error instanceof UnknownCourseError) throw error;
    return {
      ...base,
      status: "error",
      declined: false,
      retrieval: null,
      judgement: null,
      expectedPhrase: expectDecline ? null : false,
      latencyMs: 0,
      retrieveMs: 0,
      retrieved: [],
      answer: "",
      error: error instanceof Error ? error.message : String(error),
    };
  }
  const { answer, trace } = outcome;
  const grader = createGrader(evalCase);
  const judgements: JudgedRank[] = trace.retrieved.slice(0, RANK_DEPTH).map((chunk) => ({
    chunk,
    grade: grader.grade(chunk),
    sourceIndex: grader.expectedSourceIndex(chunk),
  }));
  const declined = answer.status !== "answered";
  const retrieval = expectDecline ? null : scoreRetrieval(judgements, evalCase, relevantInCourse);
  const judging =
    !expectDecline && judged
      ? await judgeAnswer(deps.judge, evalCase, outcome, judgements.length)
      : { judgement: null };

  return {
    ...base,
    status: answer.status,
    declined,
    ...(trace.query !== evalCase.question ? { query: trace.query } : {}),
    ...(trace.expansion ? { expansion: trace.expansion } : {}),
    retrieval,
    judgement: judging.judgement,
    expectedPhrase: expectDecline
      ? null
      : !declined && answerCarries(answer.answer, evalCase.expected_phrases),
    latencyMs: answer.timings.total,
    retrieveMs: answer.timings.retrieve + answer.timings.rerank,
    retrieved: judgements.map(summarizeRetrieved),
    answer: answer.answer.length > ANSWER_CHARS ? `${answer.answer.slice(0, ANSWER_CHARS)}…` : answer.answer,
    ...(answer.guardrail ? { guardrail: answer.guardrail } : {}),
    ...(judging.judgeError ? { judgeError: judging.judgeError } : {}),
  };
}

type AskOutcome = Awaited<ReturnType<RunnerDeps["pipeline"]["askWithTrace"]>>;
type JudgedRank = RankedJudgement & { chunk: ScoredChunk };

/** The judge's scores for one answer, given the chunks it cites and the chunks the answerer saw. */
async function judgeAnswer(
  judge: AnswerJudge,
  evalCase: EvalCase,
  { answer, trace }: AskOutcome,
  ranked: number,
): Promise<{ judgement: AnswerJudgement | null; judgeError?: string }> {
  const declined = answer.status !== "answered";
  const seen = trace.answerChunks ?? ranked;
  const contexts = trace.retrieved.slice(0, seen).map((c) => c.text);
  const byId = new Map(trace.retrieved.map((c) => [c.chunkId, c.text]));
  const cited = answer.citations
    .map((c) => byId.get(c.chunkId) ?? c.snippet)
    .filter((text): text is string => typeof text === "string" && text !== "");
  try {
    const scored = await judge.judge({
      question: evalCase.question,
      answer: declined ? "" : answer.answer,
      citedContexts: declined ? [] : cited,
      retrievedContexts: contexts,
      referenceAnswer: evalCase.reference_answer,
    });
    // RAGAS scores a non-committal answer's relevancy 0; declining an answerable question is one,
    // and it states none of the reference answer.
    if (!declined) return { judgement: scored };
    const { correctness: _unscored, ...rest } = scored;
    return { judgement: { ...rest, faithfulness: null, answerRelevancy: 0, answerCorrectness: 0 } };
  } catch (error) {
    // One unjudgeable answer costs that case its answer metrics, not the whole run.
    return { judgement: null, judgeError: error instanceof Error ? error.message : String(error) };
  }
}

/** Whether an answer quotes an expected phrase, ignoring its [n] markers and list layout. */
export function answerCarries(answer: string, phrases: readonly string[]): boolean {
  const text = answer
    .replace(/\s*\[\d+(?:\s*[,;]\s*\d+)*\]/g, "")
    .replace(/^\s*(?:[-*•]|\d{1,2}[.)])\s+/gm, "");
  return containsPhrase(text, phrases);
}

function summarizeRetrieved(j: JudgedRank, index: number): RetrievedSummary {
  return {
    rank: index + 1,
    source: j.chunk.source,
    heading: j.chunk.headingPath.length > 0 ? j.chunk.headingPath.join(" › ") : j.chunk.heading,
    grade: j.grade as Grade,
    score: Math.round(j.chunk.score * 10_000) / 10_000,
    snippet: snippet(j.chunk.text),
  };
}

export function scoreRetrieval(
  ranked: readonly RankedJudgement[],
  evalCase: Pick<EvalCase, "expected_sources">,
  relevantInCourse: number,
): RetrievalScores {
  const expected = evalCase.expected_sources.length;
  const gains = ranked.map((r) => r.grade);
  const sourceLevel = ranked.map((r) => ({ ...r, grade: r.grade > 0 ? 2 : 0 }));
  return {
    hit5: hitAtK(ranked, HIT_DEPTH),
    recall5: recallAtK(ranked, expected, HIT_DEPTH),
    mrr10: reciprocalRankAtK(ranked, RANK_DEPTH),
    ndcg10: ndcgAtK(gains, idealPoolFor(relevantInCourse, gains, RANK_DEPTH), RANK_DEPTH),
    hit5_source: hitAtK(sourceLevel, HIT_DEPTH),
    recall5_source: recallAtK(sourceLevel, expected, HIT_DEPTH),
    mrr10_source: reciprocalRankAtK(sourceLevel, RANK_DEPTH),
  };
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat;
}
