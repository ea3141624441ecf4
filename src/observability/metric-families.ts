import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { BreakerSnapshot, BreakerState } from "../answer/resilience/circuit-breaker.ts";

/**
 * The tutor's Prometheus metric families, defined in the order they are registered (and so
 * rendered): requests and answers, the LLM, ingestion, then rate limits and Slack.
 */

/** Latency buckets (seconds) from a cached BM25 hit to an LLM answer near the chat deadline. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const INGEST_BUCKETS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 900];
const BREAKER_STATES: BreakerState[] = ["closed", "open", "half_open"];

/** Something whose circuit-breaker state can be read at scrape time. */
export interface BreakerSource {
  snapshot(): BreakerSnapshot;
  onStateChange(listener: (to: BreakerState, from: BreakerState) => void): void;
}

export function createAnswerMetrics(registers: Registry[]) {
  return {
    http: new Histogram({
      name: "tutor_http_request_duration_seconds",
      help: "HTTP request latency by route pattern (time to the response headers for streams).",
      labelNames: ["method", "route", "status"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    stage: new Histogram({
      name: "tutor_pipeline_stage_duration_seconds",
      help: "Time spent in each stage of answering a question.",
      labelNames: ["stage"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    answers: new Counter({
      name: "tutor_answers_total",
      help: "Answers given, by course and status (answered, no_answer, refused).",
      labelNames: ["course", "status", "degraded"] as const,
      registers,
    }),
    guardHits: new Counter({
      name: "tutor_guardrail_hits_total",
      help: "Guardrail verdicts other than allow, by stage, rule and action.",
      labelNames: ["stage", "rule", "action"] as const,
      registers,
    }),
  };
}

/** LLM calls and the circuit breaker; the state gauge reads the first of `breakers` at scrape time. */
export function createLlmMetrics(registers: Registry[], breakers: readonly BreakerSource[]) {
  const families = {
    llmCalls: new Counter({
      name: "tutor_llm_calls_total",
      help: "Calls to the LLM by outcome (success, failure, rejected by the open breaker).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    llmErrors: new Counter({
      name: "tutor_llm_errors_total",
      help: "Failed or refused LLM calls by failure kind.",
      labelNames: ["kind"] as const,
      registers,
    }),
    breakerTransitions: new Counter({
      name: "tutor_llm_breaker_transitions_total",
      help: "Circuit-breaker state changes, by the state entered.",
      labelNames: ["to"] as const,
      registers,
    }),
  };
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
  return families;
}

/** What the search-index cache reports at scrape time (retrieve's CourseIndexes). */
export interface SearchIndexSource {
  stats(): { courses: number; bytes: number; budgetBytes: number; evictions: number };
}

/** The loaded courses' search indexes: how many, their memory against the budget, evictions. */
export function createSearchIndexMetrics(registers: Registry[], sources: readonly SearchIndexSource[]) {
  const read = () => sources[0]?.stats();
  const gauge = (name: string, help: string, pick: (stats: NonNullable<ReturnType<typeof read>>) => number) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.reset();
        const stats = read();
        if (stats) this.set(pick(stats));
      },
    });
  gauge(
    "tutor_search_index_courses",
    "Courses whose search indexes are loaded in this process.",
    (s) => s.courses,
  );
  gauge("tutor_search_index_bytes", "Memory the loaded search indexes hold (estimated).", (s) => s.bytes);
  gauge("tutor_search_index_budget_bytes", "The memory budget of the search indexes.", (s) => s.budgetBytes);
  new Counter({
    name: "tutor_search_index_evictions_total",
    help: "Courses whose indexes were dropped to stay within the budget (loaded again when asked).",
    registers,
    collect() {
      this.reset();
      const stats = read();
      if (stats) this.inc(stats.evictions);
    },
  });
}

export function createIngestionMetrics(registers: Registry[]) {
  return {
    ingestRuns: new Counter({
      name: "tutor_ingestion_runs_total",
      help: "Ingestion runs by course, trigger (upload, folder, bootstrap…) and outcome.",
      labelNames: ["course", "trigger", "outcome"] as const,
      registers,
    }),
    ingestDuration: new Histogram({
      name: "tutor_ingestion_duration_seconds",
      help: "How long ingestion runs take.",
      labelNames: ["trigger", "outcome"] as const,
      buckets: INGEST_BUCKETS,
      registers,
    }),
    ingestLastSuccess: new Gauge({
      name: "tutor_ingestion_last_success_timestamp_seconds",
      help: "When each course last ingested successfully in this process (Unix time).",
      labelNames: ["course"] as const,
      registers,
    }),
  };
}

export function createEdgeMetrics(registers: Registry[]) {
  return {
    rateLimited: new Counter({
      name: "tutor_rate_limited_total",
      help: "Requests answered 429, by the scope whose limit was reached.",
      labelNames: ["scope"] as const,
      registers,
    }),
    rateLimitStoreErrors: new Counter({
      name: "tutor_rate_limit_store_errors_total",
      help: "Rate-limit checks that could not reach the shared store (the request was let through).",
      registers,
    }),
    slackEvents: new Counter({
      name: "tutor_slack_events_total",
      help: "Slack surface counters (verified, rejected, retries deduplicated, questions, answers…).",
      labelNames: ["counter", "detail"] as const,
      registers,
    }),
  };
}
