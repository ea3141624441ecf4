import { randomUUID } from "node:crypto";
import type { StoredQuizKey } from "../answer/modes/quiz-key.ts";
import type { QuizKey } from "../answer/types.ts";
import type { AnswerStatus, Citation, ConversationTurn, TutorMode } from "../core/chat.ts";
import type { Queryable } from "./db.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export interface StoredMessage {
  sessionId: string;
  course: string;
  question: string;
  answer: string;
  status: AnswerStatus;
  mode: TutorMode;
  citations: Citation[];
  guardrail?: { rule: string; reason: string };
  degraded: boolean;
  topScore: number | null;
  latencyMs: number;
  /** Quiz mode: the answer key, revealed by a later "show answers". */
  quizKey?: QuizKey;
}

export class FeedbackError extends Error {
  override name = "FeedbackError";
  constructor(
    readonly code: "not_found",
    message: string,
  ) {
    super(message);
  }
}

export interface RetentionOptions {
  /** Sessions idle longer than this many days are deleted with what hangs off them; 0 keeps all. */
  retentionDays: number;
  /** How often, at most, a new or continued session triggers the deletion. */
  pruneEveryMs?: number;
}

export const defaultRetention: Required<RetentionOptions> = { retentionDays: 0, pruneEveryMs: 3_600_000 };

/** Personal data out of free text a user sent, by the rules of the course it was sent to. */
export type TextRedactor = (text: string, course: string) => string;

export interface ConversationStoreOptions extends RetentionOptions {
  /**
   * Applied to every free text a user sends that is stored here (feedback comments) before it is
   * written; app/ passes the guard's `redactForStorage` with the course's settings. Questions
   * arrive already redacted by the input guard. Unset, text is stored as given (a store that only
   * reads, or a test).
   */
  redact?: TextRedactor;
}

/**
 * Sessions, messages and feedback. Questions arrive here already redacted by the guardrails, and
 * comments are redacted on the way in; a session belongs to one course and is never continued
 * from another.
 */
export class ConversationStore {
  private lastPrune = 0;
  private readonly retention: Required<RetentionOptions>;
  private readonly redact: TextRedactor;

  constructor(
    private readonly db: Queryable,
    { redact, ...retention }: ConversationStoreOptions = defaultRetention,
  ) {
    this.retention = { ...defaultRetention, ...retention };
    this.redact = redact ?? ((text) => text);
  }

  /**
   * Deletes sessions idle for more than `days` days; their messages, feedback and Slack thread
   * links go with them (ON DELETE CASCADE). Returns how many sessions were deleted.
   */
  async deleteIdleSessions(days: number): Promise<number> {
    const { rows } = await this.db.query<{ id: string }>(
      "DELETE FROM sessions WHERE last_seen < now() - make_interval(days => $1) RETURNING id",
      [days],
    );
    return rows.length;
  }

  // Piggybacks on chat traffic, as the Slack replay store does, so no timer has to be stopped at
  // shutdown; every replica may run it, and a second DELETE finds nothing.
  private async pruneOccasionally(): Promise<void> {
    const { retentionDays, pruneEveryMs } = this.retention;
    if (retentionDays <= 0) return;
    const now = Date.now();
    if (now - this.lastPrune < pruneEveryMs) return;
    this.lastPrune = now;
    await this.deleteIdleSessions(retentionDays);
  }

  /** The session to continue, or a new one when the id is missing, unknown or another course's. */
  async resolveSession(course: string, sessionId: string | undefined, surface: string): Promise<string> {
    await this.pruneOccasionally();
    if (sessionId && isUuid(sessionId)) {
      const { rows } = await this.db.query<{ id: string }>(
        "UPDATE sessions SET last_seen = now() WHERE id = $1 AND course_id = $2 RETURNING id",
        [sessionId, course],
      );
      if (rows[0]) return rows[0].id;
    }
    const id = randomUUID();
    await this.db.query("INSERT INTO sessions (id, course_id, surface) VALUES ($1, $2, $3)", [
      id,
      course,
      surface,
    ]);
    return id;
  }

  /** The course a session belongs to; `undefined` for an unknown session. */
  async sessionCourse(sessionId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ course_id: string }>(
      "SELECT course_id FROM sessions WHERE id = $1",
      [sessionId],
    );
    return rows[0]?.course_id;
  }

  /** The last `limit` answered turns of a session, oldest first. */
  async recentTurns(sessionId: string, limit: number): Promise<ConversationTurn[]> {
    const { rows } = await this.db.query<{ question: string; answer: string }>(
      `SELECT question, answer FROM messages WHERE session_id = $1 AND status <> 'refused'
        ORDER BY created_at DESC LIMIT $2`,
      [sessionId, limit],
    );
    return rows.reverse().map((r) => ({ question: r.question, answer: r.answer }));
  }

  async recordMessage(message: StoredMessage): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO messages (id, session_id, course_id, question, answer, status, mode, citations, guardrail,
                             degraded, top_score, latency_ms, quiz_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11, $12, $13::jsonb)`,
      [
        id,
        message.sessionId,
        message.course,
        message.question,
        message.answer,
        message.status,
        message.mode,
        JSON.stringify(message.citations),
        message.guardrail ? JSON.stringify(message.guardrail) : null,
        message.degraded,
        message.topScore,
        Math.round(message.latencyMs),
        message.quizKey ? JSON.stringify(message.quizKey) : null,
      ],
    );
    return id;
  }

  /** The answer key of the session's most recent quiz, if it has had one. */
  async latestQuizKey(sessionId: string): Promise<StoredQuizKey | null> {
    const { rows } = await this.db.query<{ id: string; quiz_key: QuizKey | string; is_latest: boolean }>(
      `SELECT q.id, q.quiz_key,
              q.id = (SELECT id FROM messages WHERE session_id = $1 ORDER BY created_at DESC LIMIT 1) AS is_latest
         FROM messages q WHERE q.session_id = $1 AND q.quiz_key IS NOT NULL
        ORDER BY q.created_at DESC LIMIT 1`,
      [sessionId],
    );
    const row = rows[0];
    if (!row) return null;
    const key = typeof row.quiz_key === "string" ? (JSON.parse(row.quiz_key) as QuizKey) : row.quiz_key;
    return { messageId: row.id, key, isLatest: row.is_latest === true };
  }

  /**
   * Stores (or replaces) the rating of one message, its comment redacted; the session must be the
   * message's own.
   */
  async recordFeedback(input: {
    sessionId: string;
    messageId: string;
    rating: "up" | "down";
    comment?: string;
  }): Promise<{ course: string }> {
    if (!isUuid(input.sessionId) || !isUuid(input.messageId)) {
      throw new FeedbackError("not_found", "unknown message for this session");
    }
    const { rows } = await this.db.query<{ course_id: string }>(
      "SELECT course_id FROM messages WHERE id = $1 AND session_id = $2",
      [input.messageId, input.sessionId],
    );
    const course = rows[0]?.course_id;
    if (!course) throw new FeedbackError("not_found", "unknown message for this session");
    await this.db.query(
      `INSERT INTO feedback (message_id, session_id, course_id, rating, comment) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id) DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, created_at = now()`,
      [
        input.messageId,
        input.sessionId,
        course,
        input.rating,
        input.comment === undefined ? null : this.redact(input.comment, course),
      ],
    );
    return { course };
  }
}
