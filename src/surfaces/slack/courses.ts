import { type Queryable, SlackRepository } from "../../db/index.ts";

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
  const slack = new SlackRepository(deps.db);
  return {
    async courseFor({ teamId, channelId }) {
      const stored = await slack.courseListing(channelId, teamId);
      if (stored?.byChannel) return stored.id;
      const byChannel = deps.configured[channelId];
      if (byChannel) return byChannel;
      if (stored) return stored.id;
      return deps.configured[teamId] ?? deps.defaultCourse;
    },
  };
}
