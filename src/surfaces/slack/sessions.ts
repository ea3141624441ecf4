import type { Queryable } from "../../db/db.ts";

/** Where a Slack question was asked; decides which tutor session it continues. */
export interface SlackConversation {
  teamId: string;
  channelId: string;
  userId: string;
  /** The thread a mention lives in; absent for DMs and slash commands. */
  threadTs?: string;
}

/**
 * A thread is one conversation whoever writes in it; outside threads (DMs, slash commands) each
 * user in each channel has their own, so one student's follow-ups never mix with another's.
 */
export function slackSessionKey(where: SlackConversation): string {
  return where.threadTs
    ? `${where.teamId}:${where.channelId}:thread:${where.threadTs}`
    : `${where.teamId}:${where.channelId}:user:${where.userId}`;
}

export class SlackSessions {
  constructor(private readonly db: Queryable) {}

  /** The tutor session this Slack conversation continues in `course`, if any. */
  async find(key: string, course: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ session_id: string }>(
      "SELECT session_id FROM slack_sessions WHERE slack_key = $1 AND course_id = $2",
      [key, course],
    );
    return rows[0]?.session_id;
  }

  async remember(key: string, course: string, sessionId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO slack_sessions (slack_key, course_id, session_id) VALUES ($1, $2, $3)
       ON CONFLICT (slack_key) DO UPDATE
         SET course_id = EXCLUDED.course_id, session_id = EXCLUDED.session_id, updated_at = now()`,
      [key, course, sessionId],
    );
  }
}
