import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer } from "../../../helpers/server.ts";

/**
 * The escalation routes on a running server (seeded PGlite, the real pipeline, no Slack): the
 * student's escalation and session routes, the admin queue, settings and staff answers, and the
 * figures stats and insights gain.
 */
const ADMIN = "escalation-routes-admin-4471";
const Q = {
  parking: "Is parking available near the lecture hall?",
  parkingAgain: "Can I park my car close to the lecture building?",
  letter: "Can I get a letter of recommendation from the instructor after the course?",
  showcase: "Will the final project showcase be open to family members?",
  offTopic: "What is the best lasagna recipe?",
};

type Json = Record<string, unknown>;
type Chat = {
  sessionId: string;
  messageId: string;
  status: string;
  citations: { source: string }[];
  escalation?: Json;
};
type Group = {
  id: string;
  groupId: string;
  status: string;
  othersAsking: number;
  members: { id: string }[];
  answer?: Json;
};

describe("escalation routes", () => {
  let server: Awaited<ReturnType<typeof startSeededServer>>;
  let base: string;

  beforeAll(async () => {
    server = await startSeededServer({ ADMIN_TOKEN: ADMIN });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  const call = async <T = Json>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const asAdmin = <T = Json>(method: string, path: string, body?: unknown) =>
    call<T>(method, path, body, { authorization: `Bearer ${ADMIN}` });
  const chat = async (message: string, sessionId?: string) =>
    (await call<Chat>("POST", "/v1/chat", { message, ...(sessionId ? { sessionId } : {}) })).body;
  const escalate = (sessionId: string, messageId: string, note?: string) =>
    call<{ escalation: Json }>("POST", "/v1/escalations", {
      sessionId,
      messageId,
      ...(note ? { note } : {}),
    });
  const queue = async (status = "open") =>
    (await asAdmin<{ escalations: Group[] }>("GET", `/admin/courses/aie101/escalations?status=${status}`))
      .body.escalations;

  it("escalates a session's own message once, and nothing of another session", async () => {
    const a = await chat(Q.letter);
    const b = await chat(Q.showcase);
    expect([a.status, b.status]).toEqual(["no_answer", "no_answer"]);

    expect((await call("POST", "/v1/escalations", "{not json")).status).toBe(400);
    expect((await call("POST", "/v1/escalations", { sessionId: a.sessionId })).status).toBe(400);
    const foreign = await escalate(a.sessionId, b.messageId);
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: "unknown_message" } } });
    expect((await escalate("not-a-session", "not-a-message")).status).toBe(404);

    const first = await escalate(a.sessionId, a.messageId, "Needed for a grad school application.");
    expect(first.status).toBe(201);
    const again = await escalate(a.sessionId, a.messageId);
    expect(again.status).toBe(200);
    expect(again.body.escalation.id).toBe(first.body.escalation.id);
    expect(
      (await queue()).filter((g) => g.members.some((m) => m.id === first.body.escalation.id)),
    ).toHaveLength(1);

    // Two presses at once: one escalation, both told about it.
    const c = await chat(Q.showcase);
    const both = await Promise.all([escalate(c.sessionId, c.messageId), escalate(c.sessionId, c.messageId)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(both[0]?.body.escalation.id).toBe(both[1]?.body.escalation.id);
  });

  it("lets a session read its own messages and no one else's", async () => {
    const mine = await chat(Q.showcase);
    const other = await chat(Q.letter);
    const read = await call<{ course: string; messages: { id: string; author: string }[] }>(
      "GET",
      `/v1/sessions/${mine.sessionId}/messages`,
    );
    expect(read.status).toBe(200);
    expect(read.body.course).toBe("aie101");
    expect(read.body.messages.map((m) => m.id)).toEqual([mine.messageId]);
    expect(read.body.messages.some((m) => m.id === other.messageId)).toBe(false);

    for (const path of [`/v1/sessions/${randomUUID()}/messages`, "/v1/sessions/not-a-uuid/messages"]) {
      expect(await call("GET", path)).toMatchObject({
        status: 404,
        body: { error: { code: "unknown_session" } },
      });
    }
    expect((await call("GET", `/v1/sessions/${mine.sessionId}/messages?course=bio200`)).status).toBe(404);
    expect((await call("GET", `/v1/sessions/${mine.sessionId}/messages?course=bad!id`)).status).toBe(400);

    // An archived course answers no student: its sessions and messages read as unknown, then come back.
    const archive = (archived: boolean) => asAdmin("POST", "/admin/courses/aie101/archive", { archived });
    expect((await archive(true)).status).toBe(200);
    try {
      expect((await call("GET", `/v1/sessions/${mine.sessionId}/messages`)).status).toBe(404);
      expect((await escalate(mine.sessionId, mine.messageId)).status).toBe(404);
    } finally {
      expect((await archive(false)).status).toBe(200);
    }
    expect((await call("GET", `/v1/sessions/${mine.sessionId}/messages`)).status).toBe(200);
  });

  it("answers a group once, into each session, and tells the next student how long staff take", async () => {
    const asked = await chat(Q.parking);
    const receipt = (await escalate(asked.sessionId, asked.messageId)).body.escalation;
    expect(receipt.typicalWaitMinutes).toBeNull();
    const id = String(receipt.id);

    expect((await asAdmin("GET", "/admin/courses/aie101/escalations?status=closed")).status).toBe(400);
    const path = `/admin/courses/aie101/escalations/${id}/answer`;
    expect((await asAdmin("POST", path, { answer: "Yes." })).status).toBe(400);
    expect(
      (
        await asAdmin("POST", `/admin/courses/aie101/escalations/${randomUUID()}/answer`, {
          answer: "x",
          addToMaterial: false,
        })
      ).status,
    ).toBe(404);
    const answered = await asAdmin<{ escalation: Group; staffAnswer: unknown }>("POST", path, {
      answer: "Visitor parking is in garage B, two minutes from the lecture hall.",
      addToMaterial: false,
      role: "teaching assistant",
    });
    expect(answered.status).toBe(200);
    expect(answered.body.staffAnswer).toBeNull();
    expect(answered.body.escalation).toMatchObject({
      status: "answered",
      answer: { role: "teaching assistant" },
    });
    expect(await asAdmin("POST", path, { answer: "again", addToMaterial: false })).toMatchObject({
      status: 409,
      body: { error: { code: "escalation_closed" } },
    });
    const timeline = await call<{ messages: { author: string; text: string; inReplyTo?: string }[] }>(
      "GET",
      `/v1/sessions/${asked.sessionId}/messages`,
    );
    expect(timeline.body.messages.map((m) => m.author)).toEqual(["tutor", "staff"]);
    expect(timeline.body.messages[1]).toMatchObject({
      inReplyTo: asked.messageId,
      text: expect.stringContaining("garage B"),
    });
    expect((await queue("answered")).map((g) => g.id)).toContain(id);

    // Now there is a history: the next student is told the median wait.
    const next = await chat(Q.showcase);
    const told = (await escalate(next.sessionId, next.messageId)).body.escalation;
    expect(typeof told.typicalWaitMinutes).toBe("number");
    expect(String(told.message)).toMatch(/usually answer within about/);
  });

  it("groups the same question in other words, takes a wrong member out, and dismisses", async () => {
    const one = await chat(Q.parking);
    const two = await chat(Q.parkingAgain);
    const first = String((await escalate(one.sessionId, one.messageId)).body.escalation.id);
    const second = String((await escalate(two.sessionId, two.messageId)).body.escalation.id);
    const group = (await queue()).find((g) => g.id === first);
    expect(group?.othersAsking).toBe(1);
    expect(group?.members.map((m) => m.id)).toEqual([first, second]);

    const detached = await asAdmin<{ escalation: Group }>(
      "POST",
      `/admin/courses/aie101/escalations/${second}/detach`,
    );
    expect(detached.body.escalation).toMatchObject({ id: second, othersAsking: 0, status: "open" });
    expect((await asAdmin("POST", `/admin/courses/aie101/escalations/${second}/detach`)).status).toBe(409);

    const dismissed = await asAdmin<{ escalation: Group }>(
      "POST",
      `/admin/courses/aie101/escalations/${first}/dismiss`,
      {
        reason: "Asked and answered in the syllabus.",
      },
    );
    expect(dismissed.body.escalation).toMatchObject({
      status: "dismissed",
      dismissal: { reason: "Asked and answered in the syllabus." },
    });
    const read = await call<{ messages: { author: string; escalation?: Json }[] }>(
      "GET",
      `/v1/sessions/${one.sessionId}/messages`,
    );
    expect(read.body.messages.map((m) => m.author)).toEqual(["tutor"]);
    expect(read.body.messages[0]?.escalation).toMatchObject({ status: "dismissed" });
  });

  it("escalates every no_answer of a course that asks for it, but not an off-topic one", async () => {
    expect((await asAdmin("GET", "/admin/courses/aie101/escalation-settings")).body).toMatchObject({
      settings: { autoEscalate: false, staffSlackChannel: null, showStudentNames: false },
    });
    const bad = await asAdmin("PUT", "/admin/courses/aie101/escalation-settings", {
      autoEscalate: true,
      staffSlackChannel: "#staff",
      showStudentNames: false,
    });
    expect(bad.status).toBe(400);
    expect(
      (
        await asAdmin("PUT", "/admin/courses/nope/escalation-settings", {
          autoEscalate: true,
          staffSlackChannel: null,
          showStudentNames: false,
        })
      ).status,
    ).toBe(404);
    const on = { autoEscalate: true, staffSlackChannel: null, showStudentNames: false };
    expect((await asAdmin("PUT", "/admin/courses/aie101/escalation-settings", on)).status).toBe(200);
    try {
      const auto = await chat(Q.letter);
      expect(auto.escalation).toMatchObject({ status: "open", messageId: auto.messageId });
      const offTopic = await chat(Q.offTopic);
      expect(offTopic.status).toBe("no_answer");
      expect(offTopic.escalation).toBeUndefined();
      // The widget's stream carries it in the final event.
      const res = await fetch(`${base}/v1/chat`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-tutor-surface": "widget" },
        body: JSON.stringify({ message: Q.showcase, stream: true }),
      });
      const done = (await res.text()).split("\n\n").find((e) => e.startsWith("event: done"));
      const reply = JSON.parse(done?.split("\ndata: ")[1] ?? "{}") as Chat;
      expect(reply.escalation).toMatchObject({ status: "open", messageId: reply.messageId });
    } finally {
      await asAdmin("PUT", "/admin/courses/aie101/escalation-settings", { ...on, autoEscalate: false });
    }
  });

  it("keeps staff answers as material the tutor cites, edits them and retires them at once", async () => {
    const asked = await chat(Q.showcase);
    const id = String((await escalate(asked.sessionId, asked.messageId)).body.escalation.id);
    const answered = await asAdmin<{ staffAnswer: { id: string; source: string } }>(
      "POST",
      `/admin/courses/aie101/escalations/${id}/answer`,
      {
        answer: "Yes, families are welcome at the final project showcase in the atrium.",
        addToMaterial: true,
        question: "Can family members attend the final project showcase?",
      },
    );
    expect(answered.status).toBe(200);
    const entry = answered.body.staffAnswer;
    expect(entry.source).toMatch(/^staff-answers\/can-family-members-attend-the-final-project-showcase\.md$/);
    const search = async () =>
      (
        await call<{ results: { source: string; text: string }[] }>("POST", "/v1/search", {
          query: "family members showcase",
          k: 3,
        })
      ).body.results;
    expect((await search())[0]).toMatchObject({
      source: entry.source,
      text: expect.stringContaining("atrium"),
    });
    const cited = await chat("Can my family attend the final project showcase?");
    expect(cited.status).toBe("answered");
    expect(cited.citations.map((c) => c.source)).toContain(entry.source);
    // Staff trying the question in the playground are not students answered from staff material.
    const fromStaffMaterial = async () =>
      (await asAdmin<{ escalations: Json }>("GET", "/admin/courses/aie101/stats?days=7")).body.escalations
        .answeredFromStaffMaterial;
    const counted = await fromStaffMaterial();
    expect(counted).toBeGreaterThanOrEqual(1);
    const tried = await asAdmin<{ answer: Chat }>("POST", "/admin/courses/aie101/playground", {
      message: "Can my family attend the final project showcase?",
    });
    expect(tried.body.answer.citations.map((c) => c.source)).toContain(entry.source);
    expect(await fromStaffMaterial()).toBe(counted);

    // A later full re-ingest of the course folder keeps the staff answer.
    await server.tutor.ingest(server.config.corpusDir, "aie101");
    expect((await search())[0]?.source).toBe(entry.source);

    const edited = await asAdmin("PUT", `/admin/courses/aie101/staff-answers/${entry.id}`, {
      answer: "Yes, families are welcome at the showcase, which moved to the main hall.",
    });
    expect(edited.status).toBe(200);
    expect((await search())[0]).toMatchObject({
      source: entry.source,
      text: expect.stringContaining("main hall"),
    });
    expect((await asAdmin("PUT", `/admin/courses/aie101/staff-answers/${entry.id}`, {})).status).toBe(400);

    expect((await asAdmin("DELETE", `/admin/courses/aie101/staff-answers/${entry.id}`)).status).toBe(200);
    expect((await search()).some((r) => r.source === entry.source)).toBe(false);
    expect((await asAdmin("DELETE", `/admin/courses/aie101/staff-answers/${entry.id}`)).status).toBe(409);
    expect(
      (await asAdmin("PUT", `/admin/courses/aie101/staff-answers/${entry.id}`, { answer: "x" })).status,
    ).toBe(409);
    const listed = await asAdmin<{ staffAnswers: { id: string; retiredAt: string | null }[] }>(
      "GET",
      "/admin/courses/aie101/staff-answers?retired=true",
    );
    expect(listed.body.staffAnswers.find((s) => s.id === entry.id)?.retiredAt).toEqual(expect.any(String));
    expect(
      (await asAdmin<{ staffAnswers: unknown[] }>("GET", "/admin/courses/aie101/staff-answers")).body
        .staffAnswers,
    ).toEqual([]);
  });

  it("counts escalations in stats and insights", async () => {
    const stats = await asAdmin<{ escalations: Json }>("GET", "/admin/courses/aie101/stats?days=7");
    const figures = stats.body.escalations;
    expect(figures.total).toBeGreaterThanOrEqual(6);
    expect(figures.answered).toBeGreaterThanOrEqual(2);
    expect(figures.answeredShare).toBeCloseTo(Number(figures.answered) / Number(figures.total), 5);
    expect(figures.medianMinutesToAnswer).toEqual(expect.any(Number));
    expect(figures.answeredFromStaffMaterial).toBeGreaterThanOrEqual(1);
    expect((figures.weeks as unknown[]).length).toBeGreaterThanOrEqual(1);
    const insights = await asAdmin<{ escalations: Json }>("GET", "/admin/courses/aie101/insights");
    expect(insights.body.escalations).toMatchObject({ total: figures.total, answered: figures.answered });
    const page = await fetch(`${base}/admin/courses/aie101/insights?format=html`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(await page.text()).toContain("Questions for the teaching staff");
  });
});
