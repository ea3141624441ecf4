import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer } from "../helpers/server.ts";
import { bio200Zip } from "./two-courses.ts";

/**
 * Two courses in one deployment: the bundled AIE101 and a marine-biology course uploaded
 * through the admin API. Nothing of one may surface in the other.
 */
describe("no cross-course leak", () => {
  const token = "tenancy-admin-token-789";
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  const admin = { authorization: `Bearer ${token}` };
  const json = { "content-type": "application/json" };

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: token });
    const created = await fetch(`${server.url}/admin/courses`, {
      method: "POST",
      headers: { ...admin, ...json },
      body: JSON.stringify({ id: "bio200", title: "Marine Biology 200" }),
    });
    expect(created.status).toBe(201);
    const uploaded = await fetch(`${server.url}/admin/courses/bio200/material?wait=true`, {
      method: "POST",
      headers: { ...admin, "content-type": "application/zip" },
      body: bio200Zip(),
    });
    const body = (await uploaded.json()) as { run: { status: string } };
    expect(uploaded.status, JSON.stringify(body)).toBe(200);
    expect(body.run.status).toBe("succeeded");
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = async <T>(route: string, body: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${server.url}${route}`, {
      method: "POST",
      headers: json,
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  /** Which course each chunk id belongs to, from the database itself. */
  const coursesOf = async (chunkIds: string[]): Promise<string[]> => {
    if (chunkIds.length === 0) return [];
    const { rows } = await server.tutor.db.query<{ course_id: string }>(
      "SELECT DISTINCT course_id FROM chunks WHERE id::text = ANY($1::text[])",
      [chunkIds],
    );
    return rows.map((r) => r.course_id);
  };

  type SearchReply = { results: { chunkId: string; source: string }[] };
  type ChatReply = {
    sessionId: string;
    messageId: string;
    status: string;
    citations: { chunkId: string; source: string }[];
  };

  it("search: each course finds only its own chunks, in every retrieval mode", async () => {
    for (const mode of ["hybrid", "bm25", "vector"]) {
      const bio = await post<SearchReply>("/v1/search", {
        course: "bio200",
        query: "zooxanthellae coral symbiosis",
        mode,
        k: 10,
      });
      expect(bio.status).toBe(200);
      expect(bio.body.results[0]?.source, mode).toBe("week-02/reefs.md");
      expect(await coursesOf(bio.body.results.map((r) => r.chunkId))).toEqual(["bio200"]);

      const aie = await post<SearchReply>("/v1/search", {
        course: "aie101",
        query: "zooxanthellae coral symbiosis",
        mode,
        k: 10,
      });
      expect(aie.status).toBe(200);
      expect(await coursesOf(aie.body.results.map((r) => r.chunkId))).not.toContain("bio200");

      const drift = await post<SearchReply>("/v1/search", {
        course: "bio200",
        query: "how do I detect data drift in production?",
        mode,
        k: 10,
      });
      expect(await coursesOf(drift.body.results.map((r) => r.chunkId))).not.toContain("aie101");
    }
  });

  it("chat: answers and citations come from the asked course only", async () => {
    const bio = await post<ChatReply>("/v1/chat", {
      course: "bio200",
      message: "What do zooxanthellae give to corals?",
    });
    expect(bio.body.status).toBe("answered");
    expect(bio.body.citations.map((c) => c.source)).toContain("week-02/reefs.md");
    expect(await coursesOf(bio.body.citations.map((c) => c.chunkId))).toEqual(["bio200"]);

    const aie = await post<ChatReply>("/v1/chat", {
      course: "aie101",
      message: "What do zooxanthellae give to corals?",
    });
    expect(aie.body.status).toBe("no_answer");
    expect(await coursesOf(aie.body.citations.map((c) => c.chunkId))).not.toContain("bio200");
  });

  it("sessions: a session of one course is never continued in another", async () => {
    const bio = await post<ChatReply>("/v1/chat", { course: "bio200", message: "What is coral bleaching?" });
    const reused = await post<ChatReply>("/v1/chat", {
      course: "aie101",
      message: "What about its causes?",
      sessionId: bio.body.sessionId,
    });
    expect(reused.status).toBe(200);
    expect(reused.body.sessionId).not.toBe(bio.body.sessionId);
    const { rows } = await server.tutor.db.query<{ id: string; course_id: string }>(
      "SELECT id::text AS id, course_id FROM sessions WHERE id::text = ANY($1::text[]) ORDER BY course_id",
      [[bio.body.sessionId, reused.body.sessionId]],
    );
    expect(rows).toEqual([
      { id: reused.body.sessionId, course_id: "aie101" },
      { id: bio.body.sessionId, course_id: "bio200" },
    ]);
    // The bio200 session's history holds only its own turn.
    const { rows: turns } = await server.tutor.db.query<{ course_id: string }>(
      "SELECT course_id FROM messages WHERE session_id = $1",
      [bio.body.sessionId],
    );
    expect(turns.map((t) => t.course_id)).toEqual(["bio200"]);
  });

  it("feedback: a message can only be rated from its own session, and counts for its own course", async () => {
    const bio = await post<ChatReply>("/v1/chat", {
      course: "bio200",
      message: "Where do mitochondria make ATP?",
    });
    const aie = await post<ChatReply>("/v1/chat", { course: "aie101", message: "What is a feature store?" });
    const crossed = await post<{ error: { code: string } }>("/v1/feedback", {
      sessionId: bio.body.sessionId,
      messageId: aie.body.messageId,
      rating: "up",
    });
    expect(crossed.status).toBe(404);
    expect(crossed.body.error.code).toBe("unknown_message");
    expect(
      (
        await post("/v1/feedback", {
          sessionId: bio.body.sessionId,
          messageId: bio.body.messageId,
          rating: "down",
        })
      ).status,
    ).toBe(200);
    const { rows } = await server.tutor.db.query<{ course_id: string }>(
      "SELECT course_id FROM feedback WHERE message_id = $1",
      [bio.body.messageId],
    );
    expect(rows).toEqual([{ course_id: "bio200" }]);
  });

  it("admin stats and insights count each course's own questions and feedback only", async () => {
    const counts = async (course: string) => {
      const { rows } = await server.tutor.db.query<{ questions: number; down: number; up: number }>(
        `SELECT (SELECT count(*)::int FROM messages WHERE course_id = $1) AS questions,
                (SELECT count(*)::int FROM feedback WHERE course_id = $1 AND rating = 'down') AS down,
                (SELECT count(*)::int FROM feedback WHERE course_id = $1 AND rating = 'up') AS up`,
        [course],
      );
      return rows[0] as { questions: number; down: number; up: number };
    };
    for (const course of ["bio200", "aie101"]) {
      const expected = await counts(course);
      const response = await fetch(`${server.url}/admin/courses/${course}/stats`, { headers: admin });
      expect(response.status).toBe(200);
      const stats = (await response.json()) as {
        course: { id: string };
        conversations: { questions: number };
        feedback: { up: number; down: number };
      };
      expect(stats.course.id).toBe(course);
      expect(stats.conversations.questions).toBe(expected.questions);
      expect(stats.feedback).toMatchObject({ up: expected.up, down: expected.down });
    }
    const bioStats = (await (
      await fetch(`${server.url}/admin/courses/bio200/stats`, { headers: admin })
    ).json()) as {
      conversations: { questions: number };
      material: { documents: number; uploadedFiles: number };
    };
    expect(bioStats.conversations.questions).toBe(3);
    expect(bioStats.material).toMatchObject({ documents: 2, uploadedFiles: 2 });

    const aieInsights = await (
      await fetch(`${server.url}/admin/courses/aie101/insights`, { headers: admin })
    ).text();
    const bioInsights = await (
      await fetch(`${server.url}/admin/courses/bio200/insights`, { headers: admin })
    ).text();
    expect(aieInsights).not.toMatch(/mitochondria|bleaching|reefs\.md/i);
    expect(bioInsights).toMatch(/bleaching|reefs\.md/i);
    expect(bioInsights).not.toMatch(/feature store/i);
  });
});
