import type { ServerResponse } from "node:http";
import { type Context, Hono } from "hono";
import {
  blockActionsSchema,
  envelopeTypeSchema,
  eventCallbackSchema,
  MAX_SIGNATURE_AGE_SECONDS,
  type SlackSurface,
  slashCommandSchema,
  urlVerificationSchema,
  verifySignature,
} from "../../slack/index.ts";
import { parseJsonText, validateBody } from "../body.ts";
import { ApiError, errorBody } from "../errors.ts";

/** A signature stays "seen" a little longer than it could ever be accepted (clock skew both ways). */
const SIGNATURE_MEMORY_SECONDS = 2 * MAX_SIGNATURE_AGE_SECONDS + 60;
/** Slack retries an event for about an hour; a day covers that with room to spare. */
const EVENT_MEMORY_SECONDS = 24 * 60 * 60;

const REJECTIONS = {
  missing: ["missing_signature", "The request is not signed by Slack."],
  forged: ["invalid_signature", "The request signature does not match."],
  stale: ["stale_request", "The request timestamp is outside the five-minute window."],
  replayed: ["replayed_request", "This exact request was already received."],
} as const;

/**
 * `/slack/events`, `/slack/commands`, `/slack/interactions`. Each request's signature is checked
 * against the raw body before anything parses it; Slack gets its acknowledgement at once and the
 * answer follows asynchronously (a thread reply or the command's response_url).
 */
export function slackRoutes(surface: SlackSurface): Hono {
  const app = new Hono();

  app.post("/slack/events", async (c) => {
    const raw = await verified(surface, c, { retriesAllowed: true });
    if (raw instanceof Response) return raw;
    const body = parseJsonText(raw);
    const { type } = validateBody(envelopeTypeSchema, body);
    if (type === "url_verification") {
      return c.json({ challenge: validateBody(urlVerificationSchema, body).challenge });
    }
    if (type !== "event_callback") return c.body(null, 200);
    const envelope = validateBody(eventCallbackSchema, body);
    if (!(await surface.seen.firstSighting(`event:${envelope.event_id}`, EVENT_MEMORY_SECONDS))) {
      surface.metrics.increment("retries_deduplicated", { kind: "event" });
      return c.body(null, 200);
    }
    await surface.bot.handleEvent(envelope, acknowledged(c));
    return c.body(null, 200);
  });

  app.post("/slack/commands", async (c) => {
    const raw = await verified(surface, c, { retriesAllowed: false });
    if (raw instanceof Response) return raw;
    const form = new URLSearchParams(raw);
    // Slack occasionally checks the command URL's certificate with a bare `ssl_check=1` post.
    if (form.get("ssl_check") === "1") return c.body(null, 200);
    const command = validateBody(slashCommandSchema, Object.fromEntries(form));
    return c.json(await surface.bot.handleCommand(command, acknowledged(c)));
  });

  app.post("/slack/interactions", async (c) => {
    const raw = await verified(surface, c, { retriesAllowed: false });
    if (raw instanceof Response) return raw;
    const payloadText = new URLSearchParams(raw).get("payload");
    if (payloadText === null) throw new ApiError(400, "invalid_request", "payload: missing");
    const payload = parseJsonText(payloadText);
    // Shortcuts, modals and the like are not ours; Slack only needs to hear they arrived.
    if (validateBody(envelopeTypeSchema, payload).type !== "block_actions") return c.body(null, 200);
    await surface.bot.handleBlockActions(validateBody(blockActionsSchema, payload), acknowledged(c));
    return c.body(null, 200);
  });

  return app;
}

/** The raw body of a genuine, fresh, first-seen Slack request, or the 401/503 to send instead. */
async function verified(
  surface: SlackSurface,
  c: Context,
  options: { retriesAllowed: boolean },
): Promise<string | Response> {
  const secret = surface.signingSecret;
  if (!secret) {
    return c.json(errorBody("slack_not_configured", "SLACK_SIGNING_SECRET is not set on this server."), 503);
  }
  let rawBody: string;
  try {
    rawBody = await c.req.text();
  } catch {
    throw new ApiError(400, "invalid_body", "The request body could not be read.");
  }
  const signature = c.req.header("x-slack-signature");
  const check = verifySignature({
    secret,
    timestamp: c.req.header("x-slack-request-timestamp"),
    signature,
    rawBody,
    nowSeconds: surface.nowSeconds(),
  });
  if (!check.ok) return reject(surface, c, check.problem);
  // A signature is taken once. Slack re-sends an event it thinks was lost (its first delivery
  // timed out) with `X-Slack-Retry-Num`, sometimes with the very same signed bytes: each retry
  // number is taken once too, and /slack/events answers the event itself once by its id.
  const retry = options.retriesAllowed ? retryNumber(c.req.header("x-slack-retry-num")) : undefined;
  const fresh = await surface.seen.firstSighting(`sig:${signature}`, SIGNATURE_MEMORY_SECONDS);
  const freshRetry =
    retry !== undefined &&
    (await surface.seen.firstSighting(`sig:${signature}:retry:${retry}`, SIGNATURE_MEMORY_SECONDS));
  if (retry === undefined ? !fresh : !freshRetry) return reject(surface, c, "replayed");
  surface.metrics.increment("requests_verified");
  return rawBody;
}

/** Slack numbers its retries 1, 2, 3; anything else in the header does not make a retry. */
function retryNumber(header: string | undefined): number | undefined {
  return header !== undefined && /^[1-9]\d?$/.test(header) ? Number(header) : undefined;
}

function reject(surface: SlackSurface, c: Context, reason: keyof typeof REJECTIONS): Response {
  surface.metrics.increment("requests_rejected", { reason });
  const [code, message] = REJECTIONS[reason];
  return c.json(errorBody(code, message), 401);
}

/**
 * Resolves once the acknowledgement has been written. Answering is CPU work on this same thread
 * (embedding, ranking, the embedded database); started any earlier it would hold the
 * acknowledgement back past Slack's 3 seconds. Outside a Node server, the next turn will do.
 */
function acknowledged(c: Context): Promise<void> {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  return new Promise((resolve) => {
    if (!outgoing || typeof outgoing.once !== "function") {
      setImmediate(resolve);
      return;
    }
    if (outgoing.writableFinished || outgoing.destroyed) return resolve();
    outgoing.once("finish", () => resolve());
    outgoing.once("close", () => resolve());
    // Never strand an answer on a response that neither finishes nor closes.
    setTimeout(resolve, 5_000).unref();
  });
}
