import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer } from "../helpers/server.ts";
import { bio200Zip } from "./two-courses.ts";

/**
 * Escalations are course-scoped: the same question asked in two courses never shares a group,
 * each course's queue, routes, settings, staff answers and figures see only its own.
 */
describe("escalations stay in their course", () => {
  const token = "tenancy-escalations-token-552";
  const question = "Is parking available near the lecture hall?";
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  const admin = { authorization: `Bearer ${token}`, "content-type": "application/json" };

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: token });
    const created = await fetch(`${server.url}/admin/courses`, {
      method: "POST",
      headers: admin,
      body: JSON.stringify({ id: "bio200", title: "Marine Biology 200" }),
    });
    expect(created.status).toBe(201);
    const uploaded = await fetch(`${server.url}/admin/courses/bio200/material?wait=true`, {
      method: "POST",
      headers: { authorization: admin.authorization, "content-type": "application/zip" },
      body: bio200Zip(),
    });
    expect(uploaded.status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
  });

  type Reply<T> = { status: number; body: T };
  const call = async <T>(
    method: string,
    route: string,
    body?: unknown,
    asAdmin = false,
  ): Promise<Reply<T>> => {
    const res = await fetch(`${server.url}${route}`, {
      method,
      headers: asAdmin ? admin : { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const escalateIn = async (course: string) => {
    const asked = await call<{ sessionId: string; messageId: string }>("POST", "/v1/chat", {
      course,
      message: question,
    });
    const sent = await call<{ escalation: { id: string } }>("POST", "/v1/escalations", {
      sessionId: asked.body.sessionId,
      messageId: asked.body.messageId,
    });
    expect(sent.status).toBe(201);
    return { ...asked.body, escalationId: sent.body.escalation.id };
  };
  type Queue = { escalations: { id: string; othersAsking: number; members: { id: string }[] }[] };

  it("keeps queues, routes, sessions, settings and staff answers apart", async () => {
    const aie = await escalateIn("aie101");
    const bio = await escalateIn("bio200");

    // The same words in two courses: two groups, each alone in its course's queue.
    const aieQueue = await call<Queue>("GET", "/admin/courses/aie101/escalations", undefined, true);
    const bioQueue = await call<Queue>("GET", "/admin/courses/bio200/escalations", undefined, true);
    expect(aieQueue.body.escalations.map((g) => g.id)).toEqual([aie.escalationId]);
    expect(bioQueue.body.escalations.map((g) => g.id)).toEqual([bio.escalationId]);
    expect(bioQueue.body.escalations[0]?.othersAsking).toBe(0);

    // Another course's escalation through this course's routes is unknown.
    const wrong = `/admin/courses/aie101/escalations/${bio.escalationId}`;
    expect((await call("GET", wrong, undefined, true)).status).toBe(404);
    expect((await call("POST", `${wrong}/answer`, { answer: "x", addToMaterial: true }, true)).status).toBe(
      404,
    );
    expect((await call("POST", `${wrong}/dismiss`, {}, true)).status).toBe(404);
    expect((await call("POST", `${wrong}/detach`, undefined, true)).status).toBe(404);
    expect((await call("GET", `/v1/sessions/${bio.sessionId}/messages?course=aie101`)).status).toBe(404);

    // Settings are per course.
    const settings = { autoEscalate: true, staffSlackChannel: "CAIESTAFF", showStudentNames: true };
    expect((await call("PUT", "/admin/courses/aie101/escalation-settings", settings, true)).status).toBe(200);
    const bioSettings = await call<{ settings: unknown }>(
      "GET",
      "/admin/courses/bio200/escalation-settings",
      undefined,
      true,
    );
    expect(bioSettings.body.settings).toEqual({
      autoEscalate: false,
      staffSlackChannel: null,
      showStudentNames: false,
    });

    // A bio200 staff answer becomes bio200 material only; aie101 does not change.
    const aieVersion = async () =>
      (
        await server.tutor.db.query<{ v: string }>(
          "SELECT version::text AS v FROM courses WHERE id = 'aie101'",
        )
      ).rows[0]?.v;
    const before = await aieVersion();
    const answered = await call<{ staffAnswer: { source: string } }>(
      "POST",
      `/admin/courses/bio200/escalations/${bio.escalationId}/answer`,
      { answer: "Parking for the marine lab is behind the aquarium building.", addToMaterial: true },
      true,
    );
    expect(answered.status).toBe(200);
    expect(await aieVersion()).toBe(before);
    const search = (course: string) =>
      call<{ results: { source: string }[] }>("POST", "/v1/search", {
        course,
        query: "parking aquarium building",
        k: 5,
      });
    expect((await search("bio200")).body.results[0]?.source).toBe(answered.body.staffAnswer.source);
    expect((await search("aie101")).body.results.some((r) => r.source.startsWith("staff-answers/"))).toBe(
      false,
    );
    const aieAnswers = await call<{ staffAnswers: unknown[] }>(
      "GET",
      "/admin/courses/aie101/staff-answers",
      undefined,
      true,
    );
    expect(aieAnswers.body.staffAnswers).toEqual([]);

    // The aie101 student got nothing; aie101's figures count only its own escalation.
    const aieTimeline = await call<{ messages: { author: string }[] }>(
      "GET",
      `/v1/sessions/${aie.sessionId}/messages`,
    );
    expect(aieTimeline.body.messages.map((m) => m.author)).toEqual(["tutor"]);
    const stats = await call<{ escalations: { total: number; answered: number } }>(
      "GET",
      "/admin/courses/aie101/stats",
      undefined,
      true,
    );
    expect(stats.body.escalations).toMatchObject({ total: 1, answered: 0 });
  });
});
