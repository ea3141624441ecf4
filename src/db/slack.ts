import type { Queryable } from "./db.ts";

/** Slack's tables (`slack_seen`, `slack_sessions`) and the Slack part of course settings. */
export class SlackRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Records `key` for `ttlSeconds`; true when it was not recorded yet or its record had expired.
   * The unique key makes this atomic across replicas.
   */
  async claimKey(key: string, ttlSeconds: number): Promise<boolean> {
    const { rows } = await this.db.query<{ key: string }>(
      `INSERT INTO slack_seen (key, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE slack_seen.expires_at < now()
       RETURNING key`,
      [key, ttlSeconds],
    );
    return rows.length === 1;
  }

  async deleteExpiredKeys(): Promise<void> {
    await this.db.query("DELETE FROM slack_seen WHERE expires_at < now()");
  }

  /** The tutor session linked to a Slack conversation key in `course`, if any. */
  async sessionFor(key: string, course: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ session_id: string }>(
      "SELECT session_id FROM slack_sessions WHERE slack_key = $1 AND course_id = $2",
      [key, course],
    );
    return rows[0]?.session_id;
  }

  async linkSession(key: string, course: string, sessionId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO slack_sessions (slack_key, course_id, session_id) VALUES ($1, $2, $3)
       ON CONFLICT (slack_key) DO UPDATE
         SET course_id = EXCLUDED.course_id, session_id = EXCLUDED.session_id, updated_at = now()`,
      [key, course, sessionId],
    );
  }

  /**
   * The course whose settings list the channel (`{"slack":{"channels":["C…"]}}`), else one that
   * lists the workspace (`{"slack":{"teams":["T…"]}}`), lowest id first; `byChannel` says which.
   */
  async courseListing(
    channelId: string,
    teamId: string,
  ): Promise<{ id: string; byChannel: boolean } | undefined> {
    const { rows } = await this.db.query<{ id: string; by_channel: boolean }>(
      `SELECT id, coalesce(settings->'slack'->'channels', '[]'::jsonb) @> to_jsonb($1::text) AS by_channel
           FROM courses
          WHERE coalesce(settings->'slack'->'channels', '[]'::jsonb) @> to_jsonb($1::text)
             OR coalesce(settings->'slack'->'teams', '[]'::jsonb) @> to_jsonb($2::text)
          ORDER BY 2 DESC, id
          LIMIT 1`,
      [channelId, teamId],
    );
    const row = rows[0];
    return row ? { id: row.id, byChannel: row.by_channel } : undefined;
  }
}
