import type { Queryable } from "./db.ts";

/** A course's escalation settings as stored. */
export interface EscalationSettingsRow {
  autoEscalate: boolean;
  staffSlackChannel: string | null;
  showStudentNames: boolean;
  pseudonymSalt: string;
}

/** A course's escalation settings (auto-escalation, the staff channel, names or pseudonyms). */
export class EscalationSettingsRepository {
  constructor(private readonly db: Queryable) {}

  async find(course: string): Promise<EscalationSettingsRow | undefined> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT auto_escalate, staff_slack_channel, show_student_names, pseudonym_salt
         FROM escalation_settings WHERE course_id = $1`,
      [course],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      autoEscalate: r.auto_escalate === true,
      staffSlackChannel: r.staff_slack_channel as string | null,
      showStudentNames: r.show_student_names === true,
      pseudonymSalt: r.pseudonym_salt as string,
    };
  }

  /** Creates the course's settings row with this salt unless it exists; false for an unknown course. */
  async ensure(course: string, salt: string): Promise<boolean> {
    const { rows } = await this.db.query<{ id: string }>(
      `INSERT INTO escalation_settings (course_id, pseudonym_salt)
       SELECT id, $2 FROM courses WHERE id = $1
       ON CONFLICT (course_id) DO NOTHING RETURNING course_id AS id`,
      [course, salt],
    );
    if (rows.length > 0) return true;
    return (await this.find(course)) !== undefined;
  }

  async save(course: string, settings: Omit<EscalationSettingsRow, "pseudonymSalt">): Promise<void> {
    await this.db.query(
      `UPDATE escalation_settings
          SET auto_escalate = $2, staff_slack_channel = $3, show_student_names = $4, updated_at = now()
        WHERE course_id = $1`,
      [course, settings.autoEscalate, settings.staffSlackChannel, settings.showStudentNames],
    );
  }
}
