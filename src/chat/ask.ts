import {
  type AnswerDraft,
  type Answerer,
  answerWithFallback,
  DeadlineBudget,
  retrievalConfidence,
} from "../answer/index.ts";
import type {
  Answer,
  AnswerTimings,
  AskRequest,
  AskTrace,
  ConversationTurn,
  CoursePolicy,
  TraceVerdict,
  TutorMode,
} from "../core/chat.ts";
import { type SearchFilters, withReleasedWeeks } from "../core/chunks.ts";
import { isStaffSurface } from "../core/surfaces.ts";
import { offTopicReply, socraticReply } from "../guard/replies.ts";
import { GuardedTokenStream } from "../guard/token-stream.ts";
import type { GuardContext, GuardVerdict } from "../guard/types.ts";
import { UnknownCourseError } from "../retrieve/index.ts";
import { answerFollowUp } from "./follow-up.ts";
import { noAnswer } from "./no-answer.ts";
import { type Found, retrieve } from "./retrieve.ts";
import {
  type Asking,
  defaultPipelineOptions,
  type Guardrail,
  type Outcome,
  type Pipeline,
  type PipelineDeps,
  type PipelineSettings,
} from "./types.ts";
import { guardOutput, guardrailOf, refusedDraft } from "./verdicts.ts";

const round = (ms: number) => Math.round(ms * 100) / 100;

/** The one path every surface takes: guard → retrieve → rerank → answer → guard → store. */
export function createPipeline(options: PipelineDeps): Pipeline {
  const deps: PipelineSettings = { ...defaultPipelineOptions, ...options };

  async function askWithTrace(request: AskRequest): Promise<{ answer: Answer; trace: AskTrace }> {
    const asking = await receive(deps, request);
    const outcome =
      refuseInput(asking) ?? (await answerFollowUp(deps, asking)) ?? (await answerFromCourse(deps, asking));
    asking.stream?.finish();
    asking.trace.answeredBy = outcome.draft.answeredBy;
    const answer = await store(deps, asking, outcome);
    observe(deps, answer, asking);
    return { answer, trace: asking.trace };
  }

  return {
    askWithTrace,
    ask: async (request) => (await askWithTrace(request)).answer,
  };
}

/** The course's policy, the input guard, then the session and the guarded token stream. */
async function receive(deps: PipelineSettings, request: AskRequest): Promise<Asking> {
  const started = performance.now();
  const { policy, filters } = await coursePolicy(deps, request);
  const mode = request.mode ?? policy.defaultMode ?? "explain";
  const timings: AnswerTimings = { guard: 0, retrieve: 0, rerank: 0, answer: 0, total: 0 };
  const trace: AskTrace = {
    query: request.message,
    retrieved: [],
    coverage: 0,
    topVectorSimilarity: null,
    answeredBy: "none",
    policy: { ...(policy.week !== undefined ? { week: policy.week } : {}), mode, llm: policy.llm !== false },
  };
  const t = performance.now();
  const input = await deps.guard.screenInput(request.message, { course: request.course, mode });
  trace.guard = { input: traceVerdicts(input.verdicts), retrieval: [], output: [] };
  const integrity = input.refusal?.redirect === "hint" ? input.refusal : undefined;
  timings.guard += performance.now() - t;
  // The course must exist before anything is stored against it (UnknownCourseError → 404).
  await deps.searcher.snapshot(request.course);
  const sessionId = await deps.conversations.resolveSession(
    request.course,
    request.sessionId,
    request.surface ?? "api",
  );
  request.onStart?.({ sessionId, mode });
  // Streamed text meets the sentence-level output rules before the student sees it; the chunks
  // it may quote (published emails are not leaks) are filled in once they are known.
  const streamContext: GuardContext = { course: request.course, mode };
  const stream = request.onToken
    ? new GuardedTokenStream(request.onToken, (text) => deps.guard.checkStreamedOutput(text, streamContext))
    : undefined;
  const budget = new DeadlineBudget(deps.deadlineMs, started);
  const asked = {
    request,
    mode,
    policy,
    filters,
    started,
    budget,
    timings,
    trace,
    input,
    integrity,
    sessionId,
  };
  return { ...asked, question: input.text, streamContext, stream, onToken: stream?.push };
}

/**
 * The course's settings as they apply to this question: students see the weeks released so far
 * (their own week filter can only narrow that) and get nothing from an archived course; staff
 * surfaces (evals, the playground) see every week.
 */
async function coursePolicy(
  deps: PipelineSettings,
  request: AskRequest,
): Promise<{ policy: CoursePolicy; filters: SearchFilters | undefined }> {
  const policy = (await deps.coursePolicy?.policyFor(request.course)) ?? {};
  if (isStaffSurface(request.surface ?? "api")) {
    const { week: _week, ...rest } = policy;
    return { policy: rest, filters: request.filters };
  }
  if (policy.archived) throw new UnknownCourseError(request.course);
  return { policy, filters: withReleasedWeeks(request.filters, policy.week) };
}

function traceVerdicts(verdicts: readonly GuardVerdict[]): TraceVerdict[] {
  return verdicts.map((v) => ({
    rule: v.rule,
    action: v.action,
    ...(v.reason ? { reason: v.reason } : {}),
    ...(v.details ? { details: v.details } : {}),
  }));
}

/**
 * A refusal that does not help otherwise (an injection, say) answers with the rule's reply,
 * without retrieving. "Show me the answers to the quiz" reads like graded work to the integrity
 * rule, but the key of a practice quiz this session was given is the student's to see, so an
 * integrity refusal still lets the follow-up answer.
 */
function refuseInput(asking: Asking): Outcome | null {
  const refusal = asking.input.refusal;
  if (!refusal || asking.integrity) return null;
  const reply = refusal.reply ?? refusal.reason ?? "I can't help with that request.";
  asking.onToken?.(reply);
  return { draft: refusedDraft(reply), guardrail: guardrailOf(refusal), topScore: null };
}

/** Retrieve, decide, answer, then the output guard; graded work gets a Socratic hint instead. */
async function answerFromCourse(deps: PipelineSettings, asking: Asking): Promise<Outcome> {
  const { request, timings, integrity } = asking;
  const history = await deps.conversations.recentTurns(asking.sessionId, deps.historyTurns);
  // Hint and quiz requests are searched by their topic ("quiz me on X" → "X").
  const answerMode = integrity ? "hint" : asking.mode;
  const found = await retrieve(deps, asking, history, answerMode);

  let t = performance.now();
  const decided = await decide(deps, asking, found, history, answerMode);
  timings.answer = performance.now() - t;

  t = performance.now();
  const checked = guardOutput(deps.guard, decided.draft, {
    course: request.course,
    mode: answerMode,
    chunks: found.results,
  });
  timings.guard += performance.now() - t;
  if (asking.trace.guard) asking.trace.guard.output = traceVerdicts(checked.verdicts);
  const outcome = {
    draft: checked.draft,
    guardrail: checked.guardrail ?? decided.guardrail,
    topScore: found.retrieval.topVectorSimilarity,
  };
  if (!integrity) return outcome;
  const draft = socraticReply(outcome.draft, integrity.reason ?? "");
  asking.onToken?.(draft.answer);
  return { ...outcome, draft, guardrail: guardrailOf(integrity) };
}

/** Answer when confident, redirect when off topic, decline (pointing at the nearest material) otherwise. */
async function decide(
  deps: PipelineSettings,
  asking: Asking,
  found: Found,
  history: ConversationTurn[],
  answerMode: TutorMode,
): Promise<{ draft: AnswerDraft; guardrail?: Guardrail }> {
  const { results, retrieval } = found;
  const level =
    results.length === 0
      ? "low"
      : retrievalConfidence(
          { coverage: asking.trace.coverage, topVectorSimilarity: retrieval.topVectorSimilarity },
          deps.confidence,
        );
  const confident = level !== "low";
  // Only the fitted rules keep the off-topic rule out; a question the close tier admits is still judged.
  const offTopic = await offTopicRefusal(deps, asking, found, level === "confident");
  let draft = offTopic
    ? offTopicReply(noAnswer(results, deps.publicBaseUrl), offTopic.reason ?? "")
    : confident
      ? await answer(deps, asking, found, history, answerMode)
      : noAnswer(results, deps.publicBaseUrl);
  if (draft.status === "no_answer" && draft.citations.length === 0) {
    draft = noAnswer(results, deps.publicBaseUrl);
  }
  if (draft.status === "no_answer" && !asking.integrity) asking.onToken?.(draft.answer);
  return offTopic ? { draft, guardrail: guardrailOf(offTopic) } : { draft };
}

/** Off topic: not answerable from the material AND far from what the course is about. */
async function offTopicRefusal(
  deps: PipelineSettings,
  asking: Asking,
  { retrieval }: Found,
  confident: boolean,
): Promise<GuardVerdict | undefined> {
  if (asking.integrity) return undefined;
  const topicCheck = await deps.guard.checkRetrieval(asking.question, {
    course: asking.request.course,
    mode: asking.mode,
    // The message as the input guard embedded it: the exemplar rules judge the same vector at both stages.
    ...(asking.input.embedding ? { embedding: asking.input.embedding } : {}),
    retrieval: {
      confident,
      coverage: asking.trace.coverage,
      topVectorSimilarity: retrieval.topVectorSimilarity,
      queryEmbedding: retrieval.queryEmbedding,
      termIdf: (term) => retrieval.snapshot.bm25.idf(term),
      unseenIdf: retrieval.snapshot.bm25.maxIdf,
      embeddingModel: retrieval.snapshot.embeddingModel,
      courseVersion: retrieval.snapshot.version,
    },
  });
  if (asking.trace.guard) asking.trace.guard.retrieval = traceVerdicts(topicCheck.verdicts);
  return topicCheck.refusal?.redirect === "off_topic" ? topicCheck.refusal : undefined;
}

/** The answerer within what is left of the deadline; the fallback steps in when it fails. */
async function answer(
  deps: PipelineSettings,
  asking: Asking,
  found: Found,
  history: ConversationTurn[],
  answerMode: TutorMode,
): Promise<AnswerDraft> {
  const request = {
    question: asking.question,
    query: found.rewritten.spelledOut,
    chunks: found.results,
    termWeight: found.termWeight,
    mode: answerMode,
    history,
    // The hint behind an integrity refusal is framed first, then sent whole.
    onToken: asking.integrity ? undefined : asking.onToken,
    signal: asking.request.signal,
    ...(found.retrieval.queryEmbedding ? { queryVector: found.retrieval.queryEmbedding } : {}),
  };
  const budget = asking.budget.forAnswer();
  // A course whose LLM is switched off is answered by the offline answerer (the fallback).
  const llmOff = asking.policy.llm === false && deps.fallbackAnswerer !== undefined;
  const answerer = llmOff ? (deps.fallbackAnswerer as Answerer) : deps.answerer;
  return (await answerWithFallback(answerer, llmOff ? undefined : deps.fallbackAnswerer, request, budget))
    .draft;
}

/** Stores the message (the redacted question, never the original) and makes the reply. */
async function store(
  deps: PipelineSettings,
  asking: Asking,
  { draft, guardrail, topScore }: Outcome,
): Promise<Answer> {
  const { request, sessionId, timings } = asking;
  timings.total = performance.now() - asking.started;
  const messageId = await deps.conversations.recordMessage({
    sessionId,
    course: request.course,
    question: asking.question,
    answer: draft.answer,
    status: draft.status,
    mode: asking.mode,
    citations: draft.citations,
    guardrail,
    degraded: draft.degraded ?? false,
    topScore,
    latencyMs: timings.total,
    ...(draft.quizKey && draft.status === "answered" ? { quizKey: draft.quizKey } : {}),
  });
  for (const key of Object.keys(timings) as (keyof AnswerTimings)[]) timings[key] = round(timings[key]);
  return {
    sessionId,
    messageId,
    status: draft.status,
    answer: draft.answer,
    citations: draft.citations,
    ...(guardrail ? { guardrail } : {}),
    ...(draft.degraded ? { degraded: true } : {}),
    timings,
  };
}

function observe(deps: PipelineSettings, answer: Answer, { trace, request }: Asking): void {
  for (const observer of deps.observers ?? []) {
    try {
      observer.onAnswer(answer, trace, request);
    } catch {
      // An observer's failure must never cost the student their answer.
    }
  }
}
