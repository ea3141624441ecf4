import type { EvalCase, Split } from "../eval/dataset.ts";
import type { EvalReport } from "../eval/report.ts";
import type { Queryable } from "./db.ts";

/** Eval runs in the database (migration 004): what ran, how far it got, and its report. */

export type RunStatus = "queued" | "running" | "done" | "failed";

export interface EvalRunRecord {
  id: string;
  course: string;
  status: RunStatus;
  datasetName: string;
  cases: number;
  configs: string[];
  split: Split | "all";
  progress: { done: number; total: number };
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

interface RunRow {
  id: string;
  course_id: string;
  status: RunStatus;
  dataset_name: string;
  case_count: number;
  configs: string[];
  split: string;
  progress_done: number;
  progress_total: number;
  error: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  updated_at: Date | string;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

function toRecord(row: RunRow): EvalRunRecord {
  return {
    id: row.id,
    course: row.course_id,
    status: row.status,
    datasetName: row.dataset_name,
    cases: row.case_count,
    configs: row.configs,
    split: row.split as Split | "all",
    progress: { done: row.progress_done, total: row.progress_total },
    error: row.error,
    createdAt: iso(row.created_at) as string,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    updatedAt: iso(row.updated_at) as string,
  };
}

const RUN_COLUMNS = `id::text AS id, course_id, status, dataset_name, case_count, configs, split,
  progress_done, progress_total, error, created_at, started_at, finished_at, updated_at`;

export class EvalRunStore {
  constructor(private readonly db: Queryable) {}

  async create(run: {
    id: string;
    course: string;
    datasetName: string;
    cases: readonly EvalCase[];
    configs: readonly string[];
    split: Split | "all";
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO eval_runs (id, course_id, status, dataset_name, dataset, case_count, configs, split)
       VALUES ($1, $2, 'queued', $3, $4::jsonb, $5, $6, $7)`,
      [
        run.id,
        run.course,
        run.datasetName,
        JSON.stringify(run.cases),
        run.cases.length,
        [...run.configs],
        run.split,
      ],
    );
  }

  async markRunning(id: string, total: number): Promise<void> {
    await this.db.query(
      `UPDATE eval_runs SET status = 'running', started_at = now(), updated_at = now(),
              progress_done = 0, progress_total = $2
        WHERE id = $1`,
      [id, total],
    );
  }

  async progress(id: string, done: number, total: number): Promise<void> {
    await this.db.query(
      "UPDATE eval_runs SET progress_done = $2, progress_total = $3, updated_at = now() WHERE id = $1",
      [id, done, total],
    );
  }

  async finish(id: string, report: EvalReport, html: string): Promise<void> {
    await this.db.query(
      `UPDATE eval_runs SET status = 'done', report = $2::jsonb, report_html = $3, error = NULL,
              progress_done = progress_total, finished_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, JSON.stringify(report), html],
    );
  }

  async fail(id: string, message: string): Promise<void> {
    await this.db.query(
      `UPDATE eval_runs SET status = 'failed', error = $2, finished_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, message.slice(0, 2_000)],
    );
  }

  async get(id: string): Promise<EvalRunRecord | undefined> {
    const { rows } = await this.db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM eval_runs WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async report(id: string): Promise<EvalReport | undefined> {
    const { rows } = await this.db.query<{ report: EvalReport | string | null }>(
      "SELECT report FROM eval_runs WHERE id = $1",
      [id],
    );
    const report = rows[0]?.report;
    if (report === null || report === undefined) return undefined;
    return typeof report === "string" ? (JSON.parse(report) as EvalReport) : report;
  }

  async html(id: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ report_html: string | null }>(
      "SELECT report_html FROM eval_runs WHERE id = $1",
      [id],
    );
    return rows[0]?.report_html ?? undefined;
  }

  /**
   * Recent runs, newest first: of one course, of any of `courses` (null: every course). With
   * `metrics`, each finished run carries its report's figures per configuration (for trends).
   */
  async list(
    course: string | undefined,
    limit: number,
    options: { courses?: readonly string[] | null; metrics?: boolean } = {},
  ): Promise<(EvalRunRecord & { metrics?: Record<string, Record<string, number | null>> })[]> {
    const { rows } = await this.db.query<RunRow & { metrics?: unknown }>(
      `SELECT ${RUN_COLUMNS}${options.metrics ? ", report->'configs' AS metrics" : ""} FROM eval_runs
        WHERE ($1::text IS NULL OR course_id = $1) AND ($3::text[] IS NULL OR course_id = ANY($3::text[]))
        ORDER BY created_at DESC LIMIT $2`,
      [course ?? null, limit, options.courses ? [...options.courses] : null],
    );
    return rows.map((row) => {
      const record = toRecord(row);
      if (!options.metrics || row.metrics === null || row.metrics === undefined) return record;
      const metrics = typeof row.metrics === "string" ? JSON.parse(row.metrics) : row.metrics;
      return { ...record, metrics: metrics as Record<string, Record<string, number | null>> };
    });
  }
}
