import { isStaffSurface } from "../core/surfaces.ts";
import { type CourseStatsRows, type Queryable, StatsRepository } from "../db/index.ts";

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
    /** Student questions by surface (api, widget, slack…). */
    bySurface: Record<string, number>;
    /** Questions staff asked (eval, playground, cli), which no other figure here counts. */
    staffSurfaces: Record<string, number>;
  };
  feedback: { up: number; down: number; upRatio: number | null };
  guardrails: { rule: string; count: number }[];
}

/**
 * One course's numbers for its instructors, counted over the last `days` days and never mixing
 * in another course's sessions, messages or feedback. Questions, feedback and guardrail hits are
 * students' only (see core/surfaces.ts). `undefined` when the course does not exist.
 */
export async function courseStats(
  db: Queryable,
  course: string,
  days: number,
): Promise<CourseStats | undefined> {
  const rows = await new StatsRepository(db).courseStats(course, days);
  if (!rows) return undefined;
  const f = rows.feedback ?? { up: 0, down: 0 };
  return {
    course: {
      id: rows.course.id,
      title: rows.course.title,
      version: Number(rows.course.version),
      embeddingModel: rows.course.embedding_model,
      createdAt: new Date(rows.course.created_at).toISOString(),
    },
    material: materialStats(rows.material),
    days,
    conversations: conversationStats(rows.messages, rows.surfaces),
    feedback: { up: f.up, down: f.down, upRatio: f.up + f.down > 0 ? f.up / (f.up + f.down) : null },
    guardrails: rows.guardrails.map((r) => ({ rule: r.rule, count: r.n })),
  };
}

function materialStats(m: CourseStatsRows["material"]): CourseStats["material"] {
  return {
    documents: m?.documents ?? 0,
    chunks: m?.chunks ?? 0,
    uploadedFiles: m?.files ?? 0,
    uploadedBytes: Number(m?.bytes ?? 0),
  };
}

function conversationStats(
  c: CourseStatsRows["messages"],
  surfaces: CourseStatsRows["surfaces"],
): CourseStats["conversations"] {
  return {
    sessions: c?.sessions ?? 0,
    questions: c?.questions ?? 0,
    byStatus: { answered: c?.answered ?? 0, no_answer: c?.no_answer ?? 0, refused: c?.refused ?? 0 },
    degraded: c?.degraded ?? 0,
    latencyMs: { p50: roundOrNull(c?.p50), p95: roundOrNull(c?.p95) },
    bySurface: Object.fromEntries(
      surfaces.filter((r) => !isStaffSurface(r.surface)).map((r) => [r.surface, r.n]),
    ),
    staffSurfaces: Object.fromEntries(
      surfaces.filter((r) => isStaffSurface(r.surface)).map((r) => [r.surface, r.n]),
    ),
  };
}

function roundOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value);
}
