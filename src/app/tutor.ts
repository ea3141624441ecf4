import { systemPrompt } from "../answer/llm/prompt.ts";
import { createAnswering } from "../answer/llm/setup.ts";
import { quizKeyFollowUp } from "../answer/modes/quiz-key.ts";
import type { CircuitBreaker } from "../answer/resilience/circuit-breaker.ts";
import type { Answerer } from "../answer/types.ts";
import { createPipeline, type Pipeline } from "../chat/ask.ts";
import { TUTOR_MODES } from "../core/chat.ts";
import { IngestionRuns } from "../courses/ingestion-runs.ts";
import { ConversationStore } from "../db/conversations.ts";
import type { Db } from "../db/db.ts";
import { openDatabase } from "../db/open.ts";
import { type CourseEmbeddings, createEmbeddings } from "../embed/index.ts";
import { createGuardEngine } from "../guard/build.ts";
import { TopicCentroids } from "../guard/centroid.ts";
import { loadGuardConfig } from "../guard/config.ts";
import type { GuardEngine } from "../guard/engine.ts";
import { type IngestProgress, type IngestSummary, ingestFolder } from "../ingest/sync.ts";
import { createTelemetry, type Telemetry } from "../observability/telemetry.ts";
import {
  CourseIndexes,
  CourseQueryRewriter,
  createReranker,
  defaultFusionWeights,
  HybridSearcher,
  lexiconsFromIndexes,
  type Reranker,
} from "../retrieve/index.ts";
import type { Config } from "./config.ts";

/** Everything a surface needs, wired from the settings. */
export interface Tutor {
  config: Config;
  db: Db;
  embeddings: CourseEmbeddings;
  indexes: CourseIndexes;
  searcher: HybridSearcher;
  guard: GuardEngine;
  conversations: ConversationStore;
  answerer: Answerer;
  /** The LLM's circuit breaker (state for metrics and health); absent without an LLM. */
  llmBreaker?: CircuitBreaker;
  pipeline: Pipeline;
  /** Metrics and structured logs (silent unless the server gives a real logger). */
  telemetry: Telemetry;
  /** Every ingestion's record, one running per course across replicas. */
  ingestionRuns: IngestionRuns;
  ingest(
    dir: string,
    course: string,
    onProgress?: IngestProgress,
    options?: TutorIngestOptions,
  ): Promise<IngestSummary>;
  courseIsEmpty(course: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface TutorIngestOptions {
  /** What started the run (folder, upload, bootstrap…): recorded and used as a metrics label. */
  trigger?: string;
  /** Hears the run's id once it is recorded, before the work starts. */
  onRunStarted?: (runId: string) => void;
}

export interface TutorOverrides {
  telemetry?: Telemetry;
  db?: Db;
  embeddings?: CourseEmbeddings;
  reranker?: Reranker;
  answerer?: Answerer;
}

export async function createTutor(config: Config, overrides: TutorOverrides = {}): Promise<Tutor> {
  const db = overrides.db ?? (await openDatabase(config));
  const embeddings = overrides.embeddings ?? (await createEmbeddings(config));
  const indexes = new CourseIndexes(db);
  const reranker = overrides.reranker ?? (await createReranker(config, { embeddings }));
  const searcher = new HybridSearcher({
    db,
    indexes,
    embeddings,
    reranker,
    weights: { ...defaultFusionWeights, expanded: config.queryExpansion },
  });
  const telemetry = overrides.telemetry ?? createTelemetry();
  const ingestionRuns = new IngestionRuns(db);
  // Guard rules per course from GUARD_CONFIG (or the shipped config/guard.json); every check is
  // logged at debug level, and non-allow verdicts are counted and logged by watchGuard.
  const guard = createGuardEngine({
    config: loadGuardConfig(config.guardConfigPath),
    centroids: new TopicCentroids(db),
    protectedTexts: TUTOR_MODES.map((mode) => systemPrompt(mode)),
    log: (event) => telemetry.logger.debug(event, "guard decision"),
  });
  telemetry.watchGuard(guard);
  const conversations = new ConversationStore(db, { retentionDays: config.conversationRetentionDays ?? 0 });
  // The LLM when configured, behind timeouts, retries and a breaker; offline answerers otherwise
  // and as its fallback, in every tutor mode.
  const answering = createAnswering(config, { onAttempt: telemetry.llmAttempt });
  if (answering.breaker) telemetry.watchBreaker(answering.breaker);
  const answerer = overrides.answerer ?? answering.answerer;
  const pipeline = createPipeline({
    searcher,
    answerer,
    fallbackAnswerer: answerer === answering.offline ? undefined : answering.offline,
    guard,
    conversations,
    publicBaseUrl: config.publicBaseUrl,
    deadlineMs: config.chatDeadlineMs,
    followUps: quizKeyFollowUp(conversations),
    queryRewriter: new CourseQueryRewriter(lexiconsFromIndexes(indexes)),
    observers: [telemetry.pipelineObserver],
  });

  return {
    config,
    db,
    embeddings,
    indexes,
    searcher,
    guard,
    conversations,
    answerer,
    ...(answering.breaker ? { llmBreaker: answering.breaker } : {}),
    pipeline,
    telemetry,
    ingestionRuns,
    async ingest(dir, course, onProgress, options = {}) {
      const trigger = options.trigger ?? "folder";
      return telemetry.trackIngestion(course, trigger, () =>
        ingestionRuns.run(
          course,
          trigger,
          async () => {
            const summary = await ingestFolder({ db, embeddings, dir, course, onProgress });
            await indexes.rebuild(course);
            return summary;
          },
          options.onRunStarted,
        ),
      );
    },
    async courseIsEmpty(course) {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM chunks WHERE course_id = $1",
        [course],
      );
      return (rows[0]?.n ?? 0) === 0;
    },
    async close() {
      await embeddings.close();
      if (!overrides.db) await db.close();
    },
  };
}
