import {
  type Answerer,
  type CircuitBreaker,
  createAnswering,
  quizKeyFollowUp,
  systemPrompt,
} from "../answer/index.ts";
import { createPipeline, type Pipeline } from "../chat/index.ts";
import { TUTOR_MODES } from "../core/chat.ts";
import { IngestionRuns } from "../courses/index.ts";
import { ChunkRepository, ConversationStore, type Db, openDatabase } from "../db/index.ts";
import type { CourseEmbeddings } from "../embed/embeddings.ts";
import { createEmbeddings } from "../embed/index.ts";
import { createGuardEngine, type GuardEngine, loadGuardConfig, TopicCentroids } from "../guard/index.ts";
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
  const indexes = new CourseIndexes(db, {
    memoryBudgetBytes:
      config.searchIndexMemoryMb === undefined ? undefined : config.searchIndexMemoryMb * 2 ** 20,
  });
  const searcher = await createSearcher(config, { db, indexes, embeddings }, overrides.reranker);
  const telemetry = overrides.telemetry ?? createTelemetry();
  telemetry.metrics.watchSearchIndexes(indexes);
  const ingestionRuns = new IngestionRuns(db);
  const guard = createGuard(config, db, telemetry);
  const conversations = new ConversationStore(db, { retentionDays: config.conversationRetentionDays ?? 0 });
  const answering = createTutorAnswering(config, telemetry, overrides.answerer);
  const pipeline = createPipeline({
    searcher,
    answerer: answering.answerer,
    fallbackAnswerer: answering.fallback,
    guard,
    conversations,
    publicBaseUrl: config.publicBaseUrl,
    deadlineMs: config.chatDeadlineMs,
    followUps: quizKeyFollowUp(conversations),
    queryRewriter: new CourseQueryRewriter(lexiconsFromIndexes(indexes)),
    observers: [telemetry.pipelineObserver],
  });
  const chunks = new ChunkRepository(db);

  return {
    config,
    db,
    embeddings,
    indexes,
    searcher,
    guard,
    conversations,
    answerer: answering.answerer,
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
      return (await chunks.count(course)) === 0;
    },
    async close() {
      await embeddings.close();
      if (!overrides.db) await db.close();
    },
  };
}

async function createSearcher(
  config: Config,
  parts: { db: Db; indexes: CourseIndexes; embeddings: CourseEmbeddings },
  reranker: Reranker | undefined,
): Promise<HybridSearcher> {
  return new HybridSearcher({
    ...parts,
    reranker: reranker ?? (await createReranker(config, { embeddings: parts.embeddings })),
    weights: { ...defaultFusionWeights, expanded: config.queryExpansion },
  });
}

/**
 * Guard rules per course from GUARD_CONFIG (or the shipped config/guard.json); every check is
 * logged at debug level, and non-allow verdicts are counted and logged by watchGuard.
 */
function createGuard(config: Config, db: Db, telemetry: Telemetry): GuardEngine {
  const guard = createGuardEngine({
    config: loadGuardConfig(config.guardConfigPath),
    centroids: new TopicCentroids(db),
    protectedTexts: TUTOR_MODES.map((mode) => systemPrompt(mode)),
    log: (event) => telemetry.logger.debug(event, "guard decision"),
  });
  telemetry.watchGuard(guard);
  return guard;
}

/**
 * The LLM when configured, behind timeouts, retries and a breaker; offline answerers otherwise
 * and as its fallback, in every tutor mode.
 */
function createTutorAnswering(
  config: Config,
  telemetry: Telemetry,
  override: Answerer | undefined,
): { answerer: Answerer; fallback: Answerer | undefined; breaker: CircuitBreaker | undefined } {
  const answering = createAnswering(config, { onAttempt: telemetry.llmAttempt });
  if (answering.breaker) telemetry.watchBreaker(answering.breaker);
  const answerer = override ?? answering.answerer;
  return {
    answerer,
    fallback: answerer === answering.offline ? undefined : answering.offline,
    breaker: answering.breaker,
  };
}
