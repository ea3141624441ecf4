import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlackApi, RecordedCall } from "../../helpers/fake-slack-api.ts";
import { type SlackTutor, startSlackTutor } from "../../helpers/slack-tutor.ts";
import { blockButtons, blockTexts } from "./read-blocks.ts";
import { interactionBody, slackSignatureHeaders, slashCommandBody } from "./signed-request.ts";

/** Escalation in Slack: `/tutor staff`, the button after a 👎, and the staff channel's buttons. */
const SECRET = "slack-escalations-secret-3310";
const ADMIN = "slack-escalations-admin-7781";
const STAFF = "CSTAFFAIE";

type Json = Record<string, unknown>;

describe("escalations in Slack", () => {
  let tutor: SlackTutor;
  let slack: FakeSlackApi;
  let base: string;

  beforeAll(async () => {
    tutor = await startSlackTutor({ signingSecret: SECRET, ADMIN_TOKEN: ADMIN });
    ({ slack, base } = tutor);
    const res = await fetch(`${base}/admin/courses/aie101/escalation-settings`, {
      method: "PUT",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({ autoEscalate: false, staffSlackChannel: STAFF, showStudentNames: true }),
    });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await tutor?.close();
  });

  const signed = (path: string, body: string) =>
    fetch(`${base}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignatureHeaders(SECRET, body),
      },
      body,
    });
  const interact = (payload: unknown) => signed("/slack/interactions", interactionBody(payload));
  const staffNotifications = () =>
    slack.succeeded("chat.postMessage").filter((c) => c.body.channel === STAFF);

  it("sends `/tutor staff <question>` to the staff and DMs the student the answer", async () => {
    const help = await signed(
      "/slack/commands",
      slashCommandBody({ text: "staff", responseUrl: slack.responseUrl("x") }),
    );
    expect(((await help.json()) as Json).text).toMatch(/Write your question after `staff`/);

    const body = slashCommandBody({
      text: "staff Can I get a letter of recommendation from the instructor after the course?",
      responseUrl: slack.responseUrl("staff-cmd"),
      userId: "USTUDENT7",
    });
    const ack = await signed("/slack/commands", body);
    expect(((await ack.json()) as Json).text).toMatch(/Sending your question to the teaching staff/);
    const [reply] = await slack.waitForCalls("response_url:staff-cmd");
    expect(blockTexts(reply?.body.blocks).join(" ")).toMatch(
      /Sent to the teaching staff\..*in a direct message/,
    );
    const [notification] = await waitFor(() => staffNotifications().length >= 1, staffNotifications);
    // The course shows names: staff see the Slack user, not a pseudonym.
    expect(blockTexts(notification?.body.blocks).join(" ")).toContain("<@USTUDENT7>");

    const queue = await fetch(`${base}/admin/courses/aie101/escalations`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const group = ((await queue.json()) as { escalations: { id: string; student: Json }[] }).escalations[0];
    expect(group?.student).toMatchObject({ slackUserId: "USTUDENT7" });
    const answered = await fetch(`${base}/admin/courses/aie101/escalations/${group?.id}/answer`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify({
        answer: "Yes: ask during office hours in the last two weeks.",
        addToMaterial: false,
      }),
    });
    expect(answered.status).toBe(200);
    const dm = await waitFor(
      () => slack.succeeded("chat.postMessage").some((c) => c.body.channel === "USTUDENT7"),
      () => slack.succeeded("chat.postMessage").filter((c) => c.body.channel === "USTUDENT7"),
    );
    expect(dm[0]?.reply?.channel).toBe("DSTUDENT7");
    expect(blockTexts(dm[0]?.body.blocks).join(" ")).toContain("office hours in the last two weeks");
  });

  it("offers the staff after a 👎 and takes Dismiss only from the staff channel", async () => {
    const before = staffNotifications().length;
    const command = slashCommandBody({
      text: "Will the final project showcase be open to family members?",
      responseUrl: slack.responseUrl("asked"),
      userId: "USTUDENT8",
    });
    await signed("/slack/commands", command);
    const [answer] = await slack.waitForCalls("response_url:asked");
    const down = blockButtons(answer?.body.blocks).find((b) => b.action_id === "tutor_feedback_down");
    await interact({
      type: "block_actions",
      user: { id: "USTUDENT8" },
      team: { id: "TCOURSE" },
      channel: { id: "CGENERAL" },
      response_url: slack.responseUrl("thumbs"),
      actions: [{ action_id: "tutor_feedback_down", value: down?.value }],
    });
    const [thanks] = await slack.waitForCalls("response_url:thumbs");
    const offer = blockButtons(thanks?.body.blocks).find((b) => b.action_id === "tutor_escalate");
    expect(offer?.value).toBe(down?.value);
    await interact({
      type: "block_actions",
      user: { id: "USTUDENT8" },
      team: { id: "TCOURSE" },
      channel: { id: "CGENERAL" },
      response_url: slack.responseUrl("offer"),
      actions: [{ action_id: "tutor_escalate", value: offer?.value }],
    });
    await slack.waitForCalls("response_url:offer");
    const posted = await waitFor(
      () => staffNotifications().length > before,
      () => staffNotifications().slice(before),
    );
    const dismiss = blockButtons(posted[0]?.body.blocks).find((b) => b.action_id === "escalation_dismiss");

    const pressDismiss = (channel: string, responseUrl: string) =>
      interact({
        type: "block_actions",
        user: { id: "UTA0002" },
        team: { id: "TCOURSE" },
        channel: { id: channel },
        response_url: slack.responseUrl(responseUrl),
        actions: [{ action_id: "escalation_dismiss", value: dismiss?.value }],
      });
    await pressDismiss("CELSEWHERE", "elsewhere");
    const [refused] = await slack.waitForCalls("response_url:elsewhere");
    expect(blockTexts(refused?.body.blocks).join(" ")).toMatch(/only work in the course's staff channel/);

    await pressDismiss(STAFF, "dismissed");
    const updated = await waitFor(
      () => dismissedUpdate(slack) !== undefined,
      () => [dismissedUpdate(slack) as RecordedCall],
    );
    expect(updated[0]?.body.ts).toBe(posted[0]?.reply?.ts);
    expect(blockButtons(updated[0]?.body.blocks)).toEqual([]);

    // The modal of a question closed meanwhile says so instead of answering it again.
    const answerValue = blockButtons(posted[0]?.body.blocks).find(
      (b) => b.action_id === "escalation_answer",
    )?.value;
    const [course, escalationId] = String(answerValue).split(":");
    const late = await interact({
      type: "view_submission",
      user: { id: "UTA0002" },
      view: {
        callback_id: "escalation_answer_view",
        private_metadata: JSON.stringify({ course, escalationId }),
        state: { values: { answer: { text: { type: "plain_text_input", value: "Too late." } } } },
      },
    });
    expect(await late.json()).toMatchObject({
      response_action: "errors",
      errors: { answer: /already answered or dismissed/ },
    });
  });
});

function dismissedUpdate(slack: FakeSlackApi): RecordedCall | undefined {
  return slack
    .succeeded("chat.update")
    .find((c) => blockTexts(c.body.blocks).some((t) => t.startsWith("*Dismissed*")));
}

async function waitFor<T>(ready: () => boolean, read: () => T, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  while (!ready()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return read();
}
