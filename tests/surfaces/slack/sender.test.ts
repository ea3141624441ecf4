import { retryPolicies } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderNotice } from "../../../src/surfaces/slack/blocks.ts";
import { createSlackSender, SlackDeliveryError } from "../../../src/surfaces/slack/sender.ts";
import { type FakeSlackApi, startFakeSlackApi } from "../../helpers/fake-slack-api.ts";

describe("outgoing Slack calls against a local Slack Web API", () => {
  let slack: FakeSlackApi;
  const logs: string[] = [];
  const sender = () =>
    createSlackSender({
      botToken: "xoxb-test-token",
      apiUrl: slack.apiUrl,
      retryConfig: retryPolicies.rapidRetryPolicy,
      log: (m) => logs.push(m),
    });

  beforeAll(async () => {
    slack = await startFakeSlackApi();
  });
  afterAll(() => slack.close());

  it("posts Block Kit messages in a thread with the bot token, riding out a rate limit", async () => {
    slack.rateLimitNext("chat.postMessage", 1);
    const message = renderNotice("Hello **class**");
    const started = Date.now();
    await sender().postMessages({ channel: "CGENERAL", threadTs: "1700.0001" }, [message, message]);
    const attempts = slack.calls.filter((c) => c.method === "chat.postMessage");
    expect(attempts.map((c) => c.status)).toEqual([429, 200, 200]);
    // @slack/web-api waited out Retry-After before trying again.
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const posted = attempts[1];
    expect(posted?.authorization).toBe("Bearer xoxb-test-token");
    expect(posted?.body).toMatchObject({
      channel: "CGENERAL",
      thread_ts: "1700.0001",
      text: "Hello **class**",
    });
    expect(posted?.body.blocks).toEqual(message.blocks);
    expect(logs.join("\n")).toMatch(/rate limit/i);
  });

  it("surfaces Slack's ok:false errors", async () => {
    await expect(sender().postMessages({ channel: "" }, [renderNotice("x")])).rejects.toThrow(
      /channel_not_found/,
    );
  });

  it("refuses to post without a bot token", async () => {
    const noToken = createSlackSender({ botToken: undefined, apiUrl: slack.apiUrl });
    await expect(noToken.postMessages({ channel: "C1" }, [renderNotice("x")])).rejects.toBeInstanceOf(
      SlackDeliveryError,
    );
  });

  it("posts JSON to a response_url and retries after a 429", async () => {
    const url = slack.responseUrl("sender-1");
    slack.rateLimitNext("response_url:sender-1", 0);
    await sender().respond(url, [renderNotice("Your answer")], "ephemeral");
    const calls = slack.calls.filter((c) => c.method === "response_url:sender-1");
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]?.contentType).toMatch(/^application\/json/);
    expect(calls[1]?.body).toMatchObject({
      response_type: "ephemeral",
      replace_original: false,
      text: "Your answer",
    });
  });

  it("will not post a response_url to a host that is not Slack's", async () => {
    const before = slack.calls.length;
    await expect(
      sender().respond("http://127.0.0.2:9/respond/evil", [renderNotice("x")], "ephemeral"),
    ).rejects.toThrow(/not Slack's/);
    expect(slack.calls.length).toBe(before);
  });
});
