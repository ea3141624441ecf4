import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../db/db.ts";
import type { IngestSummary } from "../ingest/sync.ts";

export type IngestionStatus = "running" | "succeeded" | "failed";

export interface IngestionRun {
  id: string;
  course: string;
  trigger: string;
  status: IngestionStatus;
  summary: IngestSummary | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

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

interface RunRow {
  id: string;
  course_id: string;
  trigger: string;
  status: IngestionStatus;
  summary: IngestSummary | string | null;
  error: string | null;
  started_at: Date | string;
  finished_at: Date | string | null;
}

const RUN_COLUMNS = "id::text AS id, course_id, trigger, status, summary, error, started_at, finished_at";

/**
 * Records every ingestion of a course and lets only one run at a time across every replica
 * sharing the database (a partial unique index on running rows). A run whose process died stops
 * heart-beating; after `staleAfterMs` it is marked failed and a new run may start. On embedded
 * PGlite only this process can hold the database, so any run it did not start is dead already.
 */
export class IngestionRuns {
  /** Identifies this process's runs (several tutors may share one host). */
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly heartbeatMs: number;
  private readonly staleAfterMs: number;

  constructor(
    private readonly db: Db,
    options: IngestionRunsOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
    this.staleAfterMs = options.staleAfterMs ?? 30_000;
  }

  /** Starts a run record; throws IngestionBusyError if one is live for the course. */
  async begin(course: string, trigger: string): Promise<string> {
    try {
      return await this.tryBegin(course, trigger);
    } catch (error) {
      // Two replicas started at the same instant: the unique index let one of them in.
      if ((error as { code?: unknown }).code !== "23505") throw error;
      const { rows } = await this.db.query<{ id: string }>(
        "SELECT id::text AS id FROM course_ingestions WHERE course_id = $1 AND status = 'running'",
        [course],
      );
      throw new IngestionBusyError(course, rows[0]?.id ?? "unknown");
    }
  }

  private tryBegin(course: string, trigger: string): Promise<string> {
    const id = randomUUID();
    return this.db.transaction(async (tx) => {
      await tx.query("INSERT INTO courses (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", [course]);
      const { rows: running } = await tx.query<{ id: string; owner: string | null; stale: boolean }>(
        `SELECT id::text AS id, owner,
                heartbeat_at < now() - make_interval(secs => $2::double precision) AS stale
           FROM course_ingestions WHERE course_id = $1 AND status = 'running' FOR UPDATE`,
        [course, this.staleAfterMs / 1000],
      );
      for (const run of running) {
        if (!run.stale && !this.ownerIsDead(run.owner)) throw new IngestionBusyError(course, run.id);
        await tx.query(
          `UPDATE course_ingestions
              SET status = 'failed', finished_at = now(),
                  error = 'abandoned: the process running it stopped before finishing'
            WHERE id = $1`,
          [run.id],
        );
      }
      await tx.query(
        `INSERT INTO course_ingestions (id, course_id, trigger, status, owner) VALUES ($1, $2, $3, 'running', $4)`,
        [id, course, trigger, this.owner],
      );
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

  async succeed(id: string, summary: IngestSummary): Promise<void> {
    await this.db.query(
      `UPDATE course_ingestions SET status = 'succeeded', summary = $2::jsonb, finished_at = now()
        WHERE id = $1`,
      [id, JSON.stringify(summary)],
    );
  }

  async fail(id: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.db.query(
      `UPDATE course_ingestions SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [id, message.slice(0, 2_000)],
    );
  }

  /** Runs `work` as a recorded, exclusive ingestion of `course`; `onStarted` hears the run id. */
  async run(
    course: string,
    trigger: string,
    work: () => Promise<IngestSummary>,
    onStarted?: (runId: string) => void,
  ): Promise<IngestSummary> {
    const id = await this.begin(course, trigger);
    onStarted?.(id);
    const heartbeat = setInterval(() => {
      this.db
        .query("UPDATE course_ingestions SET heartbeat_at = now() WHERE id = $1 AND status = 'running'", [id])
        .catch(() => {});
    }, this.heartbeatMs);
    heartbeat.unref();
    try {
      const summary = await work();
      await this.succeed(id, summary).catch(() => {});
      return summary;
    } catch (error) {
      await this.fail(id, error).catch(() => {});
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  }

  async get(course: string, id: string): Promise<IngestionRun | undefined> {
    const { rows } = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM course_ingestions WHERE course_id = $1 AND id::text = $2`,
      [course, id],
    );
    return rows[0] ? toRun(rows[0]) : undefined;
  }

  async list(course: string, limit = 20): Promise<IngestionRun[]> {
    const { rows } = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM course_ingestions WHERE course_id = $1 ORDER BY started_at DESC LIMIT $2`,
      [course, limit],
    );
    return rows.map(toRun);
  }
}

function toRun(row: RunRow): IngestionRun {
  return {
    id: row.id,
    course: row.course_id,
    trigger: row.trigger,
    status: row.status,
    summary: typeof row.summary === "string" ? (JSON.parse(row.summary) as IngestSummary) : row.summary,
    error: row.error,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
