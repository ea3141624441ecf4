import { createAnswering } from "./answer/llm/setup.ts";
import { quizKeyFollowUp } from "./answer/modes/quiz-key.ts";
import type { CircuitBreaker } from "./answer/resilience/circuit-breaker.ts";
import type { Answerer } from "./answer/types.ts";
import type { Config } from "./config.ts";
import { ConversationStore } from "./conversation/store.ts";
import type { Db } from "./db/db.ts";
import { openDatabase } from "./db/open.ts";
import type { CourseEmbeddings } from "./embed/embeddings.ts";
import { createEmbeddings } from "./embed/factory.ts";
import { GuardEngine } from "./guard/engine.ts";
import { sizeRule } from "./guard/rules/size.ts";
import { type IngestProgress, type IngestSummary, ingestFolder } from "./ingest/sync.ts";
import { createPipeline, type Pipeline } from "./pipeline.ts";
import { CourseIndexes } from "./retrieve/course-index.ts";
import type { Reranker } from "./retrieve/rerank.ts";
import { HybridSearcher } from "./retrieve/search.ts";

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
  ingest(dir: string, course: string, onProgress?: IngestProgress): Promise<IngestSummary>;
  courseIsEmpty(course: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface TutorOverrides {
  db?: Db;
  embeddings?: CourseEmbeddings;
  reranker?: Reranker;
  answerer?: Answerer;
}

export async function createTutor(config: Config, overrides: TutorOverrides = {}): Promise<Tutor> {
  const db = overrides.db ?? (await openDatabase(config));
  const embeddings = overrides.embeddings ?? (await createEmbeddings(config));
  const indexes = new CourseIndexes(db);
  const searcher = new HybridSearcher({ db, indexes, embeddings, reranker: overrides.reranker });
  const guard = new GuardEngine([sizeRule()]);
  const conversations = new ConversationStore(db);
  // The LLM when configured, behind timeouts, retries and a breaker; offline answerers otherwise
  // and as its fallback, in every tutor mode.
  const answering = createAnswering(config);
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
    async ingest(dir, course, onProgress) {
      const summary = await ingestFolder({ db, embeddings, dir, course, onProgress });
      await indexes.rebuild(course);
      return summary;
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
