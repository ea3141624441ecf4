import { IngestionBusyError } from "../courses/ingestion-runs.ts";
import { databaseAnswers } from "../db/ping.ts";
import type { IngestProgress } from "../ingest/sync.ts";
import type { Readiness } from "../surfaces/http/index.ts";
import type { Config } from "./config.ts";
import { describeModels } from "./models.ts";
import type { Tutor } from "./tutor.ts";

/** Where the server is in its life; /readyz answers from it. */
export interface ServerLifecycle {
  state: "starting" | "ready" | "draining";
  /** Set when start-up failed: /readyz reports it instead of "starting". */
  startupProblem?: string;
  /**
   * Work to run once the first /readyz has answered ready (or after WARM_UP_FALLBACK_MS without
   * one). On PGlite it holds the event loop for seconds on a large course, so it must not delay
   * the probe that makes a replica ready.
   */
  afterReady?: () => void;
}

/** When nothing probes /readyz (a plain `npm start`), the warm-up starts after this. */
const WARM_UP_FALLBACK_MS = 5_000;

function runAfterReady(lifecycle: ServerLifecycle): void {
  const work = lifecycle.afterReady;
  lifecycle.afterReady = undefined;
  // After the response that reported ready has been written.
  if (work) setTimeout(work, 0);
}

/** Ready once started up and while the database answers. */
export function createReadiness(lifecycle: ServerLifecycle, tutor: Pick<Tutor, "db">): Readiness {
  return {
    async check() {
      if (lifecycle.state !== "ready")
        return { ready: false, reason: lifecycle.startupProblem ?? lifecycle.state };
      if (!(await databaseAnswers(tutor.db))) return { ready: false, reason: "database unreachable" };
      runAfterReady(lifecycle);
      return { ready: true };
    },
  };
}

/**
 * Records runs left behind by dead processes as abandoned and bootstraps the default course when
 * it is empty, then reports ready; a failure is kept on the lifecycle (the server keeps answering
 * /healthz and says why it is not ready). Readiness does not wait for search indexes: every
 * course's are loaded on its first question (from the index stored for its version, or built and
 * stored when there is none), and the default course's are warmed in the background once the
 * first /readyz has answered.
 */
export async function prepareDefaultCourse(input: {
  config: Config;
  tutor: Tutor;
  lifecycle: ServerLifecycle;
  bootstrap: boolean;
  onIngestProgress?: IngestProgress;
  url: string;
  log: (message: string) => void;
}): Promise<void> {
  const { tutor, lifecycle, log } = input;
  try {
    const abandoned = await tutor.ingestionRuns.abandonDeadRuns();
    if (abandoned > 0) log(`Marked ${abandoned} ingestion run(s) abandoned: their process had stopped.`);
    const course = input.config.defaultCourse;
    if (input.bootstrap && (await tutor.courseIsEmpty(course))) await bootstrapCourse(input, course);
    // The guard's exemplars are embedded (or read back from the embedding cache) before the first
    // question: screening a message waits for them.
    await tutor.guard.warm(course);
    // Embedding the exemplars (and a bootstrap ingestion) ran on worker threads, each with its own
    // copy of the model: a serving process should not hold them while it waits for questions.
    await tutor.embeddings.releaseIdle();
    if (lifecycle.state === "starting") lifecycle.state = "ready";
    log(describeModels(input.config, tutor.embeddings, tutor.searcher.reranker));
    log(`Course Tutor ready on ${input.url}`);
    lifecycle.afterReady = () => void warmUp(tutor, course);
    setTimeout(() => runAfterReady(lifecycle), WARM_UP_FALLBACK_MS).unref();
  } catch (error) {
    lifecycle.startupProblem = `startup failed: ${error instanceof Error ? error.message : String(error)}`;
    log(lifecycle.startupProblem);
  }
}

/**
 * Loads the default course's indexes, the query model and the reranker's inputs with one search,
 * so the first students to ask after a start do not wait for them. Failures are the first
 * question's to report.
 */
async function warmUp(tutor: Tutor, course: string): Promise<void> {
  await tutor.searcher.search({ course, query: "course overview", k: 1 }).catch(() => undefined);
}

/** Ingests the bundled corpus into an empty course, or waits for the replica that already does. */
async function bootstrapCourse(
  input: Parameters<typeof prepareDefaultCourse>[0],
  course: string,
): Promise<void> {
  const { config, tutor, lifecycle, log } = input;
  log(`Course "${course}" is empty: ingesting the bundled material from ${config.corpusDir}…`);
  try {
    const summary = await tutor.ingest(config.corpusDir, course, input.onIngestProgress, {
      trigger: "bootstrap",
    });
    log(
      `Ingested ${summary.documents} documents, ${summary.chunks} chunks in ${(summary.ms / 1000).toFixed(1)} s.`,
    );
    for (const skip of summary.skipped) log(`  skipped ${skip.source}: ${skip.reason}`);
  } catch (error) {
    // Replicas started together on an empty database: one ingests, the others wait for it.
    if (!(error instanceof IngestionBusyError)) throw error;
    log(`Another replica is ingesting course "${course}"; waiting for it to finish…`);
    while (lifecycle.state === "starting" && (await tutor.courseIsEmpty(course))) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
