import type { Queryable } from "../../db/db.ts";

export interface CourseLookup {
  /** The course a question from this workspace and channel is about. */
  courseFor(where: { teamId: string; channelId: string }): Promise<string>;
}

/**
 * Which course a Slack channel or workspace belongs to. Most specific wins: a channel listed in a
 * course's settings (`{"slack":{"channels":["C…"]}}`), a channel in `SLACK_COURSES`, a workspace
 * listed in a course's settings (`{"slack":{"teams":["T…"]}}`), a workspace in `SLACK_COURSES`,
 * then the default course. Course settings can change at run time; the setting is for deployments
 * that prefer configuration to data.
 */
export function createCourseLookup(deps: {
  db: Queryable;
  /** Slack channel or team id → course id (from `SLACK_COURSES`). */
  configured: Readonly<Record<string, string>>;
  defaultCourse: string;
}): CourseLookup {
  return {
    async courseFor({ teamId, channelId }) {
      const { rows } = await deps.db.query<{ id: string; by_channel: boolean }>(
        `SELECT id, coalesce(settings->'slack'->'channels', '[]'::jsonb) @> to_jsonb($1::text) AS by_channel
           FROM courses
          WHERE coalesce(settings->'slack'->'channels', '[]'::jsonb) @> to_jsonb($1::text)
             OR coalesce(settings->'slack'->'teams', '[]'::jsonb) @> to_jsonb($2::text)
          ORDER BY 2 DESC, id
          LIMIT 1`,
        [channelId, teamId],
      );
      const stored = rows[0];
      if (stored?.by_channel) return stored.id;
      const byChannel = deps.configured[channelId];
      if (byChannel) return byChannel;
      if (stored) return stored.id;
      return deps.configured[teamId] ?? deps.defaultCourse;
    },
  };
}
