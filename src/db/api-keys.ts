import type { Queryable } from "./db.ts";

/** An API key as admins see it: never the key itself, only its first characters. */
export interface ApiKeyRecord {
  id: string;
  course: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key that may be used, as authentication finds it. */
export interface LiveApiKey extends ApiKeyRecord {
  keyHash: string;
  courseTitle: string;
  courseCreatedAt: string;
}

interface ApiKeyRow {
  id: string;
  course_id: string;
  name: string;
  prefix: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

function toRecord(row: ApiKeyRow): ApiKeyRecord {
  return {
    id: row.id,
    course: row.course_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: iso(row.created_at) as string,
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

const COLUMNS = "id, course_id, name, prefix, created_at, last_used_at, revoked_at";

/** The `api_keys` table and the conversations each key continues (`api_key_sessions`). */
export class ApiKeyRepository {
  constructor(private readonly db: Queryable) {}

  async create(input: { id: string; course: string; name: string; keyHash: string; prefix: string }) {
    const { rows } = await this.db.query<ApiKeyRow>(
      `INSERT INTO api_keys (id, course_id, name, key_hash, prefix) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${COLUMNS}`,
      [input.id, input.course, input.name, input.keyHash, input.prefix],
    );
    return toRecord(rows[0] as ApiKeyRow);
  }

  async list(course: string): Promise<ApiKeyRecord[]> {
    const { rows } = await this.db.query<ApiKeyRow>(
      `SELECT ${COLUMNS} FROM api_keys WHERE course_id = $1 ORDER BY created_at, id`,
      [course],
    );
    return rows.map(toRecord);
  }

  /** Marks a key revoked; `undefined` when the course has no key with this id. */
  async revoke(course: string, id: string): Promise<ApiKeyRecord | undefined> {
    const { rows } = await this.db.query<ApiKeyRow>(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND course_id = $2
       RETURNING ${COLUMNS}`,
      [id, course],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /**
   * The live (unrevoked) key with this hash, with the hash itself (to compare in constant time)
   * and its course's title and creation time (what `/v1/models` shows).
   */
  async findLive(keyHash: string): Promise<LiveApiKey | undefined> {
    const { rows } = await this.db.query<
      ApiKeyRow & { key_hash: string; course_title: string; course_created_at: Date | string }
    >(
      `SELECT k.id, k.course_id, k.name, k.prefix, k.created_at, k.last_used_at, k.revoked_at, k.key_hash,
              c.title AS course_title, c.created_at AS course_created_at
         FROM api_keys k JOIN courses c ON c.id = k.course_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [keyHash],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      ...toRecord(row),
      keyHash: row.key_hash,
      courseTitle: row.course_title,
      courseCreatedAt: iso(row.course_created_at) as string,
    };
  }

  /** Notes a use, at most once a minute per key so busy keys do not rewrite their row every request. */
  async touch(id: string): Promise<void> {
    await this.db.query(
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  /** The session a conversation (by its hash) continues, if it is this key's and still exists. */
  async sessionFor(keyId: string, conversationHash: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ session_id: string }>(
      "SELECT session_id FROM api_key_sessions WHERE conversation_hash = $1 AND key_id = $2",
      [conversationHash, keyId],
    );
    return rows[0]?.session_id;
  }

  async linkSession(keyId: string, conversationHash: string, sessionId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO api_key_sessions (conversation_hash, key_id, session_id) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_hash) DO UPDATE
         SET key_id = EXCLUDED.key_id, session_id = EXCLUDED.session_id, created_at = now()`,
      [conversationHash, keyId, sessionId],
    );
  }
}
