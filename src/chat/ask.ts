import { makeCitation } from "../answer/citations.ts";
import {
  type ConfidenceThresholds,
  defaultConfidenceThresholds,
  isConfident,
  queryCoverage,
} from "../answer/confidence.ts";
import type { FollowUpHandler } from "../answer/modes/quiz-key.ts";
import { modeTopic } from "../answer/modes/topic.ts";
import { answerWithFallback as answerWithinBudget } from "../answer/resilience/deadline.ts";
import type { AnswerDraft, Answerer } from "../answer/types.ts";
import type {
  Answer,
  AnswerStatus,
  AnswerTimings,
  AskRequest,
  AskTrace,
  Citation,
  ConversationTurn,
  TutorMode,
} from "../core/chat.ts";
import type { RetrievalMode, ScoredChunk, SearchFilters } from "../core/chunks.ts";
import type { ConversationStore } from "../db/conversations.ts";
import type { GuardEngine } from "../guard/engine.ts";
import { offTopicReply, socraticReply } from "../guard/replies.ts";
import { GuardedTokenStream } from "../guard/token-stream.ts";
import type { GuardContext } from "../guard/types.ts";
import type { HybridSearcher, SearchResponse } from "../retrieve/index.ts";

/** A student's question as retrieval reads it. */
export interface RewrittenQuery {
  /** The question normalised: shorthand and typos fixed, a follow-up given its subject. */
  query: string;
  /** `query` with the acronyms the course defines spelled out ("RRF (Reciprocal Rank Fusion)"). */
  spelledOut: string;
}

/** Turns what the student typed into what retrieval should search for. */
export interface QueryRewriter {
  rewrite(
    question: string,
    context: { course: string; history: ConversationTurn[] },
  ): Promise<RewrittenQuery>;
}

/** Watches finished answers (metrics, logs, insights); must not throw. */
export interface PipelineObserver {
  onAnswer(answer: Answer, trace: AskTrace, request: AskRequest): void;
}

export interface PipelineDeps {
  searcher: HybridSearcher;
  answerer: Answerer;
  /** Used when `answerer` fails; its answers are marked degraded. */
  fallbackAnswerer?: Answerer;
  guard: GuardEngine;
  conversations: ConversationStore;
  queryRewriter?: QueryRewriter;
  observers?: PipelineObserver[];
  confidence?: ConfidenceThresholds;
  /** Chunks retrieved for answering. */
  retrieveK?: number;
  historyTurns?: number;
  publicBaseUrl?: string;
  /** Every chat request completes within this; a slow answerer is replaced by the fallback. */
  deadlineMs?: number;
  /** Replies that come from the session itself (the quiz key behind "show answers"). */
  followUps?: FollowUpHandler;
}

export interface Pipeline {
  ask(request: AskRequest): Promise<Answer>;
  askWithTrace(request: AskRequest): Promise<{ answer: Answer; trace: AskTrace }>;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** The one path every surface takes: guard → retrieve → rerank → answer → guard → store. */
export function createPipeline(deps: PipelineDeps): Pipeline {
  const retrieveK = deps.retrieveK ?? 6;
  const historyTurns = deps.historyTurns ?? 4;
  const thresholds = deps.confidence ?? defaultConfidenceThresholds;

  async function askWithTrace(request: AskRequest): Promise<{ answer: Answer; trace: AskTrace }> {
    const started = performance.now();
    const mode = request.mode ?? "explain";
    const timings: AnswerTimings = { guard: 0, retrieve: 0, rerank: 0, answer: 0, total: 0 };
    const trace: AskTrace = {
      query: request.message,
      retrieved: [],
      coverage: 0,
      topVectorSimilarity: null,
      answeredBy: "none",
    };

    // The course must exist before anything is stored against it (UnknownCourseError → 404).
    let t = performance.now();
    const inputCheck = deps.guard.checkInput(request.message, { course: request.course, mode });
    // Academic integrity refuses but still helps: a hint from the material, never the solution.
    const integrity = inputCheck.refusal?.redirect === "hint" ? inputCheck.refusal : undefined;
    timings.guard += performance.now() - t;
    await deps.searcher.snapshot(request.course);
    const sessionId = await deps.conversations.resolveSession(
      request.course,
      request.sessionId,
      request.surface ?? "api",
    );
    request.onStart?.({ sessionId });
    const question = inputCheck.text;
    // Streamed text meets the sentence-level output rules before the student sees it; the chunks
    // it may quote (published emails are not leaks) are filled in once they are known.
    const streamContext: GuardContext = { course: request.course, mode };
    const stream = request.onToken
      ? new GuardedTokenStream(request.onToken, (text) => deps.guard.checkStreamedOutput(text, streamContext))
      : undefined;
    const onToken = stream?.push;

    let draft: AnswerDraft;
    let guardrail: Answer["guardrail"];
    let topScore: number | null = null;
    // "Show me the answers to the quiz" reads like graded work to the integrity rule, but the key
    // of a practice quiz this session was given is the student's to see.
    const followUp =
      inputCheck.refusal && !integrity
        ? null
        : ((await deps.followUps?.answer({ course: request.course, sessionId, question, mode })) ?? null);
    if (followUp) {
      streamContext.chunks = followUp.sources;
      onToken?.(followUp.draft.answer);
      const outputCheck = deps.guard.checkOutput(followUp.draft.answer, {
        course: request.course,
        mode,
        answerStatus: followUp.draft.status,
        chunks: followUp.sources,
        citations: followUp.draft.citations,
      });
      draft = outputCheck.refusal
        ? {
            status: "refused",
            answer: outputCheck.refusal.reply ?? "I can't share that answer.",
            citations: [],
            answeredBy: "guard",
          }
        : {
            ...followUp.draft,
            answer: outputCheck.text,
            citations: outputCheck.citations ?? followUp.draft.citations,
          };
      if (outputCheck.refusal)
        guardrail = { rule: outputCheck.refusal.rule, reason: outputCheck.refusal.reason ?? "" };
    } else if (inputCheck.refusal && !integrity) {
      guardrail = { rule: inputCheck.refusal.rule, reason: inputCheck.refusal.reason ?? "" };
      const reply =
        inputCheck.refusal.reply ?? inputCheck.refusal.reason ?? "I can't help with that request.";
      onToken?.(reply);
      draft = { status: "refused", answer: reply, citations: [], answeredBy: "guard" };
    } else {
      const history = await deps.conversations.recentTurns(sessionId, historyTurns);
      t = performance.now();
      // Hint and quiz requests are searched by their topic ("quiz me on X" → "X").
      const answerMode = integrity ? "hint" : mode;
      // The guard says how to search the message: without sentences that only carried personal
      // details, and a request for graded work by its subject ("write my report on X" → "X").
      const topic = modeTopic(inputCheck.searchText ?? question, answerMode);
      const rewritten = deps.queryRewriter
        ? await withinBudget(
            deps.queryRewriter.rewrite(topic, { course: request.course, history }),
            rewriteBudget(deps, started),
            { query: topic, spelledOut: topic },
          )
        : { query: topic, spelledOut: topic };
      const query = rewritten.spelledOut;
      trace.query = query;
      const retrieval = await deps.searcher.search({
        course: request.course,
        query: rewritten.query,
        spelledOutQuery: rewritten.spelledOut,
        k: Math.max(retrieveK, request.retrieveK ?? 0),
        filters: request.filters,
        mode: request.retrievalMode,
        rerank: request.rerank,
      });
      timings.retrieve = performance.now() - t - retrieval.timings.rerank;
      timings.rerank = retrieval.timings.rerank;
      trace.retrieved = retrieval.results;
      if (retrieval.expansion.length > 0) trace.expansion = retrieval.expansion;
      const results = retrieval.results.slice(0, retrieveK);
      trace.answerChunks = results.length;
      streamContext.chunks = results;
      const termWeight = makeTermWeight(retrieval);
      // A question is covered when either of its forms is: the chunks found for "BM25's k1" say
      // BM25, not "Best Matching 25", and those for "RRF" may say only "reciprocal rank fusion".
      // Each call analyses the chunks' text again, so a question with no acronym is measured once.
      const coverageOf = (chunks: ScoredChunk[]) => {
        const asAsked = queryCoverage(rewritten.query, chunks, termWeight);
        return rewritten.spelledOut === rewritten.query
          ? asAsked
          : Math.max(asAsked, queryCoverage(rewritten.spelledOut, chunks, termWeight));
      };
      trace.coverage = coverageOf(results);
      // The no-answer thresholds were calibrated on the fused order. A question must look covered
      // there too, so a reranker lifting one chunk for a single rare word ("how do I train my
      // dog" → a bag-of-words example) cannot make an off-topic question look answerable.
      if (retrieval.fusedResults) {
        const fused = retrieval.fusedResults.slice(0, retrieveK);
        trace.coverage = Math.min(trace.coverage, coverageOf(fused));
      }
      trace.topVectorSimilarity = retrieval.topVectorSimilarity;
      topScore = retrieval.topVectorSimilarity;

      t = performance.now();
      const confident =
        results.length > 0 &&
        isConfident(
          { coverage: trace.coverage, topVectorSimilarity: retrieval.topVectorSimilarity },
          thresholds,
        );
      // Off topic: not answerable from the material AND far from what the course is about.
      const topicCheck = integrity
        ? undefined
        : await deps.guard.checkRetrieval(question, {
            course: request.course,
            mode,
            retrieval: {
              confident,
              coverage: trace.coverage,
              topVectorSimilarity: retrieval.topVectorSimilarity,
              queryEmbedding: retrieval.queryEmbedding,
              termIdf: (term) => retrieval.snapshot.bm25.idf(term),
              unseenIdf: retrieval.snapshot.bm25.maxIdf,
              embeddingModel: retrieval.snapshot.embeddingModel,
              courseVersion: retrieval.snapshot.version,
            },
          });
      const offTopic = topicCheck?.refusal?.redirect === "off_topic" ? topicCheck.refusal : undefined;
      draft = offTopic
        ? offTopicReply(noAnswer(results, deps.publicBaseUrl), offTopic.reason ?? "")
        : confident
          ? await answerWithFallback(
              deps,
              {
                question,
                query,
                chunks: results,
                termWeight,
                mode: answerMode,
                history,
                // The hint behind an integrity refusal is framed first, then sent whole.
                onToken: integrity ? undefined : onToken,
                signal: request.signal,
              },
              started,
            )
          : noAnswer(results, deps.publicBaseUrl);
      if (offTopic) guardrail = { rule: offTopic.rule, reason: offTopic.reason ?? "" };
      if (draft.status === "no_answer" && draft.citations.length === 0) {
        draft = noAnswer(results, deps.publicBaseUrl);
      }
      if (draft.status === "no_answer" && !integrity) onToken?.(draft.answer);
      timings.answer = performance.now() - t;

      t = performance.now();
      const outputCheck = deps.guard.checkOutput(draft.answer, {
        course: request.course,
        mode: answerMode,
        answerStatus: draft.status,
        chunks: results,
        citations: draft.citations,
      });
      timings.guard += performance.now() - t;
      if (outputCheck.refusal) {
        guardrail = { rule: outputCheck.refusal.rule, reason: outputCheck.refusal.reason ?? "" };
        draft = {
          status: "refused",
          answer: outputCheck.refusal.reply ?? "I can't share that answer.",
          citations: [],
          answeredBy: "guard",
        };
      } else {
        draft = { ...draft, answer: outputCheck.text, citations: outputCheck.citations ?? draft.citations };
      }
      if (integrity) {
        guardrail = { rule: integrity.rule, reason: integrity.reason ?? "" };
        draft = socraticReply(draft, integrity.reason ?? "");
        onToken?.(draft.answer);
      }
    }
    stream?.finish();
    trace.answeredBy = draft.answeredBy;

    timings.total = performance.now() - started;
    const messageId = await deps.conversations.recordMessage({
      sessionId,
      course: request.course,
      question,
      answer: draft.answer,
      status: draft.status,
      mode,
      citations: draft.citations,
      guardrail,
      degraded: draft.degraded ?? false,
      topScore,
      latencyMs: timings.total,
      ...(draft.quizKey && draft.status === "answered" ? { quizKey: draft.quizKey } : {}),
    });
    for (const key of Object.keys(timings) as (keyof AnswerTimings)[]) timings[key] = round(timings[key]);
    const answer: Answer = {
      sessionId,
      messageId,
      status: draft.status,
      answer: draft.answer,
      citations: draft.citations,
      ...(guardrail ? { guardrail } : {}),
      ...(draft.degraded ? { degraded: true } : {}),
      timings,
    };
    for (const observer of deps.observers ?? []) {
      try {
        observer.onAnswer(answer, trace, request);
      } catch {
        // An observer's failure must never cost the student their answer.
      }
    }
    return { answer, trace };
  }

  return {
    askWithTrace,
    ask: async (request) => (await askWithTrace(request)).answer,
  };
}

function makeTermWeight(retrieval: SearchResponse): (term: string) => number {
  const bm25 = retrieval.snapshot.bm25;
  const unseen = bm25.maxIdf;
  return (term) => bm25.idf(term) ?? unseen;
}

async function answerWithFallback(
  deps: PipelineDeps,
  request: Parameters<Answerer["answer"]>[0],
  started: number,
): Promise<AnswerDraft> {
  // What is left of the deadline, minus a reserve for the fallback, the output check and storing.
  const deadlineMs = deps.deadlineMs ?? Number.POSITIVE_INFINITY;
  const budget = Math.min(
    2 ** 31 - 1,
    deadlineMs - (performance.now() - started) - deadlineReserve(deadlineMs),
  );
  return (await answerWithinBudget(deps.answerer, deps.fallbackAnswerer, request, budget)).draft;
}

function deadlineReserve(deadlineMs: number): number {
  return Number.isFinite(deadlineMs) ? Math.min(1_500, Math.max(250, deadlineMs * 0.15)) : 0;
}

/** Query rewriting may call an LLM too: it gets a third of the deadline, then the topic is used as is. */
function rewriteBudget(deps: PipelineDeps, started: number): number {
  if (deps.deadlineMs === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(0, deps.deadlineMs / 3 - (performance.now() - started));
}

async function withinBudget<T>(work: Promise<T>, budgetMs: number, fallback: T): Promise<T> {
  if (!Number.isFinite(budgetMs)) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), budgetMs);
  });
  try {
    return await Promise.race([work.catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Declines honestly and points at the closest material instead of guessing. */
export function noAnswer(results: readonly ScoredChunk[], publicBaseUrl?: string): AnswerDraft {
  const nearest: ScoredChunk[] = [];
  for (const chunk of results) {
    if (nearest.length >= 3) break;
    if (!nearest.some((c) => c.source === chunk.source)) nearest.push(chunk);
  }
  const citations = nearest.map((chunk, i) => makeCitation(i + 1, chunk, chunk.text, publicBaseUrl));
  const pointers = citations.map(
    (c) => `[${c.n}] ${c.title}${c.heading && c.heading !== c.title ? ` › ${c.heading}` : ""}`,
  );
  const answer =
    pointers.length > 0
      ? `I couldn't find this in the course material, so I won't guess. The closest sections I found are ${joinList(pointers)}; try rephrasing your question, or ask the teaching team.`
      : "I couldn't find this in the course material, so I won't guess. Try rephrasing your question, or ask the teaching team.";
  return { status: "no_answer", answer, citations, answeredBy: "none" };
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
