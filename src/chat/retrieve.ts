import { modeTopic, queryCoverage, withinBudget } from "../answer/index.ts";
import type { AskTrace, ConversationTurn, TraceHit, TutorMode } from "../core/chat.ts";
import type { ScoredChunk } from "../core/chunks.ts";
import type { RewrittenQuery } from "../core/query.ts";
import type { SearchResponse } from "../retrieve/search.ts";
import type { Asking, PipelineSettings } from "./types.ts";

/** What retrieval found for a question, and how the answer step weighs its terms. */
export interface Found {
  rewritten: RewrittenQuery;
  retrieval: SearchResponse;
  /** The chunks the answerer, coverage and guards see (the first `retrieveK`). */
  results: ScoredChunk[];
  termWeight: (term: string) => number;
}

/** Rewrites the question, searches the course and measures how well the results cover it. */
export async function retrieve(
  deps: PipelineSettings,
  asking: Asking,
  history: ConversationTurn[],
  answerMode: TutorMode,
): Promise<Found> {
  const { request, timings, trace } = asking;
  const t = performance.now();
  // The guard says how to search the message: without sentences that only carried personal
  // details, and a request for graded work by its subject ("write my report on X" → "X").
  const topic = modeTopic(asking.input.searchText ?? asking.question, answerMode);
  const rewritten = deps.queryRewriter
    ? await withinBudget(
        deps.queryRewriter.rewrite(topic, { course: request.course, history }),
        asking.budget.forRewrite(),
        { query: topic, spelledOut: topic },
      )
    : { query: topic, spelledOut: topic };
  trace.query = rewritten.spelledOut;
  const retrieval = await deps.searcher.search({
    course: request.course,
    query: rewritten.query,
    spelledOutQuery: rewritten.spelledOut,
    k: Math.max(deps.retrieveK, request.retrieveK ?? 0),
    filters: asking.filters,
    mode: request.retrievalMode,
    rerank: request.rerank,
  });
  timings.retrieve = performance.now() - t - retrieval.timings.rerank;
  timings.rerank = retrieval.timings.rerank;
  trace.retrieved = retrieval.results;
  if (retrieval.expansion.length > 0) trace.expansion = retrieval.expansion;
  traceCandidates(trace, retrieval);
  const results = retrieval.results.slice(0, deps.retrieveK);
  trace.answerChunks = results.length;
  asking.streamContext.chunks = results;
  const found = { rewritten, retrieval, results, termWeight: createTermWeight(retrieval) };
  trace.coverage = coverage(found, deps.retrieveK);
  trace.topVectorSimilarity = retrieval.topVectorSimilarity;
  return found;
}

/** How many candidates of each retriever, and of the fused list, the trace keeps. */
const TRACE_DEPTH = 10;

/** Each retriever's list and the fused order before reranking, for the console's playground. */
function traceCandidates(trace: AskTrace, retrieval: SearchResponse): void {
  const bm25 = retrieval.snapshot.bm25;
  const hits = (list: { id: string; score: number }[]): TraceHit[] =>
    list.slice(0, TRACE_DEPTH).flatMap(({ id, score }) => {
      const chunk = bm25.chunk(id);
      return chunk ? [{ chunkId: id, source: chunk.source, heading: chunk.heading, score }] : [];
    });
  trace.retrievers = {
    bm25: hits(retrieval.candidates.bm25),
    expanded: hits(retrieval.candidates.expanded),
    vector: hits(retrieval.candidates.vector),
  };
  const fused = retrieval.fusedResults ?? retrieval.results;
  trace.fused = fused.slice(0, TRACE_DEPTH).map((c) => ({
    chunkId: c.chunkId,
    source: c.source,
    heading: c.heading,
    score: c.scores.fused ?? c.score,
  }));
  trace.reranked = retrieval.fusedResults !== undefined;
}

function createTermWeight(retrieval: SearchResponse): (term: string) => number {
  const bm25 = retrieval.snapshot.bm25;
  const unseen = bm25.maxIdf;
  return (term) => bm25.idf(term) ?? unseen;
}

/**
 * A question is covered when either of its forms is: the chunks found for "BM25's k1" say BM25,
 * not "Best Matching 25", and those for "RRF" may say only "reciprocal rank fusion". Each call
 * analyses the chunks' text again, so a question with no acronym is measured once.
 */
function coverage({ rewritten, retrieval, results, termWeight }: Found, retrieveK: number): number {
  const coverageOf = (chunks: ScoredChunk[]) => {
    const asAsked = queryCoverage(rewritten.query, chunks, termWeight);
    return rewritten.spelledOut === rewritten.query
      ? asAsked
      : Math.max(asAsked, queryCoverage(rewritten.spelledOut, chunks, termWeight));
  };
  const covered = coverageOf(results);
  // The no-answer thresholds were calibrated on the fused order. A question must look covered
  // there too, so a reranker lifting one chunk for a single rare word ("how do I train my
  // dog" → a bag-of-words example) cannot make an off-topic question look answerable.
  if (!retrieval.fusedResults) return covered;
  return Math.min(covered, coverageOf(retrieval.fusedResults.slice(0, retrieveK)));
}
