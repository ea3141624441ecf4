import { calibrationFor } from "../answer/calibration/index.ts";
import {
  type Answerer,
  type AnsweringOptions,
  type CircuitBreaker,
  createAnswering,
  quizKeyFollowUp,
  systemPrompt,
} from "../answer/index.ts";
import { createPipeline, type Pipeline } from "../chat/index.ts";
import { TUTOR_MODES } from "../core/chat.ts";
import { CourseSettingsStore, type Escalations, IngestionRuns } from "../courses/index.ts";
import { ChunkRepository, ConversationStore, type Db, openDatabase } from "../db/index.ts";
import type { CourseEmbeddings } from "../embed/embeddings.ts";
import { createEmbeddings, embedWithCache } from "../embed/index.ts";
import {
  createGuardEngine,
  type GuardEngine,
  type GuardFileConfig,
  guardRulesSchema,
  loadGuardConfig,
  redactForStorage,
  settingsForCourse,
  TopicCentroids,
} from "../guard/index.ts";
import type { IngestProgress, IngestSummary } from "../ingest/sync.ts";
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
import { createFolderIngest, createTutorEscalations } from "./material.ts";

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
  /** The staff queue: escalated questions, staff answers, staff answers kept as material. */
  escalations: Escalations;
  /**
   * Free text a user sent, as it may be stored or logged: the guard's `redactForStorage` with the
   * course's PII settings (the deployment's defaults without a course).
   */
  redactForStorage(text: string, course?: string): string;
  /** Each course's own settings (release schedule, guard overrides, default mode, LLM on or off). */
  courseSettings: CourseSettingsStore;
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
  /** Hears the run's progress (used when no `onProgress` argument is given). */
  onProgress?: IngestProgress;
}

export interface TutorOverrides {
  telemetry?: Telemetry;
  db?: Db;
  embeddings?: CourseEmbeddings;
  reranker?: Reranker;
  answerer?: Answerer;
}

/** The loaded courses' search indexes, kept within the configured memory budget. */
function createCourseIndexes(db: Db, config: Config): CourseIndexes {
  const mb = config.searchIndexMemoryMb;
  return new CourseIndexes(db, { memoryBudgetBytes: mb === undefined ? undefined : mb * 2 ** 20 });
}

export async function createTutor(config: Config, overrides: TutorOverrides = {}): Promise<Tutor> {
  const db = overrides.db ?? (await openDatabase(config));
  const embeddings = overrides.embeddings ?? (await createEmbeddings(config));
  const indexes = createCourseIndexes(db, config);
  const searcher = await createSearcher(config, { db, indexes, embeddings }, overrides.reranker);
  const telemetry = overrides.telemetry ?? createTelemetry();
  telemetry.metrics.watchSearchIndexes(indexes);
  const ingestionRuns = new IngestionRuns(db);
  const guardConfig = loadGuardConfig(config.guardConfigPath);
  const guard = createGuard(guardConfig, db, telemetry, embeddings);
  const redact = storedTextRedactor(guardConfig);
  // A course's guard overrides follow its settings each time they are read (other replicas' edits too).
  const courseSettings = new CourseSettingsStore({
    db,
    // A stored override that no longer parses (hand-edited) is ignored rather than breaking the course.
    onLoaded: (course, settings) =>
      guard.overrideCourse(course, guardRulesSchema.safeParse(settings.guard).data),
  });
  const conversations = new ConversationStore(db, {
    retentionDays: config.conversationRetentionDays ?? 0,
    redact,
  });
  const calibration = await calibrationFor(embeddings.modelId);
  const offline = { embeddings, noAnswer: calibration.noAnswer };
  const answering = createTutorAnswering(config, telemetry, overrides.answerer, offline);
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
    confidence: calibration.confidence,
    coursePolicy: courseSettings,
  });
  const chunks = new ChunkRepository(db);
  const escalations = createTutorEscalations({ db, embeddings, indexes, searcher, redact, telemetry });

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
    redactForStorage: redact,
    courseSettings,
    escalations,
    ingest: createFolderIngest({ db, embeddings, indexes, searcher, ingestionRuns, telemetry }),
    async courseIsEmpty(course) {
      return (await chunks.count(course)) === 0;
    },
    async close() {
      await escalations.drain();
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
function createGuard(
  guardConfig: GuardFileConfig,
  db: Db,
  telemetry: Telemetry,
  embeddings: CourseEmbeddings,
): GuardEngine {
  const guard = createGuardEngine({
    config: guardConfig,
    centroids: new TopicCentroids(db),
    // Messages embed as retrieval's queries do; exemplars go through the embedding cache, so a
    // restart with the same model reads them back instead of embedding them again.
    embedder: {
      get modelId() {
        return embeddings.modelId;
      },
      embedQuery: (text) => embeddings.embedQuery(text),
      embedMany: async (texts) => (await embedWithCache(db, embeddings, texts)).vectors,
    },
    protectedTexts: TUTOR_MODES.map((mode) => systemPrompt(mode)),
    log: (event) => telemetry.logger.debug(event, "guard decision"),
  });
  telemetry.watchGuard(guard);
  return guard;
}

/** `redactForStorage` with the course's `input.pii` settings, or the deployment's defaults. */
function storedTextRedactor(guardConfig: GuardFileConfig): (text: string, course?: string) => string {
  return (text, course) =>
    redactForStorage(
      text,
      course === undefined
        ? guardConfig.defaults.rules["input.pii"]
        : settingsForCourse(guardConfig, course)["input.pii"],
    );
}

/**
 * The LLM when configured, behind timeouts, retries and a breaker; offline answerers otherwise
 * and as its fallback, in every tutor mode.
 */
function createTutorAnswering(
  config: Config,
  telemetry: Telemetry,
  override: Answerer | undefined,
  offline: Pick<AnsweringOptions, "embeddings" | "noAnswer">,
): { answerer: Answerer; fallback: Answerer | undefined; breaker: CircuitBreaker | undefined } {
  const answering = createAnswering(config, { onAttempt: telemetry.llmAttempt, ...offline });
  if (answering.breaker) telemetry.watchBreaker(answering.breaker);
  const answerer = override ?? answering.answerer;
  return {
    answerer,
    fallback: answerer === answering.offline ? undefined : answering.offline,
    breaker: answering.breaker,
  };
}
