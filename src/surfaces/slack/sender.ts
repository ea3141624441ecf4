import slackWebApi, { type Logger, LogLevel, type RetryOptions, WebClient } from "@slack/web-api";
import type { SlackMessage } from "./blocks.ts";

// Node's ESM loader cannot see `retryPolicies` among the CommonJS package's named exports
// (bundlers and vitest can); read it from the default export so `tutor serve` starts under Node.
const { retryPolicies } = slackWebApi;

/** Where an asynchronous answer goes. */
export interface SlackSender {
  /** Posts into a channel or DM, in `threadTs`'s thread when given (chat.postMessage). */
  postMessages(target: { channel: string; threadTs?: string }, messages: SlackMessage[]): Promise<void>;
  /** Posts one message and says where it landed, so it can be updated later. */
  postMessage(
    target: { channel: string; threadTs?: string },
    message: SlackMessage,
  ): Promise<{ channel: string; ts: string }>;
  /** Replaces a message the app posted (chat.update). */
  updateMessage(target: { channel: string; ts: string }, message: SlackMessage): Promise<void>;
  /** Opens a modal for the user whose interaction carried `triggerId` (views.open). */
  openView(triggerId: string, view: Record<string, unknown>): Promise<void>;
  /** Posts to a slash command's or button's `response_url`; ephemeral means only the asker sees it. */
  respond(
    responseUrl: string,
    messages: SlackMessage[],
    visibility: "ephemeral" | "in_channel",
  ): Promise<void>;
}

export class SlackDeliveryError extends Error {
  override name = "SlackDeliveryError";
}

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

export interface SlackSenderOptions {
  botToken: string | undefined;
  /** Slack's Web API base (`SLACK_API_URL`); a local fake in tests. */
  apiUrl?: string;
  /** @slack/web-api's retry policy for network errors and 5xx; rate limits wait for Retry-After. */
  retryConfig?: RetryOptions;
  /** response_url hosts we post to besides hooks.slack.com (the API host is always allowed). */
  extraResponseOrigins?: string[];
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

/** Outgoing Slack calls: chat.postMessage through @slack/web-api, response_url posts by fetch. */
export function createSlackSender(options: SlackSenderOptions): SlackSender {
  const apiUrl = withTrailingSlash(options.apiUrl ?? DEFAULT_SLACK_API_URL);
  const timeoutMs = options.requestTimeoutMs ?? 10_000;
  const client = createWebClient(options, apiUrl, timeoutMs);
  const allowedOrigins = new Set([
    "https://hooks.slack.com",
    new URL(apiUrl).origin,
    ...(options.extraResponseOrigins ?? []).map((o) => new URL(o).origin),
  ]);
  const fetchFn = options.fetch ?? fetch;

  const requireToken = () => {
    if (!options.botToken) throw new SlackDeliveryError("SLACK_BOT_TOKEN is not set; cannot post to Slack");
  };
  const post = async (target: { channel: string; threadTs?: string }, message: SlackMessage) => {
    requireToken();
    const reply = await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    return { channel: reply.channel ?? target.channel, ts: reply.ts ?? "" };
  };

  return {
    async postMessages(target, messages) {
      for (const message of messages) await post(target, message);
    },

    postMessage: post,

    async updateMessage(target, message) {
      requireToken();
      await client.chat.update({
        channel: target.channel,
        ts: target.ts,
        text: message.text,
        blocks: message.blocks,
      });
    },

    async openView(triggerId, view) {
      requireToken();
      // The view is built by the app from Block Kit's documented shapes; the SDK's types are stricter.
      await client.views.open({ trigger_id: triggerId, view: view as never });
    },

    async respond(responseUrl, messages, visibility) {
      let url: URL;
      try {
        url = new URL(responseUrl);
      } catch {
        throw new SlackDeliveryError("response_url is not a URL");
      }
      // A signed request vouches for its response_url, but a leaked secret must not turn us into
      // a proxy for arbitrary hosts.
      if (!allowedOrigins.has(url.origin))
        throw new SlackDeliveryError(`response_url host ${url.host} is not Slack's`);
      for (const message of messages) {
        await postJsonWithRetry(
          fetchFn,
          url,
          { ...message, response_type: visibility, replace_original: false },
          timeoutMs,
        );
      }
    },
  };
}

function createWebClient(options: SlackSenderOptions, apiUrl: string, timeoutMs: number): WebClient {
  return new WebClient(options.botToken, {
    slackApiUrl: apiUrl,
    retryConfig: options.retryConfig ?? retryPolicies.fiveRetriesInFiveMinutes,
    timeout: timeoutMs,
    rejectRateLimitedCalls: false,
    // Never let a method name turn into a request to some other host.
    allowAbsoluteUrls: false,
    logger: quietLogger(options.log ?? (() => {})),
  });
}

const RESPONSE_URL_ATTEMPTS = 4;
const MAX_RETRY_AFTER_SECONDS = 30;

/** response_url is a webhook, not a Web API method: same retry idea (Retry-After, backoff on 5xx). */
async function postJsonWithRetry(
  fetchFn: typeof fetch,
  url: URL,
  body: unknown,
  timeoutMs: number,
): Promise<void> {
  let lastProblem = "";
  for (let attempt = 0; attempt < RESPONSE_URL_ATTEMPTS; attempt++) {
    let waitMs = 250 * 2 ** attempt;
    try {
      const response = await fetchFn(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(body),
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
      if (response.status === 429) {
        const retryAfter = Number(response.headers.get("retry-after"));
        if (Number.isFinite(retryAfter) && retryAfter >= 0)
          waitMs = Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS) * 1000;
      } else if (response.status < 500) {
        break; // 4xx other than rate limits will not get better by asking again.
      }
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (attempt < RESPONSE_URL_ATTEMPTS - 1) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  throw new SlackDeliveryError(`posting to response_url failed: ${lastProblem}`);
}

function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

/** @slack/web-api's logger interface, routed to our log and without its console chatter. */
function quietLogger(log: (message: string) => void): Logger {
  let level: LogLevel = LogLevel.INFO;
  let name = "slack";
  const write = (...parts: unknown[]) => log(`[${name}] ${parts.map(String).join(" ")}`);
  return {
    debug: () => {},
    info: write,
    warn: write,
    error: write,
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}
