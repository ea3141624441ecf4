import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConversationStore, type StoredMessage } from "../../src/db/conversations.ts";
import type { Db } from "../../src/db/db.ts";
import { openEmptyDb } from "../helpers/db.ts";

const message = (sessionId: string): StoredMessage => ({
  sessionId,
  course: "aie101",
  question: "what is drift?",
  answer: "Drift is …",
  status: "answered",
  mode: "explain",
  citations: [],
  degraded: false,
  topScore: 0.5,
  latencyMs: 12,
});

/** Makes a session look idle for `days` days. */
const idleFor = (db: Db, sessionId: string, days: number) =>
  db.query("UPDATE sessions SET last_seen = now() - make_interval(days => $2) WHERE id = $1", [
    sessionId,
    days,
  ]);

const count = async (db: Db, table: string) =>
  Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]?.n);

describe("conversation retention (real PGlite)", () => {
  let db: Db;
  beforeEach(async () => {
    db = await openEmptyDb();
    await db.query("INSERT INTO courses (id) VALUES ('aie101')");
  });
  afterEach(() => db.close());

  async function sessionWithHistory(store: ConversationStore): Promise<string> {
    const sessionId = await store.resolveSession("aie101", undefined, "api");
    const messageId = await store.recordMessage(message(sessionId));
    await store.recordFeedback({ sessionId, messageId, rating: "up" });
    await db.query(
      "INSERT INTO slack_sessions (slack_key, course_id, session_id) VALUES ($1, 'aie101', $2)",
      [`thread:${sessionId}`, sessionId],
    );
    return sessionId;
  }

  it("deletes sessions idle past the limit with their messages, feedback and Slack links, and keeps the rest", async () => {
    const store = new ConversationStore(db);
    const stale = await sessionWithHistory(store);
    const recent = await sessionWithHistory(store);
    await idleFor(db, stale, 31);
    await idleFor(db, recent, 29);

    expect(await store.deleteIdleSessions(30)).toBe(1);
    const { rows } = await db.query<{ id: string }>("SELECT id FROM sessions");
    expect(rows.map((r) => r.id)).toEqual([recent]);
    for (const table of ["messages", "feedback", "slack_sessions"]) expect(await count(db, table)).toBe(1);
  });

  it("prunes on its own as conversations arrive when CONVERSATION_RETENTION_DAYS is set, and never when it is 0", async () => {
    const keeping = new ConversationStore(db, { retentionDays: 0, pruneEveryMs: 0 });
    const old = await sessionWithHistory(keeping);
    await idleFor(db, old, 400);
    await keeping.resolveSession("aie101", undefined, "api");
    expect(await count(db, "sessions")).toBe(2);

    const pruning = new ConversationStore(db, { retentionDays: 180, pruneEveryMs: 0 });
    const fresh = await pruning.resolveSession("aie101", undefined, "widget");
    const { rows } = await db.query<{ id: string }>("SELECT id FROM sessions WHERE id = $1", [old]);
    expect(rows).toEqual([]);
    expect(await count(db, "sessions")).toBe(2);
    // A continued session is not idle: resolving it refreshes last_seen before the next prune.
    await idleFor(db, fresh, 179);
    expect(await pruning.resolveSession("aie101", fresh, "widget")).toBe(fresh);
    // Past the limit, the student starts over in a new session.
    await idleFor(db, fresh, 181);
    expect(await pruning.resolveSession("aie101", fresh, "widget")).not.toBe(fresh);
  });
});
