import type { Queryable } from "./db.ts";

export type CourseRole = "instructor" | "ta";

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface StaffMembership {
  course: string;
  role: CourseRole;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  is_admin: boolean;
  created_at: Date | string;
  last_login_at: Date | string | null;
}

const USER_COLUMNS = "id::text AS id, email, name, is_admin, created_at, last_login_at";

function toUser(row: UserRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin,
    createdAt: new Date(row.created_at).toISOString(),
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
  };
}

/** The `staff_users` and `course_staff` tables: console accounts and their roles per course. */
export class StaffRepository {
  constructor(private readonly db: Queryable) {}

  async findByEmail(email: string): Promise<(StaffUser & { passwordHash: string }) | undefined> {
    const { rows } = await this.db.query<UserRow & { password_hash: string }>(
      `SELECT ${USER_COLUMNS}, password_hash FROM staff_users WHERE email = $1`,
      [email],
    );
    const row = rows[0];
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }

  async get(id: string): Promise<StaffUser | undefined> {
    const { rows } = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM staff_users WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toUser(rows[0]) : undefined;
  }

  async create(user: {
    id: string;
    email: string;
    name: string;
    isAdmin: boolean;
    passwordHash: string;
  }): Promise<void> {
    await this.db.query(
      "INSERT INTO staff_users (id, email, name, is_admin, password_hash) VALUES ($1, $2, $3, $4, $5)",
      [user.id, user.email, user.name, user.isAdmin, user.passwordHash],
    );
  }

  /** Sets the password and, when given, the name; `makeAdmin` only ever grants admin, never revokes it. */
  async update(
    id: string,
    change: { passwordHash?: string; name?: string; makeAdmin?: boolean },
  ): Promise<void> {
    await this.db.query(
      `UPDATE staff_users SET password_hash = coalesce($2, password_hash),
              name = CASE WHEN $3::text IS NULL OR $3::text = '' THEN name ELSE $3::text END,
              is_admin = is_admin OR $4
        WHERE id = $1`,
      [id, change.passwordHash ?? null, change.name ?? null, change.makeAdmin ?? false],
    );
  }

  async recordLogin(id: string): Promise<void> {
    await this.db.query("UPDATE staff_users SET last_login_at = now() WHERE id = $1", [id]);
  }

  async memberships(userId: string): Promise<StaffMembership[]> {
    const { rows } = await this.db.query<{ course_id: string; role: CourseRole }>(
      "SELECT course_id, role FROM course_staff WHERE user_id = $1 ORDER BY course_id",
      [userId],
    );
    return rows.map((r) => ({ course: r.course_id, role: r.role }));
  }

  /** Adds the user to the course, or changes their role there. */
  async setMembership(userId: string, course: string, role: CourseRole): Promise<void> {
    await this.db.query(
      `INSERT INTO course_staff (user_id, course_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, course_id) DO UPDATE SET role = EXCLUDED.role`,
      [userId, course, role],
    );
  }

  async removeMembership(userId: string, course: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      "DELETE FROM course_staff WHERE user_id = $1 AND course_id = $2",
      [userId, course],
    );
    return rowCount > 0;
  }

  /** The course's staff, instructors first. */
  async staffOf(course: string): Promise<(StaffUser & { role: CourseRole })[]> {
    const { rows } = await this.db.query<UserRow & { role: CourseRole }>(
      `SELECT u.id::text AS id, u.email, u.name, u.is_admin, u.created_at, u.last_login_at, m.role
         FROM course_staff m JOIN staff_users u ON u.id = m.user_id
        WHERE m.course_id = $1 ORDER BY m.role, u.email`,
      [course],
    );
    return rows.map((r) => ({ ...toUser(r), role: r.role }));
  }

  /** Every account, for admins. */
  async list(): Promise<StaffUser[]> {
    const { rows } = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM staff_users ORDER BY email`);
    return rows.map(toUser);
  }
}
