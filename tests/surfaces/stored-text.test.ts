import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/app/server.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../helpers/fake-slack-api.ts";
import { startSeededServer } from "../helpers/server.ts";
import { eventEnvelope, slackSignatureHeaders, slashCommandBody } from "./slack/signed-request.ts";

const SECRET = "stored-text-signing-secret-41";
const EMAIL = "ana.lee@uni.example.org";
const PHONE = "+44 7700 900123";
const CARD = "4111 1111 1111 1111";
const PERSONAL = `Reach me at ${EMAIL} or call ${PHONE}; my card is ${CARD}.`;

/** The raw values must be gone from what was stored, each replaced by its placeholder. */
function expectRedacted(stored: string | null | undefined): void {
  expect(stored).toBeTypeOf("string");
  for (const raw of [EMAIL, PHONE, CARD, "7700", "4111"]) expect(stored).not.toContain(raw);
  for (const placeholder of ["[EMAIL]", "[PHONE]", "[CARD]"]) expect(stored).toContain(placeholder);
}

/**
 * Every free text a student sends is stored redacted, the same way questions are, whatever the
 * surface: read back from the stored rows of the real database behind the real server.
 */
describe("free text users send is stored redacted", () => {
  let server: RunningServer;
  let slack: FakeSlackApi;

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    server = await startSeededServer({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-stored-text",
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await server?.close();
    await slack?.close();
  });

  const postJson = (route: string, body: unknown) =>
    server.app.request(route, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const questionsFrom = async (surface: string) =>
    (
      await server.tutor.db.query<{ question: string }>(
        `SELECT m.question FROM messages m JOIN sessions s ON s.id = m.session_id
          WHERE s.surface = $1 ORDER BY m.created_at`,
        [surface],
      )
    ).rows.map((row) => row.question);

  it("POST /v1/feedback: the comment", async () => {
    const chat = (await (await postJson("/v1/chat", { message: "What is model drift?" })).json()) as {
      sessionId: string;
      messageId: string;
    };
    const feedback = await postJson("/v1/feedback", {
      sessionId: chat.sessionId,
      messageId: chat.messageId,
      rating: "down",
      comment: `Wrong week. ${PERSONAL}`,
    });
    expect(feedback.status).toBe(200);
    const { rows } = await server.tutor.db.query<{ comment: string | null }>(
      "SELECT comment FROM feedback WHERE message_id = $1",
      [chat.messageId],
    );
    expectRedacted(rows[0]?.comment);
    expect(rows[0]?.comment).toMatch(/^Wrong week\. Reach me at \[EMAIL\]/);
  });

  it("POST /v1/chat: the question (the rule the other surfaces now follow)", async () => {
    const res = await server.app.request("/v1/chat", {
      method: "POST",
      headers: { "content-type": "application/json", "x-tutor-surface": "widget" },
      body: JSON.stringify({ message: `${PERSONAL} What is data drift?` }),
    });
    expect(res.status).toBe(200);
    const questions = await questionsFrom("widget");
    expect(questions).toHaveLength(1);
    expectRedacted(questions[0]);
  });

  it("Slack: a direct message and a slash command", async () => {
    const dm = JSON.stringify(
      eventEnvelope("EvStoredText1", {
        type: "message",
        channel_type: "im",
        channel: "DSTORED1",
        user: "USTORED1",
        text: `${PERSONAL} How do I detect model drift?`,
        ts: "1700009000.000100",
      }),
    );
    const event = await server.app.request("/slack/events", {
      method: "POST",
      headers: { "content-type": "application/json", ...slackSignatureHeaders(SECRET, dm) },
      body: dm,
    });
    expect(event.status).toBe(200);
    const command = slashCommandBody({
      text: `${PERSONAL} what is a feature store?`,
      responseUrl: slack.responseUrl("stored-text"),
      userId: "USTORED2",
    });
    const ack = await server.app.request("/slack/commands", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...slackSignatureHeaders(SECRET, command),
      },
      body: command,
    });
    expect(ack.status).toBe(200);
    await server.slack.bot.drain();
    const questions = await questionsFrom("slack");
    expect(questions).toHaveLength(2);
    for (const question of questions) expectRedacted(question);
  });
});
