import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A small OpenAI-compatible chat server for tests, bound to 127.0.0.1. It speaks the real wire
 * protocol (`POST /v1/chat/completions`, JSON or SSE when `stream: true`; Ollama's NDJSON
 * `POST /api/chat` too) so the real LangChain clients can be pointed at it, and it misbehaves on
 * cue: slow replies, HTTP errors, dropped connections, malformed chunks, silence.
 */
export type Behaviour =
  /** A normal reply, optionally late (`delayMs` before the headers) and trickled (`tokenDelayMs`). */
  | { kind: "reply"; text: string; delayMs?: number; tokenDelayMs?: number; pieces?: string[] }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: "status"; status: number; message?: string; headers?: Record<string, string> }
  /** Cuts the TCP connection: before any byte, or after `afterPieces` streamed pieces. */
  | { kind: "drop"; afterPieces?: number; text?: string }
  /** Sends something that is not the protocol: a broken JSON body, or a broken SSE chunk. */
  | { kind: "malformed"; afterPieces?: number; text?: string }
  /** Accepts the request and never answers (until the server closes). */
  | { kind: "hang" };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: ChatRequestBody;
  receivedAt: number;
}

export interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  messages: { role: string; content: unknown }[];
  [key: string]: unknown;
}

export interface FakeOpenAiServer {
  /** Base URL to give the client, ending in `/v1`. */
  readonly url: string;
  /** Ollama-style base URL (no `/v1`). */
  readonly origin: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Queues behaviours for the next requests, in order. */
  script(...behaviours: Behaviour[]): void;
  /** What requests get once the queue is empty; by default a fixed reply. */
  setDefault(respond: Behaviour | ((request: RecordedRequest) => Behaviour)): void;
  /** Chat requests seen so far (not counting other paths). */
  readonly callCount: number;
  close(): Promise<void>;
}

export async function startOpenAiServer(port = 0): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const queue: Behaviour[] = [];
  let fallback: Behaviour | ((request: RecordedRequest) => Behaviour) = {
    kind: "reply",
    text: "This is the fake server's default reply [1].",
  };
  const sockets = new Set<Socket>();
  const openResponses = new Set<ServerResponse>();

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (req.method === "GET" && path === "/v1/models") {
      json(res, 200, { object: "list", data: [{ id: "fake-model", object: "model", owned_by: "tests" }] });
      return;
    }
    const isOpenAi = req.method === "POST" && path === "/v1/chat/completions";
    const isOllama = req.method === "POST" && path === "/api/chat";
    if (!isOpenAi && !isOllama) {
      json(res, 404, { error: { message: `no route ${req.method} ${path}`, type: "not_found" } });
      return;
    }
    let body: ChatRequestBody;
    try {
      body = JSON.parse(await readBody(req)) as ChatRequestBody;
    } catch {
      json(res, 400, { error: { message: "request body is not JSON", type: "invalid_request_error" } });
      return;
    }
    const recorded: RecordedRequest = { path, headers: req.headers, body, receivedAt: Date.now() };
    requests.push(recorded);
    const behaviour = queue.shift() ?? (typeof fallback === "function" ? fallback(recorded) : fallback);
    openResponses.add(res);
    res.on("close", () => openResponses.delete(res));
    if (isOllama) await serveOllama(res, body, behaviour);
    else await serveOpenAi(res, body, behaviour);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actualPort}`;

  return {
    url: `${origin}/v1`,
    origin,
    port: actualPort,
    requests,
    get callCount() {
      return requests.length;
    },
    script: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (respond) => {
      fallback = respond;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const res of openResponses) res.destroy();
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** Splits a reply into the pieces a streaming server would send: a word and its trailing space. */
export function splitIntoPieces(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request's whole body as text (shared by the fake servers in this folder). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function json(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(value);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

let completionCounter = 0;

async function serveOpenAi(res: ServerResponse, body: ChatRequestBody, behaviour: Behaviour): Promise<void> {
  const id = `chatcmpl-fake-${++completionCounter}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model ?? "fake-model";
  switch (behaviour.kind) {
    case "hang":
      return; // the response stays open until the client gives up or the server closes
    case "status":
      json(
        res,
        behaviour.status,
        { error: { message: behaviour.message ?? `fake failure ${behaviour.status}`, type: "server_error" } },
        behaviour.headers,
      );
      return;
    case "drop":
      if (!body.stream || behaviour.afterPieces === undefined) {
        res.socket?.destroy();
        return;
      }
      break;
    case "malformed":
      if (!body.stream) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"id": "broken", "choices": [ {"message": ');
        return;
      }
      break;
    case "reply":
      if (behaviour.delayMs) await sleep(behaviour.delayMs);
      if (res.destroyed) return;
      if (!body.stream) {
        json(res, 200, {
          id,
          object: "chat.completion",
          created,
          model,
          choices: [
            { index: 0, message: { role: "assistant", content: behaviour.text }, finish_reason: "stop" },
          ],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        });
        return;
      }
      break;
  }

  // Streaming: `data: {chunk}` events, then `data: [DONE]`.
  const text = "text" in behaviour && behaviour.text !== undefined ? behaviour.text : "Partial reply that ";
  const pieces = behaviour.kind === "reply" && behaviour.pieces ? behaviour.pieces : splitIntoPieces(text);
  const tokenDelay = behaviour.kind === "reply" ? (behaviour.tokenDelayMs ?? 0) : 5;
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res.write(chunk({ role: "assistant", content: "" }, null));
  const stopAfter =
    behaviour.kind === "drop" || behaviour.kind === "malformed"
      ? (behaviour.afterPieces ?? 0)
      : pieces.length;
  for (let i = 0; i < Math.min(stopAfter, pieces.length); i++) {
    if (tokenDelay) await sleep(tokenDelay);
    if (res.destroyed) return;
    res.write(chunk({ content: pieces[i] }, null));
  }
  if (behaviour.kind === "drop") {
    await sleep(10);
    res.socket?.destroy();
    return;
  }
  if (behaviour.kind === "malformed") {
    res.write('data: {"id": "broken", "choices": [{"delta": {"content": \n\n');
    await sleep(10);
    res.end();
    return;
  }
  res.write(chunk({}, "stop"));
  if ((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage) {
    res.write(
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: pieces.length, total_tokens: 10 + pieces.length } })}\n\n`,
    );
  }
  res.write("data: [DONE]\n\n");
  res.end();
}

async function serveOllama(res: ServerResponse, body: ChatRequestBody, behaviour: Behaviour): Promise<void> {
  const model = body.model ?? "fake-model";
  const line = (content: string, done: boolean) =>
    `${JSON.stringify({
      model,
      created_at: new Date().toISOString(),
      message: { role: "assistant", content },
      done,
      ...(done ? { done_reason: "stop", prompt_eval_count: 10, eval_count: 10 } : {}),
    })}\n`;
  switch (behaviour.kind) {
    case "hang":
      return;
    case "status":
      json(res, behaviour.status, { error: behaviour.message ?? `fake failure ${behaviour.status}` });
      return;
    case "drop":
      if (behaviour.afterPieces === undefined) {
        res.socket?.destroy();
        return;
      }
      break;
    case "reply":
      if (behaviour.delayMs) await sleep(behaviour.delayMs);
      break;
    case "malformed":
      break;
  }
  if (res.destroyed) return;
  const text = "text" in behaviour && behaviour.text !== undefined ? behaviour.text : "Partial reply that ";
  const pieces = behaviour.kind === "reply" && behaviour.pieces ? behaviour.pieces : splitIntoPieces(text);
  res.writeHead(200, { "content-type": "application/x-ndjson" });
  const stopAfter =
    behaviour.kind === "drop" || behaviour.kind === "malformed"
      ? (behaviour.afterPieces ?? 0)
      : pieces.length;
  for (let i = 0; i < Math.min(stopAfter, pieces.length); i++) {
    if (behaviour.kind === "reply" && behaviour.tokenDelayMs) await sleep(behaviour.tokenDelayMs);
    if (res.destroyed) return;
    res.write(line(pieces[i] ?? "", false));
  }
  if (behaviour.kind === "drop") {
    res.socket?.destroy();
    return;
  }
  if (behaviour.kind === "malformed") {
    res.end('{"model": "broken", "message": {"content": \n');
    return;
  }
  res.end(line("", true));
}

/**
 * A grounded reply to the tutor's prompt: the first sentence of each of the first `count`
 * numbered sources, each cited with its number, as a well-behaved model would answer.
 */
export function quoteSources(request: RecordedRequest, count = 2): string {
  const last = request.body.messages.at(-1);
  const prompt = typeof last?.content === "string" ? last.content : "";
  const sentences: string[] = [];
  for (const match of prompt.matchAll(/^\[(\d+)\] [^\n]*\n([^\n]+)/gm)) {
    if (sentences.length >= count) break;
    const first = /^(.{20,}?[.!?])(?:\s|$)/.exec(match[2] ?? "")?.[1] ?? match[2] ?? "";
    sentences.push(`${first.replace(/[.!?]$/, "")} [${match[1]}].`);
  }
  return sentences.join(" ") || "NOT_IN_MATERIAL";
}
