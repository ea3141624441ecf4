import { STAFF_SURFACES } from "../core/surfaces.ts";
import type { Db, Queryable } from "./db.ts";
import { liveCoursesOnly, stagingCourseId } from "./staging.ts";

/** A course as the console's list shows it: its material and how it is doing. */
export interface CourseHealthRow {
  id: string;
  title: string;
  archivedAt: string | null;
  documents: number;
  chunks: number;
  lastIngestion: { status: string; startedAt: string; finishedAt: string | null } | null;
  /** Student questions over the last 7 days. */
  questionsThisWeek: number;
  /** Student ratings over the last 30 days. */
  feedback: { up: number; down: number };
}

/** What deleting a course removed, table by table. */
export type CourseDeletion = Record<
  "documents" | "chunks" | "files" | "sessions" | "messages" | "feedback" | "evalRuns" | "ingestions",
  number
>;

interface HealthRow {
  id: string;
  title: string;
  archived_at: Date | string | null;
  documents: number;
  chunks: number;
  run_status: string | null;
  run_started: Date | string | null;
  run_finished: Date | string | null;
  questions: number;
  up: number;
  down: number;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The console's reads and writes of whole courses: health, settings, archiving, deletion. */
export class CourseAdminRepository {
  constructor(private readonly db: Queryable) {}

  /** Every live course, or only `ids`, with its health figures, by id. */
  async health(ids: readonly string[] | null): Promise<CourseHealthRow[]> {
    const { rows } = await this.db.query<HealthRow>(
      `SELECT c.id, c.title, c.archived_at,
              (SELECT count(*)::int FROM documents d WHERE d.course_id = c.id) AS documents,
              (SELECT count(*)::int FROM chunks k WHERE k.course_id = c.id) AS chunks,
              r.status AS run_status, r.started_at AS run_started, r.finished_at AS run_finished,
              (SELECT count(*)::int FROM messages m JOIN sessions s ON s.id = m.session_id
                WHERE m.course_id = c.id AND m.created_at >= now() - interval '7 days'
                  AND s.surface <> ALL($2::text[])) AS questions,
              (SELECT count(*)::int FROM feedback f JOIN sessions s ON s.id = f.session_id
                WHERE f.course_id = c.id AND f.rating = 'up' AND f.created_at >= now() - interval '30 days'
                  AND s.surface <> ALL($2::text[])) AS up,
              (SELECT count(*)::int FROM feedback f JOIN sessions s ON s.id = f.session_id
                WHERE f.course_id = c.id AND f.rating = 'down' AND f.created_at >= now() - interval '30 days'
                  AND s.surface <> ALL($2::text[])) AS down
         FROM courses c
         LEFT JOIN LATERAL (SELECT status, started_at, finished_at FROM course_ingestions i
                             WHERE i.course_id = c.id ORDER BY started_at DESC LIMIT 1) r ON true
        WHERE ${liveCoursesOnly("c.id")} AND ($1::text[] IS NULL OR c.id = ANY($1::text[]))
        ORDER BY c.id`,
      [ids === null ? null : [...ids], [...STAFF_SURFACES]],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      archivedAt: iso(r.archived_at),
      documents: r.documents,
      chunks: r.chunks,
      lastIngestion: r.run_status
        ? { status: r.run_status, startedAt: iso(r.run_started) as string, finishedAt: iso(r.run_finished) }
        : null,
      questionsThisWeek: r.questions,
      feedback: { up: r.up, down: r.down },
    }));
  }

  /** The stored settings object, the title and whether the course is archived; undefined for no course. */
  async settings(
    id: string,
  ): Promise<{ title: string; settings: Record<string, unknown>; archivedAt: string | null } | undefined> {
    const { rows } = await this.db.query<{
      title: string;
      settings: Record<string, unknown> | string;
      archived_at: Date | string | null;
    }>("SELECT title, settings, archived_at FROM courses WHERE id = $1", [id]);
    const row = rows[0];
    if (!row) return undefined;
    const settings = typeof row.settings === "string" ? JSON.parse(row.settings) : row.settings;
    return { title: row.title, settings: settings ?? {}, archivedAt: iso(row.archived_at) };
  }

  /**
   * Sets the given settings keys, removes the keys given as null and leaves the others; renames
   * the course when `title` is given. False when the course does not exist.
   */
  async writeSettings(
    id: string,
    change: { title?: string; settings: Record<string, unknown> },
  ): Promise<boolean> {
    const set = Object.fromEntries(
      Object.entries(change.settings).filter(([, v]) => v !== null && v !== undefined),
    );
    const removed = Object.entries(change.settings)
      .filter(([, v]) => v === null)
      .map(([k]) => k);
    const { rowCount } = await this.db.query(
      `UPDATE courses SET settings = (settings - $3::text[]) || $2::jsonb,
              title = coalesce($4, title), updated_at = now()
        WHERE id = $1`,
      [id, JSON.stringify(set), removed, change.title ?? null],
    );
    return rowCount > 0;
  }

  async setArchived(id: string, archived: boolean): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `UPDATE courses SET archived_at = CASE WHEN $2 THEN coalesce(archived_at, now()) ELSE NULL END,
              updated_at = now()
        WHERE id = $1`,
      [id, archived],
    );
    return rowCount > 0;
  }
}

/**
 * Deletes a course and everything that belongs to it (its staging copy, documents, chunks,
 * uploaded files, sessions, messages, feedback, eval runs, ingestion runs, Slack threads, staff
 * roles and invites go with the row: every table references courses with ON DELETE CASCADE).
 * Returns what it removed; undefined when there was no such course.
 */
export async function deleteCourse(db: Db, id: string): Promise<CourseDeletion | undefined> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<CourseDeletion & { found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM courses WHERE id = $1) AS found,
              (SELECT count(*)::int FROM documents WHERE course_id = $1) AS documents,
              (SELECT count(*)::int FROM chunks WHERE course_id = $1) AS chunks,
              (SELECT count(*)::int FROM course_files WHERE course_id = $1) AS files,
              (SELECT count(*)::int FROM sessions WHERE course_id = $1) AS sessions,
              (SELECT count(*)::int FROM messages WHERE course_id = $1) AS messages,
              (SELECT count(*)::int FROM feedback WHERE course_id = $1) AS feedback,
              (SELECT count(*)::int FROM eval_runs WHERE course_id = $1) AS "evalRuns",
              (SELECT count(*)::int FROM course_ingestions WHERE course_id = $1) AS ingestions`,
      [id],
    );
    const { found, ...counts } = rows[0] as CourseDeletion & { found: boolean };
    if (!found) return undefined;
    await tx.query("DELETE FROM courses WHERE id = $1 OR id = $2", [id, stagingCourseId(id)]);
    return counts;
  });
}
