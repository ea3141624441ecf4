import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url:<id>` for response_url posts. */
  method: string;
  /** The body as Slack would read it: form fields (JSON-valued ones decoded) or the JSON object. */
  body: Record<string, unknown>;
  authorization: string | undefined;
  contentType: string | undefined;
  /** What the fake answered: 200 or 429. */
  status: number;
  /** The Web API's JSON reply (`{ok, ts, …}`), for calls that got one. */
  reply?: Record<string, unknown>;
  at: number;
}

export interface FakeSlackApi {
  /** Base URL for `SLACK_API_URL` (ends in `/api/`). */
  apiUrl: string;
  origin: string;
  calls: RecordedCall[];
  /** A response_url the fake accepts; posts to it are recorded as `response_url:<id>`. */
  responseUrl(id: string): string;
  /** The next `count` calls of `method` get 429 with `Retry-After: seconds`. */
  rateLimitNext(method: string, seconds: number, count?: number): void;
  /** Resolves with the calls of `method` once at least `count` of them answered 200. */
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  succeeded(method: string): RecordedCall[];
  close(): Promise<void>;
}

/** A message the fake holds, so chat.update can find it as Slack would. */
interface PostedMessage {
  channel: string;
  ts: string;
  threadTs?: string;
}

/** Tokens the fake accepts, as Slack would for an installed app's bot token. */
const VALID_TOKEN = /^Bearer xoxb-[\w-]+$/;

/**
 * A local stand-in for Slack's Web API that speaks its protocol: POSTs to `/api/<method>` with
 * form-encoded (or JSON) bodies and a bearer token, `{ok:true,…}` / `{ok:false,error}` replies,
 * 429 with Retry-After when rate limited; and Slack's response_url webhooks (`/respond/<id>`),
 * which take JSON and answer `ok`. Every request is recorded. Methods: chat.postMessage (threads,
 * and a user id as the channel opens the app's DM), chat.update (of a message it holds),
 * views.open (a modal with a trigger id), auth.test.
 */
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const rateLimits = new Map<string, { seconds: number; remaining: number }>();
  const waiters = new Set<() => void>();
  const posted = new Map<string, PostedMessage>();
  let tsCounter = 0;
  let viewCounter = 0;

  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const wake of [...waiters]) wake();
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error) => {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(req);
    const contentType = req.headers["content-type"];
    const body = decodeBody(raw, contentType);
    const base = {
      body,
      authorization: req.headers.authorization,
      contentType,
      at: Date.now(),
    };

    const respondMatch = /^\/respond\/([\w-]+)$/.exec(url.pathname);
    if (req.method === "POST" && respondMatch) {
      const method = `response_url:${respondMatch[1]}`;
      if (takeRateLimit(method, res)) return record({ method, ...base, status: 429 });
      if (!contentType?.startsWith("application/json")) {
        res.writeHead(400, { "content-type": "text/plain" }).end("invalid_payload");
        return record({ method, ...base, status: 400 });
      }
      record({ method, ...base, status: 200 });
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }

    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (req.method !== "POST" || !apiMatch) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const method = apiMatch[1] as string;
    if (takeRateLimit(method, res)) return record({ method, ...base, status: 429 });
    const token = req.headers.authorization ?? (typeof body.token === "string" ? `Bearer ${body.token}` : "");
    const reply = VALID_TOKEN.test(token) ? answer(method, body) : { ok: false, error: "not_authed" };
    record({ method, ...base, status: 200, reply });
    sendJson(res, reply);
  }

  function takeRateLimit(method: string, res: ServerResponse): boolean {
    const limit = rateLimits.get(method);
    if (!limit || limit.remaining <= 0) return false;
    limit.remaining -= 1;
    res
      .writeHead(429, { "content-type": "application/json", "retry-after": String(limit.seconds) })
      .end(JSON.stringify({ ok: false, error: "ratelimited" }));
    return true;
  }

  function answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "chat.postMessage":
        return postMessage(body);
      case "chat.update": {
        if (typeof body.channel !== "string" || typeof body.ts !== "string")
          return { ok: false, error: "invalid_arguments" };
        if (!posted.has(`${body.channel}/${body.ts}`)) return { ok: false, error: "message_not_found" };
        if (body.text === undefined && body.blocks === undefined) return { ok: false, error: "no_text" };
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      }
      case "views.open":
        return openView(body);
      case "auth.test":
        return { ok: true, user_id: "UTUTORBOT", bot_id: "BTUTOR", team_id: "TCOURSE" };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  function postMessage(body: Record<string, unknown>): Record<string, unknown> {
    if (typeof body.channel !== "string" || body.channel === "")
      return { ok: false, error: "channel_not_found" };
    if (body.text === undefined && body.blocks === undefined) return { ok: false, error: "no_text" };
    if (Array.isArray(body.blocks) && body.blocks.length > 50) return { ok: false, error: "invalid_blocks" };
    const threadTs = typeof body.thread_ts === "string" ? body.thread_ts : undefined;
    if (threadTs && !/^\d+\.\d+$/.test(threadTs)) return { ok: false, error: "invalid_thread_ts" };
    // A user id as the channel posts into the app's DM with that user, whose id Slack returns.
    const channel = /^[UW]/.test(body.channel) ? `D${body.channel.slice(1)}` : body.channel;
    tsCounter += 1;
    const ts = `1700000000.${String(tsCounter).padStart(6, "0")}`;
    posted.set(`${channel}/${ts}`, { channel, ts, ...(threadTs ? { threadTs } : {}) });
    return {
      ok: true,
      channel,
      ts,
      message: {
        type: "message",
        text: body.text,
        blocks: body.blocks,
        ts,
        bot_id: "BTUTOR",
        ...(threadTs ? { thread_ts: threadTs } : {}),
      },
    };
  }

  function openView(body: Record<string, unknown>): Record<string, unknown> {
    if (typeof body.trigger_id !== "string" || body.trigger_id === "")
      return { ok: false, error: "invalid_trigger_id" };
    const view = body.view as Record<string, unknown> | undefined;
    if (!view || typeof view !== "object" || view.type !== "modal")
      return { ok: false, error: "invalid_arguments" };
    const title = view.title as { type?: string; text?: string } | undefined;
    if (title?.type !== "plain_text" || !title.text || title.text.length > 24)
      return { ok: false, error: "invalid_arguments" };
    if (!Array.isArray(view.blocks) || view.blocks.length > 100)
      return { ok: false, error: "invalid_arguments" };
    viewCounter += 1;
    return {
      ok: true,
      view: { ...view, id: `V${String(viewCounter).padStart(8, "0")}`, state: { values: {} } },
    };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const succeeded = (method: string) => calls.filter((c) => c.method === method && c.status === 200);

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    responseUrl: (id) => `${origin}/respond/${id}`,
    rateLimitNext(method, seconds, count = 1) {
      rateLimits.set(method, { seconds, remaining: count });
    },
    succeeded,
    waitForCalls(method, count = 1, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const done = succeeded(method);
          if (done.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(done);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `fake Slack: ${succeeded(method).length}/${count} ${method} calls after ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const wake of waiters) waiters.delete(wake);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/** Slack reads form bodies with JSON-encoded fields (blocks, attachments) and plain JSON bodies. */
function decodeBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === "") return {};
  if (contentType?.startsWith("application/json")) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return { _unparseable: raw };
    }
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return body;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}
