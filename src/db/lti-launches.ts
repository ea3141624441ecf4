import type { Queryable } from "./db.ts";

/** A course chosen for an LMS context. */
export interface LtiContextCourse {
  platformId: string;
  contextId: string;
  course: string;
  title: string;
  chosenBy: string;
  createdAt: string;
}

interface ContextRow {
  platform_id: string;
  context_id: string;
  course_id: string;
  title: string;
  chosen_by: string;
  created_at: Date | string;
}

function toContext(row: ContextRow): LtiContextCourse {
  return {
    platformId: row.platform_id,
    contextId: row.context_id,
    course: row.course_id,
    title: row.title,
    chosenBy: row.chosen_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Where a learner's launch lands: one tutor session per platform, user, context and course. */
export interface LtiSessionKey {
  platformId: string;
  owner: string;
  contextId: string;
  course: string;
}

/** One-time login states and nonces, context → course choices and learners' sessions. */
export class LtiLaunchRepository {
  constructor(private readonly db: Queryable) {}

  async saveState(input: { state: string; nonce: string; platformId: string; ttlSeconds: number }) {
    await this.db.query(
      `INSERT INTO lti_states (state, nonce, platform_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [input.state, input.nonce, input.platformId, input.ttlSeconds],
    );
  }

  /** Removes a login state and returns it if it had not expired; a state works once. */
  async takeState(state: string): Promise<{ nonce: string; platformId: string } | undefined> {
    const { rows } = await this.db.query<{ nonce: string; platform_id: string; fresh: boolean }>(
      "DELETE FROM lti_states WHERE state = $1 RETURNING nonce, platform_id, expires_at > now() AS fresh",
      [state],
    );
    const row = rows[0];
    return row?.fresh ? { nonce: row.nonce, platformId: row.platform_id } : undefined;
  }

  /** Records a nonce as used; false when it was used already (a replayed id_token). */
  async claimNonce(nonce: string, ttlSeconds: number): Promise<boolean> {
    const { rows } = await this.db.query<{ nonce: string }>(
      `INSERT INTO lti_used_nonces (nonce, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (nonce) DO NOTHING RETURNING nonce`,
      [nonce, ttlSeconds],
    );
    return rows.length === 1;
  }

  /** Forgets login states and used nonces whose time is up. */
  async deleteExpired(): Promise<void> {
    await this.db.query("DELETE FROM lti_states WHERE expires_at < now()");
    await this.db.query("DELETE FROM lti_used_nonces WHERE expires_at < now()");
  }

  async contextCourse(platformId: string, contextId: string): Promise<LtiContextCourse | undefined> {
    const { rows } = await this.db.query<ContextRow>(
      `SELECT platform_id, context_id, course_id, title, chosen_by, created_at
         FROM lti_contexts WHERE platform_id = $1 AND context_id = $2`,
      [platformId, contextId],
    );
    return rows[0] ? toContext(rows[0]) : undefined;
  }

  /** Maps a context to a course unless one was chosen already; returns the mapping that holds. */
  async chooseContextCourse(input: Omit<LtiContextCourse, "createdAt">): Promise<LtiContextCourse> {
    await this.db.query(
      `INSERT INTO lti_contexts (platform_id, context_id, course_id, title, chosen_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform_id, context_id) DO NOTHING`,
      [input.platformId, input.contextId, input.course, input.title, input.chosenBy],
    );
    return (await this.contextCourse(input.platformId, input.contextId)) as LtiContextCourse;
  }

  async listContexts(platformId: string): Promise<LtiContextCourse[]> {
    const { rows } = await this.db.query<ContextRow>(
      `SELECT platform_id, context_id, course_id, title, chosen_by, created_at
         FROM lti_contexts WHERE platform_id = $1 ORDER BY created_at, context_id`,
      [platformId],
    );
    return rows.map(toContext);
  }

  /** Forgets a context's course, so the next instructor launch chooses again. */
  async deleteContext(platformId: string, contextId: string): Promise<boolean> {
    const { rows } = await this.db.query<{ context_id: string }>(
      "DELETE FROM lti_contexts WHERE platform_id = $1 AND context_id = $2 RETURNING context_id",
      [platformId, contextId],
    );
    return rows.length === 1;
  }

  async sessionFor(key: LtiSessionKey): Promise<string | undefined> {
    const { rows } = await this.db.query<{ session_id: string }>(
      `SELECT session_id FROM lti_sessions
        WHERE platform_id = $1 AND owner = $2 AND context_id = $3 AND course_id = $4`,
      [key.platformId, key.owner, key.contextId, key.course],
    );
    return rows[0]?.session_id;
  }

  async linkSession(key: LtiSessionKey, sessionId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO lti_sessions (platform_id, owner, context_id, course_id, session_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (platform_id, owner, context_id, course_id)
       DO UPDATE SET session_id = EXCLUDED.session_id, updated_at = now()`,
      [key.platformId, key.owner, key.contextId, key.course, sessionId],
    );
  }
}
