import { STAFF_SURFACES } from "../core/surfaces.ts";
import type { Queryable } from "./db.ts";

/** Escalation figures of one course since a moment (course stats and insights show them). */
export interface EscalationFigures {
  /** Escalations per week, by the week's Monday (UTC, `YYYY-MM-DD`), oldest first. */
  weeks: { week: string; count: number }[];
  total: number;
  answered: number;
  dismissed: number;
  open: number;
  /** Answered escalations among all of them; null without escalations. */
  answeredShare: number | null;
  /** Median minutes from a student's escalation to the staff answer; null with none answered. */
  medianMinutesToAnswer: number | null;
  /** Questions the tutor answered citing staff material. */
  answeredFromStaffMaterial: number;
}

/** The figures behind course stats, insights and the wait a student is told to expect. */
export class EscalationStatsRepository {
  constructor(private readonly db: Queryable) {}

  /** Median seconds to a staff answer over escalations answered since `since`, and how many there were. */
  async timeToAnswer(
    course: string,
    since: Date,
  ): Promise<{ medianSeconds: number | null; answered: number }> {
    const { rows } = await this.db.query<{ median: number | null; n: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM g.closed_at - e.created_at))::float8
                AS median,
              count(*)::int AS n
         FROM escalations e JOIN escalation_groups g ON g.id = e.group_id
        WHERE e.course_id = $1 AND g.course_id = $1 AND g.status = 'answered' AND g.closed_at >= $2`,
      [course, since],
    );
    return { medianSeconds: rows[0]?.median ?? null, answered: rows[0]?.n ?? 0 };
  }

  /**
   * Escalations created since `since`: per week, by their group's status, the median wait for an
   * answer; and the questions answered from material under `staffPrefix` in the same window.
   */
  async figures(course: string, since: Date, staffPrefix: string): Promise<EscalationFigures> {
    const [weeks, totals, wait, fromStaff] = await Promise.all([
      this.db.query<{ week: string; n: number }>(
        `SELECT to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, count(*)::int AS n
           FROM escalations WHERE course_id = $1 AND created_at >= $2 GROUP BY 1 ORDER BY 1`,
        [course, since],
      ),
      this.db.query<{ total: number; answered: number; dismissed: number; open: number }>(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE g.status = 'answered')::int AS answered,
                count(*) FILTER (WHERE g.status = 'dismissed')::int AS dismissed,
                count(*) FILTER (WHERE g.status = 'open')::int AS open
           FROM escalations e JOIN escalation_groups g ON g.id = e.group_id
          WHERE e.course_id = $1 AND g.course_id = $1 AND e.created_at >= $2`,
        [course, since],
      ),
      this.timeToAnswer(course, since),
      this.db.query<{ n: number }>(
        // Students' questions only: a staff member trying the playground is not a question answered.
        `SELECT count(*)::int AS n FROM messages m JOIN sessions s ON s.id = m.session_id
          WHERE m.course_id = $1 AND m.created_at >= $2 AND m.status = 'answered'
            AND s.surface <> ALL($4::text[])
            AND EXISTS (SELECT 1 FROM jsonb_array_elements(m.citations) c WHERE starts_with(c->>'source', $3))`,
        [course, since, staffPrefix, [...STAFF_SURFACES]],
      ),
    ]);
    const t = totals.rows[0];
    const total = t?.total ?? 0;
    const answered = t?.answered ?? 0;
    return {
      weeks: weeks.rows.map((r) => ({ week: r.week, count: r.n })),
      total,
      answered,
      dismissed: t?.dismissed ?? 0,
      open: t?.open ?? 0,
      answeredShare: total > 0 ? answered / total : null,
      medianMinutesToAnswer: wait.medianSeconds === null ? null : Math.round(wait.medianSeconds / 6) / 10,
      answeredFromStaffMaterial: fromStaff.rows[0]?.n ?? 0,
    };
  }
}
