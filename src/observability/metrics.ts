import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { BreakerSnapshot, BreakerState } from "../answer/resilience/circuit-breaker.ts";
import type { AttemptReport } from "../answer/resilience/resilient-answerer.ts";
import type { Answer } from "../core/chat.ts";
import type { GuardAction, GuardStage } from "../guard/types.ts";

/** Latency buckets (seconds) from a cached BM25 hit to an LLM answer near the chat deadline. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const INGEST_BUCKETS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 900];
const STAGES = ["guard", "retrieve", "rerank", "answer", "total"] as const;
const BREAKER_STATES: BreakerState[] = ["closed", "open", "half_open"];

/** `busy`: refused because another run of the same course was under way. */
export type IngestionOutcome = "succeeded" | "failed" | "busy";
export type RateLimitScope = "ip" | "session" | "course";

/** Something whose circuit-breaker state can be read at scrape time. */
export interface BreakerSource {
  snapshot(): BreakerSnapshot;
  onStateChange(listener: (to: BreakerState, from: BreakerState) => void): void;
}

/**
 * The tutor's Prometheus metrics, in a registry of their own (not prom-client's global one), so
 * several servers in one process — tests, or an embedding application — never collide.
 */
export class TutorMetrics {
  readonly registry = new Registry();
  private readonly http: Histogram<"method" | "route" | "status">;
  private readonly stage: Histogram<"stage">;
  private readonly answers: Counter<"course" | "status" | "degraded">;
  private readonly guardHits: Counter<"stage" | "rule" | "action">;
  private readonly llmCalls: Counter<"outcome">;
  private readonly llmErrors: Counter<"kind">;
  private readonly breakerTransitions: Counter<"to">;
  private readonly ingestRuns: Counter<"course" | "trigger" | "outcome">;
  private readonly ingestDuration: Histogram<"trigger" | "outcome">;
  private readonly ingestLastSuccess: Gauge<"course">;
  private readonly rateLimited: Counter<"scope">;
  private readonly rateLimitStoreErrors: Counter;
  private readonly slackEvents: Counter<"counter" | "detail">;
  private readonly breakers: BreakerSource[] = [];

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.http = new Histogram({
      name: "tutor_http_request_duration_seconds",
      help: "HTTP request latency by route pattern (time to the response headers for streams).",
      labelNames: ["method", "route", "status"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.stage = new Histogram({
      name: "tutor_pipeline_stage_duration_seconds",
      help: "Time spent in each stage of answering a question.",
      labelNames: ["stage"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.answers = new Counter({
      name: "tutor_answers_total",
      help: "Answers given, by course and status (answered, no_answer, refused).",
      labelNames: ["course", "status", "degraded"],
      registers,
    });
    this.guardHits = new Counter({
      name: "tutor_guardrail_hits_total",
      help: "Guardrail verdicts other than allow, by stage, rule and action.",
      labelNames: ["stage", "rule", "action"],
      registers,
    });
    this.llmCalls = new Counter({
      name: "tutor_llm_calls_total",
      help: "Calls to the LLM by outcome (success, failure, rejected by the open breaker).",
      labelNames: ["outcome"],
      registers,
    });
    this.llmErrors = new Counter({
      name: "tutor_llm_errors_total",
      help: "Failed or refused LLM calls by failure kind.",
      labelNames: ["kind"],
      registers,
    });
    this.breakerTransitions = new Counter({
      name: "tutor_llm_breaker_transitions_total",
      help: "Circuit-breaker state changes, by the state entered.",
      labelNames: ["to"],
      registers,
    });
    const breakers = this.breakers;
    new Gauge({
      name: "tutor_llm_breaker_state",
      help: "1 for the LLM circuit breaker's current state (closed, open, half_open); absent without an LLM.",
      labelNames: ["state"],
      registers,
      collect() {
        this.reset();
        const snapshot = breakers[0]?.snapshot();
        if (!snapshot) return;
        for (const state of BREAKER_STATES) this.set({ state }, snapshot.state === state ? 1 : 0);
      },
    });
    this.ingestRuns = new Counter({
      name: "tutor_ingestion_runs_total",
      help: "Ingestion runs by course, trigger (upload, folder, bootstrap…) and outcome.",
      labelNames: ["course", "trigger", "outcome"],
      registers,
    });
    this.ingestDuration = new Histogram({
      name: "tutor_ingestion_duration_seconds",
      help: "How long ingestion runs take.",
      labelNames: ["trigger", "outcome"],
      buckets: INGEST_BUCKETS,
      registers,
    });
    this.ingestLastSuccess = new Gauge({
      name: "tutor_ingestion_last_success_timestamp_seconds",
      help: "When each course last ingested successfully in this process (Unix time).",
      labelNames: ["course"],
      registers,
    });
    this.rateLimited = new Counter({
      name: "tutor_rate_limited_total",
      help: "Requests answered 429, by the scope whose limit was reached.",
      labelNames: ["scope"],
      registers,
    });
    this.rateLimitStoreErrors = new Counter({
      name: "tutor_rate_limit_store_errors_total",
      help: "Rate-limit checks that could not reach the shared store (the request was let through).",
      registers,
    });
    this.slackEvents = new Counter({
      name: "tutor_slack_events_total",
      help: "Slack surface counters (verified, rejected, retries deduplicated, questions, answers…).",
      labelNames: ["counter", "detail"],
      registers,
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status: String(status) }, seconds);
  }

  observeAnswer(course: string, answer: Answer): void {
    this.answers.inc({ course, status: answer.status, degraded: answer.degraded ? "true" : "false" });
    for (const stage of STAGES) {
      const ms = answer.timings[stage];
      // A stage that did not run (refused before retrieval) is not a 0 ms sample of that stage.
      if (stage !== "total" && stage !== "guard" && ms === 0) continue;
      this.stage.observe({ stage }, ms / 1000);
    }
  }

  guardVerdict(stage: GuardStage, rule: string, action: GuardAction): void {
    this.guardHits.inc({ stage, rule, action });
  }

  llmAttempt(report: AttemptReport): void {
    this.llmCalls.inc({ outcome: report.outcome });
    if (report.outcome !== "success") this.llmErrors.inc({ kind: report.failure?.kind ?? "unknown" });
  }

  watchBreaker(breaker: BreakerSource): void {
    this.breakers.unshift(breaker);
    breaker.onStateChange((to) => this.breakerTransitions.inc({ to }));
  }

  ingestion(course: string, trigger: string, outcome: IngestionOutcome, seconds: number): void {
    this.ingestRuns.inc({ course, trigger, outcome });
    this.ingestDuration.observe({ trigger, outcome }, seconds);
    if (outcome === "succeeded") this.ingestLastSuccess.set({ course }, Date.now() / 1000);
  }

  rateLimitHit(scope: RateLimitScope): void {
    this.rateLimited.inc({ scope });
  }

  rateLimitStoreError(): void {
    this.rateLimitStoreErrors.inc();
  }

  slackEvent(counter: string, labels: Record<string, string>): void {
    const detail = Object.values(labels)[0] ?? "";
    this.slackEvents.inc({ counter, detail });
  }
}
