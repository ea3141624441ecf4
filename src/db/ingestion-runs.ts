import type { IngestPhase, IngestSummary } from "../ingest/sync.ts";
import type { Queryable } from "./db.ts";

/** `abandoned`: the process running it stopped (was killed) before it finished. */
export type IngestionStatus = "running" | "succeeded" | "failed" | "abandoned";

/** Where a run had got at its last heartbeat: `done` of `total` in `phase`. */
export interface IngestionProgress {
  phase: IngestPhase;
  done: number;
  total: number;
}

export interface IngestionRun {
  id: string;
  course: string;
  trigger: string;
  status: IngestionStatus;
  summary: IngestSummary | null;
  error: string | null;
  progress: IngestionProgress | null;
  startedAt: string;
  finishedAt: string | null;
}

interface RunRow {
  id: string;
  course_id: string;
  trigger: string;
  status: IngestionStatus;
  summary: IngestSummary | string | null;
  error: string | null;
  progress: IngestionProgress | string | null;
  started_at: Date | string;
  finished_at: Date | string | null;
}

const RUN_COLUMNS =
  "id::text AS id, course_id, trigger, status, summary, error, progress, started_at, finished_at";

function fromJson<T>(value: T | string | null): T | null {
  return typeof value === "string" ? (JSON.parse(value) as T) : value;
}

function toRun(row: RunRow): IngestionRun {
  return {
    id: row.id,
    course: row.course_id,
    trigger: row.trigger,
    status: row.status,
    summary: fromJson(row.summary),
    error: row.error,
    progress: fromJson(row.progress),
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/** A running row as the one starting a run sees it. */
export interface RunningIngestion {
  id: string;
  owner: string | null;
  /** No heartbeat within the stale time. */
  stale: boolean;
}

/** The `course_ingestions` table: one row per ingestion run of a course. */
export class IngestionRunRepository {
  constructor(private readonly db: Queryable) {}

  /** The id of the course's running ingestion, if there is one. */
  async runningId(course: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ id: string }>(
      "SELECT id::text AS id FROM course_ingestions WHERE course_id = $1 AND status = 'running'",
      [course],
    );
    return rows[0]?.id;
  }

  /** The course's running rows, locked until the transaction ends. */
  async lockRunning(course: string, staleAfterSeconds: number): Promise<RunningIngestion[]> {
    const { rows } = await this.db.query<RunningIngestion>(
      `SELECT id::text AS id, owner,
                heartbeat_at < now() - make_interval(secs => $2::double precision) AS stale
           FROM course_ingestions WHERE course_id = $1 AND status = 'running' FOR UPDATE`,
      [course, staleAfterSeconds],
    );
    return rows;
  }

  /** Every course's running rows, as `lockRunning` sees them (without locking). */
  async listRunning(staleAfterSeconds: number): Promise<RunningIngestion[]> {
    const { rows } = await this.db.query<RunningIngestion>(
      `SELECT id::text AS id, owner,
                heartbeat_at < now() - make_interval(secs => $1::double precision) AS stale
           FROM course_ingestions WHERE status = 'running'`,
      [staleAfterSeconds],
    );
    return rows;
  }

  /** Marks a run whose process died as abandoned; false when it was no longer running. */
  async abandon(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE course_ingestions
              SET status = 'abandoned', finished_at = now(),
                  error = 'abandoned: the process running it stopped before finishing'
            WHERE id = $1 AND status = 'running'`,
      [id],
    );
    return rowCount > 0;
  }

  async start(run: { id: string; course: string; trigger: string; owner: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO course_ingestions (id, course_id, trigger, status, owner) VALUES ($1, $2, $3, 'running', $4)`,
      [run.id, run.course, run.trigger, run.owner],
    );
  }

  /** The run is alive; records how far it has got when that is known. */
  async heartbeat(id: string, progress?: IngestionProgress): Promise<void> {
    await this.db.query(
      `UPDATE course_ingestions SET heartbeat_at = now(), progress = coalesce($2::jsonb, progress)
        WHERE id = $1 AND status = 'running'`,
      [id, progress ? JSON.stringify(progress) : null],
    );
  }

  async succeed(id: string, summary: IngestSummary): Promise<void> {
    await this.db.query(
      `UPDATE course_ingestions SET status = 'succeeded', summary = $2::jsonb, progress = NULL, finished_at = now()
        WHERE id = $1`,
      [id, JSON.stringify(summary)],
    );
  }

  async fail(id: string, message: string): Promise<void> {
    await this.db.query(
      `UPDATE course_ingestions SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
      [id, message],
    );
  }

  async get(course: string, id: string): Promise<IngestionRun | undefined> {
    const { rows } = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM course_ingestions WHERE course_id = $1 AND id::text = $2`,
      [course, id],
    );
    return rows[0] ? toRun(rows[0]) : undefined;
  }

  /** The course's latest runs, newest first. */
  async list(course: string, limit: number): Promise<IngestionRun[]> {
    const { rows } = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM course_ingestions WHERE course_id = $1 ORDER BY started_at DESC LIMIT $2`,
      [course, limit],
    );
    return rows.map(toRun);
  }
}
