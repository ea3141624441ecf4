import type { Queryable } from "./db.ts";

export type InviteRole = "admin" | "instructor" | "ta";

export interface StaffInvite {
  /** The first characters of the token's hash: names the invite without revealing it. */
  id: string;
  email: string;
  role: InviteRole;
  course: string | null;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface StaffSessionRow {
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

interface InviteRow {
  token_hash: string;
  email: string;
  role: InviteRole;
  course_id: string | null;
  invited_by: string | null;
  created_at: Date | string;
  expires_at: Date | string;
  used_at: Date | string | null;
}

/** How many characters of the token hash name an invite in listings and revocations. */
export const INVITE_ID_LENGTH = 16;

const iso = (value: Date | string) => new Date(value).toISOString();

function toInvite(row: InviteRow): StaffInvite {
  return {
    id: row.token_hash.slice(0, INVITE_ID_LENGTH),
    email: row.email,
    role: row.role,
    course: row.course_id,
    invitedBy: row.invited_by,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    usedAt: row.used_at ? iso(row.used_at) : null,
  };
}

const INVITE_COLUMNS =
  "token_hash, email, role, course_id, invited_by::text AS invited_by, created_at, expires_at, used_at";

/** The `staff_invites` and `staff_sessions` tables: one-time invite links and signed-in browsers. */
export class StaffAccessRepository {
  constructor(private readonly db: Queryable) {}

  async createInvite(invite: {
    tokenHash: string;
    email: string;
    role: InviteRole;
    course: string | null;
    invitedBy: string | null;
    expiresAt: Date;
  }): Promise<StaffInvite> {
    const { rows } = await this.db.query<InviteRow>(
      `INSERT INTO staff_invites (token_hash, email, role, course_id, invited_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${INVITE_COLUMNS}`,
      [invite.tokenHash, invite.email, invite.role, invite.course, invite.invitedBy, invite.expiresAt],
    );
    return toInvite(rows[0] as InviteRow);
  }

  /** An unused, unexpired invite by its token's hash. */
  async openInvite(tokenHash: string): Promise<StaffInvite | undefined> {
    const { rows } = await this.db.query<InviteRow>(
      `SELECT ${INVITE_COLUMNS} FROM staff_invites
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ? toInvite(rows[0]) : undefined;
  }

  /** Marks the invite used; false when it was used, expired or revoked in the meantime (one use only). */
  async useInvite(tokenHash: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      "UPDATE staff_invites SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()",
      [tokenHash],
    );
    return rowCount > 0;
  }

  /** Open invites, newest first; only those of the given courses unless `courses` is null (admins). */
  async listInvites(courses: readonly string[] | null): Promise<StaffInvite[]> {
    const { rows } = await this.db.query<InviteRow>(
      `SELECT ${INVITE_COLUMNS} FROM staff_invites
        WHERE used_at IS NULL AND expires_at > now() AND ($1::text[] IS NULL OR course_id = ANY($1::text[]))
        ORDER BY created_at DESC LIMIT 200`,
      [courses === null ? null : [...courses]],
    );
    return rows.map(toInvite);
  }

  async findInviteById(id: string): Promise<StaffInvite | undefined> {
    const { rows } = await this.db.query<InviteRow>(
      `SELECT ${INVITE_COLUMNS} FROM staff_invites
        WHERE left(token_hash, ${INVITE_ID_LENGTH}) = $1 AND used_at IS NULL`,
      [id],
    );
    return rows.length === 1 ? toInvite(rows[0] as InviteRow) : undefined;
  }

  async revokeInvite(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `DELETE FROM staff_invites WHERE left(token_hash, ${INVITE_ID_LENGTH}) = $1 AND used_at IS NULL`,
      [id],
    );
    return rowCount > 0;
  }

  async createSession(session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date }) {
    await this.db.query(
      "INSERT INTO staff_sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)",
      [session.tokenHash, session.userId, session.csrfToken, session.expiresAt],
    );
  }

  /** A live session by its token's hash. */
  async session(tokenHash: string): Promise<StaffSessionRow | undefined> {
    const { rows } = await this.db.query<{ user_id: string; csrf_token: string; expires_at: Date | string }>(
      `SELECT user_id::text AS user_id, csrf_token, expires_at FROM staff_sessions
        WHERE token_hash = $1 AND expires_at > now()`,
      [tokenHash],
    );
    const row = rows[0];
    return row
      ? { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: iso(row.expires_at) }
      : undefined;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query("DELETE FROM staff_sessions WHERE token_hash = $1", [tokenHash]);
  }

  /** Signs the user out everywhere (after a password change). */
  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.query("DELETE FROM staff_sessions WHERE user_id = $1", [userId]);
  }

  async deleteExpired(): Promise<void> {
    await this.db.query("DELETE FROM staff_sessions WHERE expires_at < now()");
  }
}
