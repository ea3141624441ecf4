import type { Queryable } from "../db/db.ts";

export interface CourseStats {
  course: { id: string; title: string; version: number; embeddingModel: string | null; createdAt: string };
  material: { documents: number; chunks: number; uploadedFiles: number; uploadedBytes: number };
  /** Counted over the last `days` days. */
  days: number;
  conversations: {
    sessions: number;
    questions: number;
    byStatus: { answered: number; no_answer: number; refused: number };
    degraded: number;
    latencyMs: { p50: number | null; p95: number | null };
    bySurface: Record<string, number>;
  };
  feedback: { up: number; down: number; upRatio: number | null };
  guardrails: { rule: string; count: number }[];
}

/**
 * One course's numbers for its instructors. Every query filters on the course id: a course's
 * stats never count another course's sessions, messages or feedback.
 */
export async function courseStats(
  db: Queryable,
  course: string,
  days: number,
): Promise<CourseStats | undefined> {
  const { rows: courseRows } = await db.query<{
    id: string;
    title: string;
    version: string;
    embedding_model: string | null;
    created_at: Date | string;
  }>("SELECT id, title, version::text AS version, embedding_model, created_at FROM courses WHERE id = $1", [
    course,
  ]);
  const row = courseRows[0];
  if (!row) return undefined;
  const since = [course, days] as const;
  const window = "created_at >= now() - make_interval(days => $2::int)";

  const [material, messages, surfaces, feedback, guardrails] = await Promise.all([
    db.query<{ documents: number; chunks: number; files: number; bytes: string | null }>(
      `SELECT (SELECT count(*)::int FROM documents WHERE course_id = $1) AS documents,
              (SELECT count(*)::int FROM chunks WHERE course_id = $1) AS chunks,
              (SELECT count(*)::int FROM course_files WHERE course_id = $1) AS files,
              (SELECT sum(bytes)::text FROM course_files WHERE course_id = $1) AS bytes`,
      [course],
    ),
    db.query<{
      sessions: number;
      questions: number;
      answered: number;
      no_answer: number;
      refused: number;
      degraded: number;
      p50: number | null;
      p95: number | null;
    }>(
      `SELECT count(DISTINCT session_id)::int AS sessions,
              count(*)::int AS questions,
              count(*) FILTER (WHERE status = 'answered')::int AS answered,
              count(*) FILTER (WHERE status = 'no_answer')::int AS no_answer,
              count(*) FILTER (WHERE status = 'refused')::int AS refused,
              count(*) FILTER (WHERE degraded)::int AS degraded,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p95
         FROM messages WHERE course_id = $1 AND ${window}`,
      [...since],
    ),
    db.query<{ surface: string; n: number }>(
      `SELECT s.surface, count(*)::int AS n FROM messages m JOIN sessions s ON s.id = m.session_id
        WHERE m.course_id = $1 AND s.course_id = $1 AND m.${window} GROUP BY s.surface ORDER BY s.surface`,
      [...since],
    ),
    db.query<{ up: number; down: number }>(
      `SELECT count(*) FILTER (WHERE rating = 'up')::int AS up, count(*) FILTER (WHERE rating = 'down')::int AS down
         FROM feedback WHERE course_id = $1 AND ${window}`,
      [...since],
    ),
    db.query<{ rule: string; n: number }>(
      `SELECT guardrail->>'rule' AS rule, count(*)::int AS n FROM messages
        WHERE course_id = $1 AND guardrail IS NOT NULL AND ${window}
        GROUP BY 1 ORDER BY n DESC, rule`,
      [...since],
    ),
  ]);
  const m = material.rows[0];
  const c = messages.rows[0];
  const f = feedback.rows[0] ?? { up: 0, down: 0 };
  return {
    course: {
      id: row.id,
      title: row.title,
      version: Number(row.version),
      embeddingModel: row.embedding_model,
      createdAt: new Date(row.created_at).toISOString(),
    },
    material: {
      documents: m?.documents ?? 0,
      chunks: m?.chunks ?? 0,
      uploadedFiles: m?.files ?? 0,
      uploadedBytes: Number(m?.bytes ?? 0),
    },
    days,
    conversations: {
      sessions: c?.sessions ?? 0,
      questions: c?.questions ?? 0,
      byStatus: { answered: c?.answered ?? 0, no_answer: c?.no_answer ?? 0, refused: c?.refused ?? 0 },
      degraded: c?.degraded ?? 0,
      latencyMs: { p50: roundOrNull(c?.p50), p95: roundOrNull(c?.p95) },
      bySurface: Object.fromEntries(surfaces.rows.map((r) => [r.surface, r.n])),
    },
    feedback: { up: f.up, down: f.down, upRatio: f.up + f.down > 0 ? f.up / (f.up + f.down) : null },
    guardrails: guardrails.rows.map((r) => ({ rule: r.rule, count: r.n })),
  };
}

function roundOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value);
}
