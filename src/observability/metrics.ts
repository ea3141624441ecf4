import { collectDefaultMetrics, Registry } from "prom-client";
import type { AttemptReport } from "../answer/resilience/resilient-answerer.ts";
import type { Answer } from "../core/chat.ts";
import type { GuardAction, GuardStage } from "../guard/types.ts";
import type { RateScope } from "../ratelimit/index.ts";
import {
  type BreakerSource,
  createAnswerMetrics,
  createEdgeMetrics,
  createIngestionMetrics,
  createLlmMetrics,
  createSearchIndexMetrics,
  type SearchIndexSource,
} from "./metric-families.ts";

const STAGES = ["guard", "retrieve", "rerank", "answer", "total"] as const;

/** `busy`: refused because another run of the same course was under way. */
export type IngestionOutcome = "succeeded" | "failed" | "busy";

/**
 * The tutor's Prometheus metrics, in a registry of their own (not prom-client's global one), so
 * several servers in one process — tests, or an embedding application — never collide.
 */
export class TutorMetrics {
  readonly registry = new Registry();
  private readonly breakers: BreakerSource[] = [];
  private readonly searchIndexes: SearchIndexSource[] = [];
  private readonly m: ReturnType<typeof createAnswerMetrics> &
    ReturnType<typeof createLlmMetrics> &
    ReturnType<typeof createIngestionMetrics> &
    ReturnType<typeof createEdgeMetrics>;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
    this.m = {
      ...createAnswerMetrics(registers),
      ...createLlmMetrics(registers, this.breakers),
      ...createIngestionMetrics(registers),
      ...createEdgeMetrics(registers),
    };
    createSearchIndexMetrics(registers, this.searchIndexes);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.m.http.observe({ method, route, status: String(status) }, seconds);
  }

  observeAnswer(course: string, answer: Answer): void {
    this.m.answers.inc({ course, status: answer.status, degraded: answer.degraded ? "true" : "false" });
    for (const stage of STAGES) {
      const ms = answer.timings[stage];
      // A stage that did not run (refused before retrieval) is not a 0 ms sample of that stage.
      if (stage !== "total" && stage !== "guard" && ms === 0) continue;
      this.m.stage.observe({ stage }, ms / 1000);
    }
  }

  guardVerdict(stage: GuardStage, rule: string, action: GuardAction): void {
    this.m.guardHits.inc({ stage, rule, action });
  }

  llmAttempt(report: AttemptReport): void {
    this.m.llmCalls.inc({ outcome: report.outcome });
    if (report.outcome !== "success") this.m.llmErrors.inc({ kind: report.failure?.kind ?? "unknown" });
  }

  watchBreaker(breaker: BreakerSource): void {
    this.breakers.unshift(breaker);
    breaker.onStateChange((to) => this.m.breakerTransitions.inc({ to }));
  }

  /** Reports `source`'s loaded search indexes at scrape time. */
  watchSearchIndexes(source: SearchIndexSource): void {
    this.searchIndexes.unshift(source);
  }

  ingestion(course: string, trigger: string, outcome: IngestionOutcome, seconds: number): void {
    this.m.ingestRuns.inc({ course, trigger, outcome });
    this.m.ingestDuration.observe({ trigger, outcome }, seconds);
    if (outcome === "succeeded") this.m.ingestLastSuccess.set({ course }, Date.now() / 1000);
  }

  rateLimitHit(scope: RateScope): void {
    this.m.rateLimited.inc({ scope });
  }

  rateLimitStoreError(): void {
    this.m.rateLimitStoreErrors.inc();
  }

  slackEvent(counter: string, labels: Record<string, string>): void {
    const detail = Object.values(labels)[0] ?? "";
    this.m.slackEvents.inc({ counter, detail });
  }
}
