import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../../src/app/server.ts";
import type { FakeSlackApi } from "../../helpers/fake-slack-api.ts";
import { type SlackTutor, startSlackTutor } from "../../helpers/slack-tutor.ts";
import { blockButtons, blockTexts } from "../../surfaces/slack/read-blocks.ts";
import {
  eventEnvelope,
  interactionBody,
  slackSignatureHeaders,
} from "../../surfaces/slack/signed-request.ts";

/**
 * The whole loop on a running server, with the fake Slack Web API: a question the material does
 * not cover is escalated from the widget, the same question in other words from Slack; the staff
 * channel gets one grouped notification; a TA answers in the Slack modal and adds the answer to
 * the material; both students get it where they asked; a third student's paraphrase is answered
 * from the staff answer as soon as the students have theirs, without a full re-ingest. How long
 * publishing takes is measured by `npm run bench` (the staff-answer line), not asserted here.
 */
const SECRET = "loop-signing-secret-5521";
const ADMIN = "loop-admin-token-9034";
const STAFF_CHANNEL = "CSTAFF01";
const QUESTIONS = {
  widget: "Does the course count toward the data science minor?",
  slack: "Can AIE101 be used for credit toward the data science minor?",
  third: "Will taking this class satisfy a requirement of the data science minor program?",
};
const ANSWER =
  "Yes. AIE101 counts as one of the two electives of the data science minor; " +
  "ask the registrar's office to add it to your minor plan once your grade is posted.";

type Json = Record<string, unknown>;
type Group = {
  id: string;
  groupId: string;
  status: string;
  question: string;
  note: string | null;
  othersAsking: number;
  members: {
    id: string;
    question: string;
    origin: string;
    student: { pseudonym: string; slackUserId?: string };
  }[];
  retrieved: { source: string }[];
  tutorReply: { status: string };
};

describe("closing the loop: widget and Slack escalations, one staff answer, the tutor taught", () => {
  let tutor: SlackTutor;
  let slack: FakeSlackApi;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    tutor = await startSlackTutor({
      signingSecret: SECRET,
      ADMIN_TOKEN: ADMIN,
      PUBLIC_BASE_URL: "https://course.test",
    });
    ({ slack, server, base } = tutor);
  });

  afterAll(async () => {
    await tutor?.close();
  });

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json", ...init.headers },
    });
  const widget = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-tutor-surface": "widget" },
      body: JSON.stringify(body),
    });
  const slackPost = (path: string, body: string, contentType: string) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: { "content-type": contentType, ...slackSignatureHeaders(SECRET, body) },
      body,
    });
  const interact = (payload: unknown) =>
    slackPost("/slack/interactions", interactionBody(payload), "application/x-www-form-urlencoded");
  const staffPosts = () =>
    slack.succeeded("chat.postMessage").filter((c) => c.body.channel === STAFF_CHANNEL);
  const openQueue = async (): Promise<Group[]> =>
    (
      (await (await admin("/admin/courses/aie101/escalations?status=open")).json()) as {
        escalations: Group[];
      }
    ).escalations;

  async function until<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
    const started = Date.now();
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("runs from a no_answer to an answer the tutor cites", async () => {
    const settings = await admin("/admin/courses/aie101/escalation-settings", {
      method: "PUT",
      body: JSON.stringify({
        autoEscalate: false,
        staffSlackChannel: STAFF_CHANNEL,
        showStudentNames: false,
      }),
    });
    expect(settings.status).toBe(200);

    // Student 1, in the widget: the material does not cover it.
    const asked = await widget("/v1/chat", { message: QUESTIONS.widget });
    const first = (await asked.json()) as {
      sessionId: string;
      messageId: string;
      status: string;
      guardrail?: unknown;
    };
    expect(first.status).toBe("no_answer");
    expect(first.guardrail).toBeUndefined();
    const escalated = await widget("/v1/escalations", {
      sessionId: first.sessionId,
      messageId: first.messageId,
      note: "I register for next term on Friday; write to ana.lopez@example.org if that helps.",
    });
    expect(escalated.status).toBe(201);
    const receipt = ((await escalated.json()) as { escalation: Json }).escalation;
    expect(receipt).toMatchObject({ status: "open", messageId: first.messageId, typicalWaitMinutes: null });
    expect(String(receipt.message)).toMatch(/^Sent to the teaching staff\..*no answered questions/);
    const [notification] = await slack.waitForCalls("chat.postMessage", 1);
    expect(notification?.body.channel).toBe(STAFF_CHANNEL);

    // Student 2, in Slack: the same question in other words, then the reply's button.
    const eventTs = "1700001000.000100";
    const mention = JSON.stringify(
      eventEnvelope("EvLoop1", {
        type: "app_mention",
        user: "USTUDENT2",
        channel: "CGENERAL",
        ts: eventTs,
        text: `<@UTUTORBOT> ${QUESTIONS.slack}`,
      }),
    );
    expect((await slackPost("/slack/events", mention, "application/json")).status).toBe(200);
    const reply = await until(
      async () => slack.succeeded("chat.postMessage").find((c) => c.body.channel === "CGENERAL"),
      "the tutor's Slack reply",
    );
    expect(reply.body.thread_ts).toBe(eventTs);
    const escalateButton = blockButtons(reply.body.blocks).find((b) => b.action_id === "tutor_escalate");
    expect(escalateButton, "a no_answer reply offers the staff").toBeDefined();
    const pressed = await interact({
      type: "block_actions",
      user: { id: "USTUDENT2" },
      team: { id: "TCOURSE" },
      channel: { id: "CGENERAL" },
      container: { type: "message", message_ts: reply.reply?.ts, thread_ts: eventTs },
      response_url: slack.responseUrl("student2"),
      trigger_id: "1111.2222.student",
      actions: [{ action_id: "tutor_escalate", value: escalateButton?.value }],
    });
    expect(pressed.status).toBe(200);
    const [confirmation] = await slack.waitForCalls("response_url:student2");
    expect(blockTexts(confirmation?.body.blocks).join(" ")).toMatch(/Sent to the teaching staff/);

    // One grouped notification: the first message is updated, no second one is posted.
    const updated = await until(
      async () =>
        slack
          .succeeded("chat.update")
          .find((c) => blockTexts(c.body.blocks).some((t) => t.includes("2 students asked"))),
      "the notification updated to two students",
    );
    expect(staffPosts()).toHaveLength(1);
    expect(updated.body.ts).toBe(staffPosts()[0]?.reply?.ts);
    const queue = await openQueue();
    expect(queue).toHaveLength(1);
    const group = queue[0] as Group;
    expect(group.othersAsking).toBe(1);
    expect(group.members.map((m) => m.origin)).toEqual(["widget", "slack"]);
    expect(group.note).toContain("[EMAIL]");
    expect(group.note).not.toContain("ana.lopez@example.org");
    expect(group.tutorReply.status).toBe("no_answer");
    expect(group.retrieved.length).toBeGreaterThan(0);
    const [p1, p2] = group.members.map((m) => m.student);
    expect(p1?.pseudonym).not.toBe(p2?.pseudonym);
    expect(p2?.slackUserId).toBeUndefined();

    // The TA presses Answer in the staff channel; the modal opens.
    const staffButtons = blockButtons(updated.body.blocks);
    const answerButton = staffButtons.find((b) => b.action_id === "escalation_answer");
    expect(staffButtons.map((b) => b.action_id)).toEqual(["escalation_answer", "escalation_dismiss"]);
    await interact({
      type: "block_actions",
      user: { id: "UTA0001" },
      team: { id: "TCOURSE" },
      channel: { id: STAFF_CHANNEL },
      trigger_id: "3333.4444.ta",
      response_url: slack.responseUrl("ta"),
      actions: [{ action_id: "escalation_answer", value: answerButton?.value }],
    });
    const [opened] = await slack.waitForCalls("views.open");
    expect(opened?.body.trigger_id).toBe("3333.4444.ta");
    const view = opened?.body.view as Json;
    expect(JSON.stringify(view.blocks)).toContain("2 students asked");

    // An empty answer keeps the modal open with an error; a real one closes it.
    const submission = (answer: string) => ({
      type: "view_submission",
      user: { id: "UTA0001" },
      team: { id: "TCOURSE" },
      view: {
        id: "V0001",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: {
          values: {
            answer: { text: { type: "plain_text_input", value: answer } },
            material: { add: { type: "checkboxes", selected_options: [{ value: "add" }] } },
          },
        },
      },
    });
    const empty = await interact(submission("   "));
    expect(await empty.json()).toMatchObject({
      response_action: "errors",
      errors: { answer: expect.any(String) },
    });

    const before = await courseState(server);
    const submitted = await interact(submission(ANSWER));
    const answeredAt = Date.now();
    expect(submitted.status).toBe(200);
    expect(await submitted.text()).toBe("");

    // Both students get the answer where they asked.
    const inThread = await until(
      async () =>
        slack
          .succeeded("chat.postMessage")
          .find(
            (c) =>
              c.body.channel === "CGENERAL" && blockTexts(c.body.blocks).join(" ").includes("two electives"),
          ),
      "the staff answer in the Slack thread",
    );
    expect(inThread.body.thread_ts).toBe(eventTs);
    const timeline = await until(async () => {
      const res = await fetch(`${base}/v1/sessions/${first.sessionId}/messages`);
      const body = (await res.json()) as { messages: { author: string; text: string; inReplyTo?: string }[] };
      return body.messages.find((m) => m.author === "staff");
    }, "the staff answer in the widget session");
    expect(timeline).toMatchObject({ text: ANSWER, inReplyTo: first.messageId });

    // A third student, in yet other words: answered from the staff answer already.
    const third = (await (await widget("/v1/chat", { message: QUESTIONS.third })).json()) as {
      status: string;
      citations: { source: string; title: string }[];
    };
    const elapsed = Date.now() - answeredAt;
    expect(third.status, JSON.stringify(third)).toBe("answered");
    const cited = third.citations.find((c) => c.source.startsWith("staff-answers/"));
    expect(cited?.title).toBe("Answered by the teaching staff");
    process.stdout.write(`loop: the third student was answered ${elapsed} ms after the TA's answer\n`);

    // No full re-ingest: no ingestion run, every other document untouched, one new version.
    const after = await courseState(server);
    expect(after.runs).toBe(before.runs);
    expect(after.version).toBe(before.version + 1);
    expect(after.documents.filter((d) => !d.startsWith("staff-answers/"))).toEqual(before.documents);
    expect(after.documents.filter((d) => d.startsWith("staff-answers/"))).toHaveLength(1);

    // The staff channel's message shows the outcome without buttons; the queue moved on.
    const closed = await until(
      async () =>
        slack
          .succeeded("chat.update")
          .find((c) => blockTexts(c.body.blocks).some((t) => t.startsWith("*Answered*"))),
      "the notification marked answered",
    );
    expect(blockButtons(closed.body.blocks)).toEqual([]);
    expect(await openQueue()).toEqual([]);
  });
});

/** What a full re-ingest would change: runs recorded, every document row, the course version. */
async function courseState(server: RunningServer) {
  const db = server.tutor.db;
  const runs = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM course_ingestions");
  const docs = await db.query<{ key: string }>(
    "SELECT source || '@' || id || '@' || updated_at::text AS key FROM documents WHERE course_id = 'aie101' ORDER BY source",
  );
  const version = await db.query<{ v: string }>("SELECT version::text AS v FROM courses WHERE id = 'aie101'");
  return {
    runs: runs.rows[0]?.n ?? 0,
    documents: docs.rows.map((r) => r.key),
    version: Number(version.rows[0]?.v),
  };
}
