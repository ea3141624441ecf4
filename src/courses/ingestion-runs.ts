import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import {
  CourseRepository,
  type Db,
  type IngestionProgress,
  type IngestionRun,
  IngestionRunRepository,
} from "../db/index.ts";
import type { IngestProgress, IngestSummary } from "../ingest/sync.ts";

export type { IngestionProgress, IngestionRun, IngestionStatus } from "../db/index.ts";

/** Another ingestion of the same course is under way (in this replica or another). */
export class IngestionBusyError extends Error {
  override name = "IngestionBusyError";
  constructor(
    readonly course: string,
    readonly runningId: string,
  ) {
    super(`an ingestion of course "${course}" is already running (run ${runningId})`);
  }
}

export interface IngestionRunsOptions {
  /** How often a running ingestion says it is alive. */
  heartbeatMs?: number;
  /** A run silent for this long is taken to be dead (its process was killed) and is taken over. */
  staleAfterMs?: number;
}

export const defaultIngestionRunsOptions: Required<IngestionRunsOptions> = {
  heartbeatMs: 5_000,
  staleAfterMs: 30_000,
};

/**
 * Records every ingestion of a course and lets only one run at a time across every replica
 * sharing the database (a partial unique index on running rows). A run whose process died stops
 * heart-beating; after `staleAfterMs` it is marked abandoned and a new run may start. On embedded
 * PGlite only this process can hold the database, so any run it did not start is dead already.
 */
export class IngestionRuns {
  /** Identifies this process's runs (several tutors may share one host). */
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly options: Required<IngestionRunsOptions>;
  private readonly runs: IngestionRunRepository;

  constructor(
    private readonly db: Db,
    options: IngestionRunsOptions = {},
  ) {
    this.runs = new IngestionRunRepository(db);
    this.options = { ...defaultIngestionRunsOptions, ...options };
  }

  /** Starts a run record; throws IngestionBusyError if one is live for the course. */
  async begin(course: string, trigger: string): Promise<string> {
    try {
      return await this.tryBegin(course, trigger);
    } catch (error) {
      // Two replicas started at the same instant: the unique index let one of them in.
      if ((error as { code?: unknown }).code !== "23505") throw error;
      throw new IngestionBusyError(course, (await this.runs.runningId(course)) ?? "unknown");
    }
  }

  private tryBegin(course: string, trigger: string): Promise<string> {
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      await new CourseRepository(tx).createIfMissing(course);
      const runs = new IngestionRunRepository(tx);
      for (const run of await runs.lockRunning(course, this.options.staleAfterMs / 1000)) {
        if (!run.stale && !this.ownerIsDead(run.owner)) throw new IngestionBusyError(course, run.id);
        await runs.abandon(run.id);
      }
      await runs.start({ id, course, trigger, owner: this.owner });
      return id;
    });
  }

  /**
   * Whether the process that owns a running row is certainly gone: on embedded PGlite nobody but
   * this process can hold the database; on this host a missing pid says so. Other hosts' runs
   * are judged by their heartbeat alone.
   */
  private ownerIsDead(owner: string | null): boolean {
    if (owner === null) return true;
    if (owner === this.owner) return false;
    if (this.db.kind === "pglite") return true;
    const [host, pidText] = owner.split(":");
    const pid = Number(pidText);
    if (host !== hostname() || !Number.isInteger(pid) || pid === process.pid) return false;
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "ESRCH";
    }
  }

  /**
   * Marks every run whose process is gone as abandoned, whatever its course: a server calls this
   * as it starts, so the record says what happened to a run killed with its process before anyone
   * asks for another. Runs of live processes (other replicas) are left alone. Returns how many.
   */
  async abandonDeadRuns(): Promise<number> {
    let abandoned = 0;
    for (const run of await this.runs.listRunning(this.options.staleAfterMs / 1000)) {
      if ((run.stale || this.ownerIsDead(run.owner)) && (await this.runs.abandon(run.id))) abandoned += 1;
    }
    return abandoned;
  }

  succeed(id: string, summary: IngestSummary): Promise<void> {
    return this.runs.succeed(id, summary);
  }

  async fail(id: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.runs.fail(id, message.slice(0, 2_000));
  }

  /**
   * Runs `work` as a recorded, exclusive ingestion of `course`; `onStarted` hears the run id.
   * `work` reports its progress: it is written with each heartbeat, and at once when the phase
   * changes.
   */
  async run(
    course: string,
    trigger: string,
    work: (report: IngestProgress) => Promise<IngestSummary>,
    onStarted?: (runId: string) => void,
  ): Promise<IngestSummary> {
    const id = await this.begin(course, trigger);
    onStarted?.(id);
    let progress: IngestionProgress | undefined;
    const beat = () => {
      this.runs.heartbeat(id, progress).catch(() => {});
    };
    const heartbeat = setInterval(beat, this.options.heartbeatMs);
    heartbeat.unref();
    const report: IngestProgress = (phase, done, total) => {
      const phaseChanged = progress?.phase !== phase;
      progress = { phase, done, total };
      if (phaseChanged) beat();
    };
    try {
      const summary = await work(report);
      await this.succeed(id, summary).catch(() => {});
      return summary;
    } catch (error) {
      await this.fail(id, error).catch(() => {});
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }

  get(course: string, id: string): Promise<IngestionRun | undefined> {
    return this.runs.get(course, id);
  }

  list(course: string, limit = 20): Promise<IngestionRun[]> {
    return this.runs.list(course, limit);
  }
}
