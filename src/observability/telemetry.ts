import type { AttemptReport } from "../answer/resilience/resilient-answerer.ts";
import type { PipelineObserver } from "../chat/index.ts";
import { IngestionBusyError } from "../courses/ingestion-runs.ts";
import type { GuardEngine } from "../guard/engine.ts";
import type { IngestSummary } from "../ingest/sync.ts";
import { createLogger, type Logger, type LoggerOptions, silentLogger } from "./logger.ts";
import type { BreakerSource } from "./metric-families.ts";
import { TutorMetrics } from "./metrics.ts";

/** Metrics and logs, handed to every part of the tutor that reports on itself. */
export interface Telemetry {
  metrics: TutorMetrics;
  logger: Logger;
  /** Counts and logs each answer: status, stage timings; never the question or the answer. */
  pipelineObserver: PipelineObserver;
  /** Counts and logs every guardrail verdict other than allow (rule, action, safe details). */
  watchGuard(guard: Pick<GuardEngine, "onVerdict">): void;
  /** Counts and logs LLM calls and follows the breaker's state. */
  llmAttempt(report: AttemptReport): void;
  watchBreaker(breaker: BreakerSource): void;
  /** Runs one ingestion, counting and timing it whatever its outcome. */
  trackIngestion(course: string, trigger: string, run: () => Promise<IngestSummary>): Promise<IngestSummary>;
}

export function createTelemetry(
  options: Partial<LoggerOptions> & { logger?: Logger; metrics?: TutorMetrics } = {},
): Telemetry {
  const metrics = options.metrics ?? new TutorMetrics();
  const logger =
    options.logger ??
    (options.level && options.level !== "silent"
      ? createLogger({ level: options.level, destination: options.destination })
      : silentLogger());

  return {
    metrics,
    logger,
    pipelineObserver: createAnswerObserver(metrics, logger),
    watchGuard(guard) {
      guard.onVerdict((verdict, stage, context) => {
        metrics.guardVerdict(stage, verdict.rule, verdict.action);
        logger.info(
          {
            event: "guard.verdict",
            course: context.course,
            stage,
            rule: verdict.rule,
            action: verdict.action,
            ...(verdict.details ? { details: verdict.details } : {}),
          },
          "guardrail",
        );
      });
    },
    llmAttempt(report) {
      metrics.llmAttempt(report);
      const entry = {
        event: "llm.attempt",
        attempt: report.attempt,
        outcome: report.outcome,
        ms: Math.round(report.ms),
        ...(report.failure ? { failure: report.failure.kind, status: report.failure.status } : {}),
      };
      if (report.outcome === "success") logger.debug(entry, "llm call");
      else logger.warn(entry, "llm call failed");
    },
    watchBreaker(breaker) {
      metrics.watchBreaker(breaker);
      breaker.onStateChange((to, from) =>
        logger.warn({ event: "llm.breaker", from, to }, `LLM circuit breaker ${to}`),
      );
    },
    trackIngestion: (course, trigger, run) => trackIngestion(metrics, logger, { course, trigger, run }),
  };
}

function createAnswerObserver(metrics: TutorMetrics, logger: Logger): PipelineObserver {
  return {
    onAnswer(answer, trace, request) {
      metrics.observeAnswer(request.course, answer);
      logger.info(
        {
          event: "chat.answer",
          course: request.course,
          surface: request.surface ?? "api",
          mode: request.mode ?? "explain",
          status: answer.status,
          degraded: answer.degraded ?? false,
          answeredBy: trace.answeredBy,
          citations: answer.citations.length,
          retrieved: trace.retrieved.length,
          ...(answer.guardrail ? { guardrail: answer.guardrail.rule } : {}),
          messageId: answer.messageId,
          timings: answer.timings,
        },
        "answer",
      );
    },
  };
}

async function trackIngestion(
  metrics: TutorMetrics,
  logger: Logger,
  { course, trigger, run }: { course: string; trigger: string; run: () => Promise<IngestSummary> },
): Promise<IngestSummary> {
  const started = performance.now();
  logger.info({ event: "ingest.start", course, trigger }, "ingestion started");
  try {
    const summary = await run();
    const seconds = (performance.now() - started) / 1000;
    metrics.ingestion(course, trigger, "succeeded", seconds);
    const { skipped, ...counts } = summary;
    logger.info({ event: "ingest.done", trigger, ...counts, skipped: skipped.length }, "ingestion finished");
    return summary;
  } catch (error) {
    // Another run of the course was under way: nothing was attempted, so nothing failed.
    const outcome = error instanceof IngestionBusyError ? "busy" : "failed";
    metrics.ingestion(course, trigger, outcome, (performance.now() - started) / 1000);
    if (outcome === "busy") {
      logger.info({ event: "ingest.busy", course, trigger }, "ingestion refused: another run is under way");
      throw error;
    }
    logger.error({ event: "ingest.failed", course, trigger, err: describeError(error) }, "ingestion failed");
    throw error;
  }
}

/** An error as a log may show it: its kind and message, no stack of user input. */
export function describeError(error: unknown): { type: string; message: string; code?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error).slice(0, 300) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message.slice(0, 300),
    ...(typeof code === "string" ? { code } : {}),
  };
}
