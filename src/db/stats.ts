import { STAFF_SURFACES } from "../core/surfaces.ts";
import type { Queryable } from "./db.ts";

/** The numbers the course-stats queries return, as the database gives them. */
export interface CourseStatsRows {
  course: {
    id: string;
    title: string;
    version: string;
    embedding_model: string | null;
    created_at: Date | string;
  };
  material: { documents: number; chunks: number; files: number; bytes: string | null } | undefined;
  messages:
    | {
        sessions: number;
        questions: number;
        answered: number;
        no_answer: number;
        refused: number;
        degraded: number;
        p50: number | null;
        p95: number | null;
      }
    | undefined;
  surfaces: { surface: string; n: number }[];
  feedback: { up: number; down: number } | undefined;
  guardrails: { rule: string; n: number }[];
}

const WINDOW = "created_at >= now() - make_interval(days => $2::int)";
/** Joined on `s`, the message's session: leaves out questions staff asked (evals, playground, CLI). */
const STUDENTS_ONLY = "s.surface <> ALL($3::text[])";
const staff = [...STAFF_SURFACES];

/**
 * One course's counts over the last `days` days. Every query filters on the course id: a
 * course's stats never count another course's sessions, messages or feedback. Questions, feedback
 * and guardrail hits count student surfaces only; `surfaces` lists every surface.
 */
export class StatsRepository {
  constructor(private readonly db: Queryable) {}

  /** `undefined` when the course does not exist. */
  async courseStats(course: string, days: number): Promise<CourseStatsRows | undefined> {
    const row = await this.course(course);
    if (!row) return undefined;
    const [material, messages, surfaces, feedback, guardrails] = await Promise.all([
      this.material(course),
      this.messages(course, days),
      this.surfaces(course, days),
      this.feedback(course, days),
      this.guardrails(course, days),
    ]);
    return { course: row, material, messages, surfaces, feedback, guardrails };
  }

  private async course(course: string): Promise<CourseStatsRows["course"] | undefined> {
    const { rows } = await this.db.query<CourseStatsRows["course"]>(
      "SELECT id, title, version::text AS version, embedding_model, created_at FROM courses WHERE id = $1",
      [course],
    );
    return rows[0];
  }

  private async material(course: string): Promise<CourseStatsRows["material"]> {
    const { rows } = await this.db.query<NonNullable<CourseStatsRows["material"]>>(
      `SELECT (SELECT count(*)::int FROM documents WHERE course_id = $1) AS documents,
              (SELECT count(*)::int FROM chunks WHERE course_id = $1) AS chunks,
              (SELECT count(*)::int FROM course_files WHERE course_id = $1) AS files,
              (SELECT sum(bytes)::text FROM course_files WHERE course_id = $1) AS bytes`,
      [course],
    );
    return rows[0];
  }

  private async messages(course: string, days: number): Promise<CourseStatsRows["messages"]> {
    const { rows } = await this.db.query<NonNullable<CourseStatsRows["messages"]>>(
      `SELECT count(DISTINCT m.session_id)::int AS sessions,
              count(*)::int AS questions,
              count(*) FILTER (WHERE status = 'answered')::int AS answered,
              count(*) FILTER (WHERE status = 'no_answer')::int AS no_answer,
              count(*) FILTER (WHERE status = 'refused')::int AS refused,
              count(*) FILTER (WHERE degraded)::int AS degraded,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p95
         FROM messages m JOIN sessions s ON s.id = m.session_id
        WHERE m.course_id = $1 AND m.${WINDOW} AND ${STUDENTS_ONLY}`,
      [course, days, staff],
    );
    return rows[0];
  }

  private async surfaces(course: string, days: number): Promise<CourseStatsRows["surfaces"]> {
    const { rows } = await this.db.query<{ surface: string; n: number }>(
      `SELECT s.surface, count(*)::int AS n FROM messages m JOIN sessions s ON s.id = m.session_id
        WHERE m.course_id = $1 AND s.course_id = $1 AND m.${WINDOW} GROUP BY s.surface ORDER BY s.surface`,
      [course, days],
    );
    return rows;
  }

  private async feedback(course: string, days: number): Promise<CourseStatsRows["feedback"]> {
    const { rows } = await this.db.query<{ up: number; down: number }>(
      `SELECT count(*) FILTER (WHERE f.rating = 'up')::int AS up,
              count(*) FILTER (WHERE f.rating = 'down')::int AS down
         FROM feedback f JOIN sessions s ON s.id = f.session_id
        WHERE f.course_id = $1 AND f.${WINDOW} AND ${STUDENTS_ONLY}`,
      [course, days, staff],
    );
    return rows[0];
  }

  private async guardrails(course: string, days: number): Promise<CourseStatsRows["guardrails"]> {
    const { rows } = await this.db.query<{ rule: string; n: number }>(
      `SELECT m.guardrail->>'rule' AS rule, count(*)::int AS n
         FROM messages m JOIN sessions s ON s.id = m.session_id
        WHERE m.course_id = $1 AND m.guardrail IS NOT NULL AND m.${WINDOW} AND ${STUDENTS_ONLY}
        GROUP BY 1 ORDER BY n DESC, rule`,
      [course, days, staff],
    );
    return rows;
  }
}
