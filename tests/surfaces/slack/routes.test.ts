import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../../src/answer/extractive.ts";
import type { Answerer, AnswerRequest } from "../../../src/answer/types.ts";
import type { RunningServer } from "../../../src/app/server.ts";
import { createApp } from "../../../src/surfaces/http/app.ts";
import { slackRoutes } from "../../../src/surfaces/http/routes/slack.ts";
import { parseFeedbackValue, type SlackBlock } from "../../../src/surfaces/slack/blocks.ts";
import { createSlackSurface } from "../../../src/surfaces/slack/surface.ts";
import { type FakeSlackApi, type RecordedCall, startFakeSlackApi } from "../../helpers/fake-slack-api.ts";
import { startSeededServer } from "../../helpers/server.ts";
import { postFromOutside } from "./outside-client.ts";
import { eventEnvelope, interactionBody, slackSignatureHeaders, slashCommandBody } from "./signed-request.ts";

const SECRET = "test-signing-secret-8f74";
const PUBLIC_BASE_URL = "https://course.test";
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/**
 * The extractive answerer behind a gate: tests can hold answers back (a slow pipeline) or
 * stretch them (long answers); everything else is the real pipeline.
 */
class ControlledAnswerer implements Answerer {
  readonly name = "controlled-extractive";
  private readonly inner = new ExtractiveAnswerer({ publicBaseUrl: PUBLIC_BASE_URL });
  gate: Promise<void> | undefined;
  /** Repeats the real answer's paragraphs this many times. */
  repeat = 1;
  started = 0;

  async answer(request: AnswerRequest) {
    this.started += 1;
    if (this.gate) await this.gate;
    const draft = await this.inner.answer(request);
    if (this.repeat === 1) return draft;
    return { ...draft, answer: Array.from({ length: this.repeat }, () => draft.answer).join("\n\n") };
  }
}

type Json = Record<string, unknown>;

function sectionTexts(blocks: unknown): string[] {
  return ((blocks ?? []) as SlackBlock[]).flatMap((b) => (b.type === "section" ? [b.text.text] : []));
}

function feedbackButtons(blocks: unknown) {
  const actions = ((blocks ?? []) as SlackBlock[]).find((b) => b.type === "actions");
  return actions?.type === "actions" ? actions.elements : [];
}

describe("Slack routes on a running server", () => {
  let slack: FakeSlackApi;
  let server: RunningServer;
  let base: string;
  const answerer = new ControlledAnswerer();

  /** Sends a request to the server as Slack would, signed unless told otherwise. */
  async function send(
    path: string,
    body: string,
    options: {
      contentType?: string;
      headers?: Record<string, string>;
      timestamp?: number;
      secret?: string;
      unsigned?: boolean;
    } = {},
  ): Promise<{ res: Response; ms: number; headers: Record<string, string> }> {
    const signature = options.unsigned
      ? {}
      : slackSignatureHeaders(options.secret ?? SECRET, body, options.timestamp);
    const headers = { "content-type": options.contentType ?? FORM, ...signature, ...options.headers };
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { method: "POST", headers, body });
    return { res, ms: performance.now() - started, headers };
  }

  const sendEvent = (id: string, event: Json, options: Parameters<typeof send>[2] = {}) =>
    send("/slack/events", JSON.stringify(eventEnvelope(id, event)), { contentType: JSON_TYPE, ...options });

  const postsIn = (channel: string): RecordedCall[] =>
    slack.succeeded("chat.postMessage").filter((c) => c.body.channel === channel);

  beforeAll(async () => {
    slack = await startFakeSlackApi();
    server = await startSeededServer(
      {
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: "xoxb-course-tutor",
        SLACK_API_URL: slack.apiUrl,
        PUBLIC_BASE_URL,
        SLACK_COURSES: "CRETIRED=ml999",
      },
      { overrides: { answerer } },
    );
    base = `http://127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server?.close();
    await slack?.close();
  });

  describe("the Done-when scenario", () => {
    it("acks a signed `/tutor what is data drift?` within 3 s and delivers the answer with sources", async () => {
      const responseUrl = slack.responseUrl("done-when");
      const command = slashCommandBody({ text: "what is data drift?", responseUrl });
      const acked = await postFromOutside(
        `${base}/slack/commands`,
        { "content-type": FORM, ...slackSignatureHeaders(SECRET, command) },
        command,
      );
      expect(acked.status).toBe(200);
      expect(acked.ms).toBeLessThan(3000);
      const ack = JSON.parse(acked.body) as Json;
      expect(ack).toMatchObject({ response_type: "ephemeral" });
      expect(String(ack.text)).toContain("what is data drift?");

      const [delivered] = await slack.waitForCalls("response_url:done-when");
      const body = delivered?.body as Json;
      expect(body.response_type).toBe("ephemeral");
      const sections = sectionTexts(body.blocks);
      expect(sections[0]).toMatch(/drift/i);
      expect(sections[0]).toMatch(/\[1\]/);
      const sources = sections.find((s) => s.startsWith("*Sources*")) ?? "";
      expect(sources).toMatch(/\*\[1\]\* <https:\/\/course\.test\/[^|>]+\|[^>]+> — `[^`]+\.md`/);
      expect(feedbackButtons(body.blocks)).toHaveLength(2);
    });

    it("answers a request with a bad signature with 401 and counts it", async () => {
      const before = server.slack.metrics.get("requests_rejected", { reason: "forged" });
      const body = slashCommandBody({
        text: "what is data drift?",
        responseUrl: slack.responseUrl("forged"),
      });
      const { res } = await send("/slack/commands", body, { secret: "not-the-signing-secret" });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: "invalid_signature", message: expect.any(String) },
      });
      expect(server.slack.metrics.get("requests_rejected", { reason: "forged" })).toBe(before + 1);
      await server.slack.bot.drain();
      expect(slack.calls.some((c) => c.method === "response_url:forged")).toBe(false);
    });
  });

  describe("request verification", () => {
    it("echoes the url_verification challenge of a signed request", async () => {
      const body = JSON.stringify({
        token: "t",
        challenge: "3eZbrw1aBm2rZgRNFdxV",
        type: "url_verification",
      });
      const { res } = await send("/slack/events", body, { contentType: JSON_TYPE });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV" });
    });

    it("rejects forged, unsigned, stale and tampered requests before reading them, and counts each", async () => {
      const metrics = server.slack.metrics;
      const count = (reason: string) => metrics.get("requests_rejected", { reason });
      const before = { forged: count("forged"), missing: count("missing"), stale: count("stale") };
      const challenge = JSON.stringify({ type: "url_verification", challenge: "x" });

      const unsigned = await send("/slack/events", challenge, { contentType: JSON_TYPE, unsigned: true });
      expect(unsigned.res.status).toBe(401);
      expect(((await unsigned.res.json()) as { error: { code: string } }).error.code).toBe(
        "missing_signature",
      );

      const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
      const stale = await send("/slack/events", challenge, {
        contentType: JSON_TYPE,
        timestamp: sixMinutesAgo,
      });
      expect(stale.res.status).toBe(401);
      expect(((await stale.res.json()) as { error: { code: string } }).error.code).toBe("stale_request");

      // A genuine signature over different bytes: the body was changed in transit.
      const genuine = slackSignatureHeaders(SECRET, challenge);
      const tampered = await fetch(`${base}/slack/events`, {
        method: "POST",
        headers: { "content-type": JSON_TYPE, ...genuine },
        body: challenge.replace('"x"', '"y"'),
      });
      expect(tampered.status).toBe(401);

      // Garbage that is not even JSON is still a 401, not a 400: nothing is parsed before the check.
      const garbage = await send("/slack/events", "{not json", { contentType: JSON_TYPE, secret: "wrong" });
      expect(garbage.res.status).toBe(401);

      expect(count("missing")).toBe(before.missing + 1);
      expect(count("stale")).toBe(before.stale + 1);
      expect(count("forged")).toBe(before.forged + 2);
    });

    it("rejects a replayed command (same signature again) with 401 and answers it once", async () => {
      const body = slashCommandBody({
        text: "what is a feature store?",
        responseUrl: slack.responseUrl("replay"),
      });
      const first = await send("/slack/commands", body);
      expect(first.res.status).toBe(200);
      const before = server.slack.metrics.get("requests_rejected", { reason: "replayed" });
      const again = await fetch(`${base}/slack/commands`, { method: "POST", headers: first.headers, body });
      expect(again.status).toBe(401);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe("replayed_request");
      expect(server.slack.metrics.get("requests_rejected", { reason: "replayed" })).toBe(before + 1);
      await server.slack.bot.drain();
      expect(slack.succeeded("response_url:replay")).toHaveLength(1);
    });

    it("answers 503 on a server without a signing secret instead of trusting anything", async () => {
      const unconfigured = createSlackSurface({
        settings: { signingSecret: undefined, botToken: undefined, apiUrl: slack.apiUrl },
        defaultCourse: "aie101",
        answerDeadlineMs: 30_000,
        db: server.tutor.db,
        pipeline: server.tutor.pipeline,
        conversations: server.tutor.conversations,
      });
      const body = slashCommandBody({ text: "hi", responseUrl: slack.responseUrl("unconfigured") });
      const res = await slackRoutes(unconfigured).request("/slack/commands", {
        method: "POST",
        headers: { "content-type": FORM, ...slackSignatureHeaders(SECRET, body) },
        body,
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("slack_not_configured");
    });

    it("answers signed but malformed requests with 400 and the error shape", async () => {
      const noResponseUrl = new URLSearchParams({
        command: "/tutor",
        text: "hi",
        team_id: "T",
        channel_id: "C",
      });
      const command = await send("/slack/commands", noResponseUrl.toString());
      expect(command.res.status).toBe(400);
      expect(((await command.res.json()) as { error: { code: string } }).error.code).toBe("invalid_request");

      const badJson = await send("/slack/interactions", "payload=%7Bnot-json");
      expect(badJson.res.status).toBe(400);
      expect(((await badJson.res.json()) as { error: { code: string } }).error.code).toBe("invalid_json");

      const sslCheck = await send("/slack/commands", "ssl_check=1&token=legacy-verification-token");
      expect(sslCheck.res.status).toBe(200);

      const event = await send("/slack/events", JSON.stringify({ type: "event_callback" }), {
        contentType: JSON_TYPE,
      });
      expect(event.res.status).toBe(400);
    });

    it("refuses NUL characters in an event id or a command with 400, not a database error", async () => {
      const nulEvent = await sendEvent("Ev\u0000", {
        type: "app_mention",
        text: "",
        channel: "C1",
        user: "U1",
      });
      expect(nulEvent.res.status).toBe(400);
      expect(((await nulEvent.res.json()) as { error: { code: string } }).error.code).toBe("invalid_request");

      const nulCommand = await send(
        "/slack/commands",
        new URLSearchParams({
          command: "/tutor",
          text: "what is drift\u0000",
          team_id: "T",
          channel_id: "C",
          user_id: "U",
          response_url: "http://127.0.0.1:9/hook",
        }).toString(),
      );
      expect(nulCommand.res.status).toBe(400);
    });
  });

  describe("events", () => {
    it("answers a mention in its thread through chat.postMessage, riding out a rate limit", async () => {
      slack.rateLimitNext("chat.postMessage", 1);
      const mention = JSON.stringify(
        eventEnvelope("EvMention1", {
          type: "app_mention",
          user: "USTUDENT1",
          text: "<@UTUTORBOT> what is data drift?",
          ts: "1700000100.000100",
          channel: "CMENTION",
        }),
      );
      const { status, ms } = await postFromOutside(
        `${base}/slack/events`,
        { "content-type": JSON_TYPE, ...slackSignatureHeaders(SECRET, mention) },
        mention,
      );
      expect(status).toBe(200);
      expect(ms).toBeLessThan(3000);
      await server.slack.bot.drain();
      const attempts = slack.calls.filter(
        (c) => c.method === "chat.postMessage" && c.body.channel === "CMENTION",
      );
      expect(attempts.map((c) => c.status)).toEqual([429, 200]);
      const [post] = postsIn("CMENTION");
      expect(post?.authorization).toBe("Bearer xoxb-course-tutor");
      expect(post?.body.thread_ts).toBe("1700000100.000100");
      expect(sectionTexts(post?.body.blocks).some((s) => s.startsWith("*Sources*"))).toBe(true);

      // A follow-up in the same thread continues the same tutor session.
      await sendEvent("EvMention2", {
        type: "app_mention",
        user: "USTUDENT2",
        text: "<@UTUTORBOT> how do I detect it?",
        ts: "1700000200.000100",
        thread_ts: "1700000100.000100",
        channel: "CMENTION",
      });
      await server.slack.bot.drain();
      const [first, second] = postsIn("CMENTION");
      expect(second?.body.thread_ts).toBe("1700000100.000100");
      const sessionOf = (call: RecordedCall | undefined) =>
        parseFeedbackValue(feedbackButtons(call?.body.blocks)[0]?.value ?? "")?.sessionId;
      expect(sessionOf(first)).toBeDefined();
      expect(sessionOf(second)).toBe(sessionOf(first));
    });

    it("answers a Slack retry of the same event once, even on another replica", async () => {
      const event = {
        type: "app_mention",
        user: "USTUDENT3",
        text: "<@UTUTORBOT> what is precision?",
        ts: "1700000300.000100",
        channel: "CRETRY",
      };
      // Slack re-sends the same bytes; only the signature headers and X-Slack-Retry-Num change.
      const body = JSON.stringify(eventEnvelope("EvRetry1", event));
      const first = await send("/slack/events", body, { contentType: JSON_TYPE });
      expect(first.res.status).toBe(200);
      const before = server.slack.metrics.get("retries_deduplicated");

      // Slack's retry: same event id, a new signature, and X-Slack-Retry-Num.
      const retry = await send("/slack/events", body, {
        contentType: JSON_TYPE,
        timestamp: Math.floor(Date.now() / 1000) + 1,
        headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
      });
      expect(retry.res.status).toBe(200);
      // A retry that re-sends the very same signed bytes is a retry too, not a replay.
      const resent = await fetch(`${base}/slack/events`, {
        method: "POST",
        headers: { ...first.headers, "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" },
        body,
      });
      expect(resent.status).toBe(200);

      // A second replica (its own surface and app, the same database) gets the retry as well.
      const replica = createSlackSurface({
        settings: server.tutor.config.slack,
        defaultCourse: server.tutor.config.defaultCourse,
        answerDeadlineMs: 30_000,
        db: server.tutor.db,
        pipeline: server.tutor.pipeline,
        conversations: server.tutor.conversations,
      });
      const replicaApp = createApp({
        searcher: server.tutor.searcher,
        pipeline: server.tutor.pipeline,
        conversations: server.tutor.conversations,
        defaultCourse: "aie101",
        readiness: { check: async () => ({ ready: true }) },
        extraRoutes: [slackRoutes(replica)],
      });
      const onReplica = await replicaApp.request("/slack/events", {
        method: "POST",
        headers: {
          "content-type": JSON_TYPE,
          "x-slack-retry-num": "3",
          ...slackSignatureHeaders(SECRET, body),
        },
        body,
      });
      expect(onReplica.status).toBe(200);

      await server.slack.bot.drain();
      await replica.bot.drain();
      expect(postsIn("CRETRY")).toHaveLength(1);
      expect(server.slack.metrics.get("retries_deduplicated")).toBeGreaterThanOrEqual(before + 1);
      expect(replica.metrics.get("retries_deduplicated", { kind: "event" })).toBe(1);
    });

    it("takes each signed event once, and each Slack retry of it once; other replays get 401", async () => {
      const body = JSON.stringify(
        eventEnvelope("EvReplay1", {
          type: "app_mention",
          user: "USTUDENT9",
          text: "<@UTUTORBOT> what is recall?",
          ts: "1700000350.000100",
          channel: "CREPLAY",
        }),
      );
      const first = await send("/slack/events", body, { contentType: JSON_TYPE });
      expect(first.res.status).toBe(200);
      const again = (headers: Record<string, string>) =>
        fetch(`${base}/slack/events`, { method: "POST", headers: { ...first.headers, ...headers }, body });
      const replayed = async (res: Response) => {
        expect(res.status).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("replayed_request");
      };
      // The same signed request again, without a retry header: a replay.
      await replayed(await again({}));
      // Slack's retry after a timeout may carry the same signature: accepted, answered once (event id).
      expect((await again({ "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" })).status).toBe(
        200,
      );
      expect((await again({ "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" })).status).toBe(
        200,
      );
      // The same retry twice is a replay, and so is a header that is not a retry number.
      await replayed(await again({ "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" }));
      await replayed(await again({ "x-slack-retry-num": "one" }));
      // Slack never retries commands: a repeated command is a replay whatever its headers say.
      const command = slashCommandBody({
        text: "what is recall?",
        responseUrl: slack.responseUrl("replay-retry"),
      });
      const sent = await send("/slack/commands", command);
      expect(sent.res.status).toBe(200);
      const resent = await fetch(`${base}/slack/commands`, {
        method: "POST",
        headers: { ...sent.headers, "x-slack-retry-num": "1" },
        body: command,
      });
      await replayed(resent);
      await server.slack.bot.drain();
      expect(postsIn("CREPLAY")).toHaveLength(1);
      expect(slack.succeeded("response_url:replay-retry")).toHaveLength(1);
    });

    it("ignores the bot's own messages, other bots and message subtypes", async () => {
      const ignoredBefore = server.slack.metrics.get("events_ignored");
      const dm = { type: "message", channel_type: "im", channel: "DIGNORE", text: "Data drift is…" };
      await sendEvent("EvOwn", { ...dm, user: "UTUTORBOT", bot_id: "BTUTOR", ts: "1700000400.000100" });
      await sendEvent("EvOtherBot", { ...dm, user: "UOTHERBOT", bot_id: "BOTHER", ts: "1700000401.000100" });
      await sendEvent("EvEdited", {
        ...dm,
        user: "USTUDENT4",
        subtype: "message_changed",
        ts: "1700000402.000100",
      });
      await sendEvent("EvChannelMsg", {
        type: "message",
        channel_type: "channel",
        channel: "DIGNORE",
        user: "USTUDENT4",
        text: "what is drift?",
        ts: "1700000403.000100",
      });
      await server.slack.bot.drain();
      expect(postsIn("DIGNORE")).toHaveLength(0);
      const metrics = server.slack.metrics;
      expect(metrics.get("events_ignored", { reason: "own_message" })).toBeGreaterThanOrEqual(1);
      expect(metrics.get("events_ignored", { reason: "bot" })).toBeGreaterThanOrEqual(1);
      expect(metrics.get("events_ignored", { reason: "subtype" })).toBeGreaterThanOrEqual(1);
      expect(metrics.get("events_ignored")).toBe(ignoredBefore + 4);
    });

    it("answers a direct message in the conversation, continuing the student's session", async () => {
      const dm = { type: "message", channel_type: "im", channel: "DSTUDENT5", user: "USTUDENT5" };
      await sendEvent("EvDm1", { ...dm, text: "How do I detect model drift?", ts: "1700000500.000100" });
      await sendEvent("EvDm2", { ...dm, text: "What about data drift?", ts: "1700000501.000100" });
      await server.slack.bot.drain();
      const posts = postsIn("DSTUDENT5");
      expect(posts).toHaveLength(2);
      expect(posts[0]?.body.thread_ts).toBeUndefined();
      const sessions = posts.map(
        (p) => parseFeedbackValue(feedbackButtons(p.body.blocks)[0]?.value ?? "")?.sessionId,
      );
      expect(sessions[0]).toBeDefined();
      expect(sessions[1]).toBe(sessions[0]);
    });

    it("refuses with the same guardrail wording as /v1/chat", async () => {
      const tooLong =
        `Please explain everything about data drift. ${"Also cover every detail. ".repeat(110)}`.trim();
      const chat = await server.app.request("/v1/chat", {
        method: "POST",
        headers: { "content-type": JSON_TYPE },
        body: JSON.stringify({ message: tooLong }),
      });
      const viaApi = (await chat.json()) as { status: string; answer: string };
      expect(viaApi.status).toBe("refused");

      await sendEvent("EvRefuse", {
        type: "message",
        channel_type: "im",
        channel: "DREFUSE",
        user: "USTUDENT7",
        text: tooLong,
        ts: "1700000550.000100",
      });
      await server.slack.bot.drain();
      const [post] = postsIn("DREFUSE");
      expect(sectionTexts(post?.body.blocks)).toEqual([viaApi.answer]);
    });

    it("replies with help to an empty mention", async () => {
      await sendEvent("EvHelp", {
        type: "app_mention",
        user: "USTUDENT6",
        text: "<@UTUTORBOT>",
        ts: "1700000600.000100",
        channel: "CHELP",
      });
      await server.slack.bot.drain();
      const [post] = postsIn("CHELP");
      expect(sectionTexts(post?.body.blocks).join("\n")).toContain("/tutor help");
    });
  });

  describe("slash commands", () => {
    it("answers `/tutor help` in the acknowledgement itself", async () => {
      const { res } = await send(
        "/slack/commands",
        slashCommandBody({ text: "help", responseUrl: slack.responseUrl("help") }),
      );
      expect(res.status).toBe(200);
      const ack = (await res.json()) as Json;
      expect(ack.response_type).toBe("ephemeral");
      const help = sectionTexts(ack.blocks).join("\n");
      expect(help).toContain("aie101");
      expect(help).toContain("`/tutor your question`");
      await server.slack.bot.drain();
      expect(slack.calls.some((c) => c.method === "response_url:help")).toBe(false);
    });

    it("acks in time while a slow pipeline is still working, and the answer arrives later", async () => {
      let release: () => void = () => {};
      answerer.gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const startedBefore = answerer.started;
      try {
        const body = slashCommandBody({
          text: "how do I detect data drift?",
          responseUrl: slack.responseUrl("slow"),
        });
        const { status, ms } = await postFromOutside(
          `${base}/slack/commands`,
          { "content-type": FORM, ...slackSignatureHeaders(SECRET, body) },
          body,
        );
        expect(status).toBe(200);
        expect(ms).toBeLessThan(3000);
        // The answer is still being worked on: the pipeline has started and nothing was delivered.
        await expect.poll(() => answerer.started, { timeout: 20_000 }).toBe(startedBefore + 1);
        expect(slack.calls.some((c) => c.method === "response_url:slow")).toBe(false);
      } finally {
        release();
        answerer.gate = undefined;
      }
      const [delivered] = await slack.waitForCalls("response_url:slow");
      expect(sectionTexts(delivered?.body.blocks)[0]).toMatch(/drift/i);
    });

    it("splits a long answer into sections within Slack's limits", async () => {
      answerer.repeat = 12;
      try {
        await send(
          "/slack/commands",
          slashCommandBody({ text: "what is data drift?", responseUrl: slack.responseUrl("long") }),
        );
        await server.slack.bot.drain();
      } finally {
        answerer.repeat = 1;
      }
      const posts = slack.succeeded("response_url:long");
      expect(posts.length).toBeGreaterThanOrEqual(1);
      const blocks = posts.flatMap((p) => p.body.blocks as SlackBlock[]);
      const sections = sectionTexts(blocks);
      const answerSections = sections.filter((s) => !s.startsWith("*Sources*"));
      expect(answerSections.length).toBeGreaterThan(1);
      for (const post of posts) expect((post.body.blocks as SlackBlock[]).length).toBeLessThanOrEqual(50);
      for (const text of sections) expect(text.length).toBeLessThanOrEqual(3000);
      expect(answerSections.join("").length).toBeGreaterThan(3000);
    });

    it("tells the student when their channel maps to a course the tutor does not have", async () => {
      await send(
        "/slack/commands",
        slashCommandBody({
          text: "what is data drift?",
          channelId: "CRETIRED",
          responseUrl: slack.responseUrl("unknown-course"),
        }),
      );
      await server.slack.bot.drain();
      const [post] = slack.succeeded("response_url:unknown-course");
      expect(sectionTexts(post?.body.blocks)[0]).toContain('"ml999"');
    });
  });

  describe("feedback buttons", () => {
    it("stores a button press through the conversation store and thanks the student", async () => {
      await send(
        "/slack/commands",
        slashCommandBody({ text: "what is data drift?", responseUrl: slack.responseUrl("fb-answer") }),
      );
      const [answer] = await slack.waitForCalls("response_url:fb-answer");
      const down = feedbackButtons(answer?.body.blocks).find((b) => b.action_id === "tutor_feedback_down");
      const ids = parseFeedbackValue(down?.value ?? "");
      expect(ids).toBeDefined();

      const payload = {
        type: "block_actions",
        user: { id: "USTUDENT1", username: "student" },
        team: { id: "TCOURSE", domain: "aie101" },
        channel: { id: "CGENERAL", name: "general" },
        container: { type: "message", is_ephemeral: true },
        response_url: slack.responseUrl("fb-thanks"),
        actions: [
          {
            type: "button",
            block_id: "tutor_feedback",
            action_id: down?.action_id,
            value: down?.value,
            action_ts: "1700000700.000100",
          },
        ],
      };
      const { res } = await send("/slack/interactions", interactionBody(payload));
      expect(res.status).toBe(200);
      const { rows } = await server.tutor.db.query<{ rating: string; session_id: string }>(
        "SELECT rating, session_id FROM feedback WHERE message_id = $1",
        [ids?.messageId ?? ""],
      );
      expect(rows).toEqual([{ rating: "down", session_id: ids?.sessionId }]);
      const [thanks] = await slack.waitForCalls("response_url:fb-thanks");
      expect(sectionTexts(thanks?.body.blocks)[0]).toMatch(/feedback was recorded/);

      // Pressing 👍 afterwards replaces the rating rather than adding a second one.
      const up = { ...payload, actions: [{ ...payload.actions[0], action_id: "tutor_feedback_up" }] };
      await send("/slack/interactions", interactionBody(up));
      const after = await server.tutor.db.query<{ rating: string }>(
        "SELECT rating FROM feedback WHERE message_id = $1",
        [ids?.messageId ?? ""],
      );
      expect(after.rows).toEqual([{ rating: "up" }]);
    });

    it("stores nothing for a button naming an unknown answer, and says so", async () => {
      const payload = {
        type: "block_actions",
        user: { id: "USTUDENT1" },
        response_url: slack.responseUrl("fb-unknown"),
        actions: [
          {
            action_id: "tutor_feedback_up",
            value: "00000000-0000-4000-8000-000000000000:00000000-0000-4000-8000-000000000001",
          },
        ],
      };
      const { res } = await send("/slack/interactions", interactionBody(payload));
      expect(res.status).toBe(200);
      const [note] = await slack.waitForCalls("response_url:fb-unknown");
      expect(sectionTexts(note?.body.blocks)[0]).toMatch(/couldn't record/);
      const { rows } = await server.tutor.db.query(
        "SELECT 1 FROM feedback WHERE message_id = '00000000-0000-4000-8000-000000000001'",
      );
      expect(rows).toHaveLength(0);
    });
  });
});
