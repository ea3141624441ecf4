import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTutorClient,
  isTransient,
  NetworkError,
  TutorError,
  withRetry,
} from "../../../../src/surfaces/widget/client/api.ts";

/**
 * The widget's client against an HTTP server on 127.0.0.1 that writes replies the way the tutor
 * does, including awkward ones the real server rarely produces (split writes, cut streams). The
 * real server is exercised end to end in tests/e2e.
 */
type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end();
let server: Server;
let base: string;
const seen: { url: string; headers: IncomingMessage["headers"]; body: string }[] = [];

const REPLY = {
  sessionId: "0b6c7f2e-3c1a-4a53-9a55-1f2a3b4c5d6e",
  messageId: "7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  status: "answered",
  answer: "Drift is decline [1].",
  citations: [
    { n: 1, source: "week-09/notes.md", title: "Week 9", heading: "Drift", snippet: "Drift…", url: "/c#d" },
  ],
  timings: { total: 1 },
};

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ url: req.url ?? "", headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Writes `text` a few bytes at a time, so events and even characters arrive split. */
async function trickle(res: ServerResponse, text: string): Promise<void> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += 7) {
    res.write(bytes.subarray(i, i + 7));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

describe("createTutorClient().chat", () => {
  it("streams meta, tokens and citations, then returns the done reply", async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      void trickle(
        res,
        sse("meta", { sessionId: REPLY.sessionId }) +
          sse("token", { text: "Drift " }) +
          sse("token", { text: "is décline " }) +
          sse("token", { text: "[1]." }) +
          sse("citations", { citations: REPLY.citations }) +
          sse("done", REPLY),
      ).then(() => res.end());
    };
    const events: string[] = [];
    const client = createTutorClient({ base });
    const reply = await client.chat(
      { course: "aie101", message: "What is drift?", mode: "hint", sessionId: "abc" },
      {
        onSession: (id) => events.push(`session:${id}`),
        onToken: (text) => events.push(`token:${text}`),
        onCitations: (citations) => events.push(`citations:${citations.length}`),
      },
    );
    expect(events).toEqual([
      `session:${REPLY.sessionId}`,
      "token:Drift ",
      "token:is décline ",
      "token:[1].",
      "citations:1",
    ]);
    expect(reply.messageId).toBe(REPLY.messageId);
    expect(reply.citations[0]?.url).toBe("/c#d");

    const request = seen.at(-1);
    expect(request?.url).toBe("/v1/chat?course=aie101");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.accept).toBe("text/event-stream");
    expect(request?.headers["x-tutor-surface"]).toBe("widget");
    expect(JSON.parse(request?.body ?? "{}")).toEqual({
      course: "aie101",
      message: "What is drift?",
      mode: "hint",
      stream: true,
      sessionId: "abc",
    });
  });

  it("turns an error event into a TutorError with the server's status and words", async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(
        sse("token", { text: "Half" }) +
          sse("error", {
            status: 503,
            error: { code: "unavailable", message: "The database is unavailable." },
          }),
      );
    };
    const error = await createTutorClient({ base })
      .chat({ course: "aie101", message: "q", mode: "explain" }, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TutorError);
    expect(error).toMatchObject({
      status: 503,
      code: "unavailable",
      message: "The database is unavailable.",
    });
    expect(isTransient(error)).toBe(true);
  });

  it("reports HTTP errors with their code and Retry-After", async () => {
    handler = (_req, _body, res) => {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "12" });
      res.end(JSON.stringify({ error: { code: "rate_limited", message: "Too many requests." } }));
    };
    const error = await createTutorClient({ base })
      .chat({ course: "aie101", message: "q", mode: "explain" }, {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 12 });
    expect(isTransient(error)).toBe(false);

    handler = (_req, _body, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad gateway</html>");
    };
    const proxyError = await createTutorClient({ base })
      .chat({ course: "aie101", message: "q", mode: "explain" }, {})
      .catch((e: unknown) => e);
    expect(proxyError).toMatchObject({ status: 502, code: "http_error" });
    expect(isTransient(proxyError)).toBe(true);
  });

  it("accepts a plain JSON reply from a server that does not stream", async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(REPLY));
    };
    const reply = await createTutorClient({ base }).chat(
      { course: "aie101", message: "q", mode: "explain" },
      {},
    );
    expect(reply.answer).toBe(REPLY.answer);
  });

  it("refuses a reply it cannot read", async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(sse("done", { sessionId: 1, answer: "<b>x</b>" }));
    };
    const error = await createTutorClient({ base })
      .chat({ course: "aie101", message: "q", mode: "explain" }, {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: "bad_reply" });
  });

  it("calls a stream that stops before `done`, or a server that is not there, a network error", async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(sse("token", { text: "Drift" }));
      setTimeout(() => res.socket?.destroy(), 20);
    };
    const tokens: string[] = [];
    const cut = await createTutorClient({ base })
      .chat({ course: "aie101", message: "q", mode: "explain" }, { onToken: (t) => tokens.push(t) })
      .catch((e: unknown) => e);
    expect(cut).toBeInstanceOf(NetworkError);
    expect(tokens).toEqual(["Drift"]);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await createTutorClient({ base: `http://127.0.0.1:${port}/` })
      .chat({ course: "aie101", message: "q", mode: "explain" }, {})
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NetworkError);
    expect(isTransient(refused)).toBe(true);
  });
});

describe("createTutorClient().feedback", () => {
  it("posts the rating with the course in the query string", async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "recorded" }));
    };
    await createTutorClient({ base }).feedback({
      course: "ml200",
      sessionId: "s",
      messageId: "m",
      rating: "down",
    });
    const request = seen.at(-1);
    expect(request?.url).toBe("/v1/feedback?course=ml200");
    expect(JSON.parse(request?.body ?? "{}")).toEqual({ sessionId: "s", messageId: "m", rating: "down" });

    handler = (_req, _body, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ error: { code: "unknown_message", message: "unknown message for this session" } }),
      );
    };
    await expect(
      createTutorClient({ base }).feedback({ course: "ml200", sessionId: "s", messageId: "m", rating: "up" }),
    ).rejects.toMatchObject({ status: 404, code: "unknown_message" });
  });
});

describe("createTutorClient() escalations", () => {
  const receipt = {
    id: "e1",
    messageId: "m",
    status: "open",
    createdAt: "2025-01-01T00:00:00.000Z",
    typicalWaitMinutes: null,
    message: "Sent to the teaching staff.",
  };

  it("escalates with the course in the query string and reads the receipt", async () => {
    handler = (_req, _body, res) => {
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ escalation: receipt }));
    };
    const got = await createTutorClient({ base }).escalate({
      course: "ml200",
      sessionId: "s",
      messageId: "m",
    });
    expect(got).toMatchObject({ id: "e1", status: "open", typicalWaitMinutes: null });
    const request = seen.at(-1);
    expect(request?.url).toBe("/v1/escalations?course=ml200");
    expect(request?.headers["x-tutor-surface"]).toBe("widget");
    expect(JSON.parse(request?.body ?? "{}")).toEqual({ sessionId: "s", messageId: "m" });

    handler = (_req, _body, res) => {
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ escalation: { id: "e1" } }));
    };
    await expect(
      createTutorClient({ base }).escalate({ course: "ml200", sessionId: "s", messageId: "m" }),
    ).rejects.toMatchObject({ code: "bad_reply" });
  });

  it("polls a session's messages with a plain GET and reads the staff answers", async () => {
    handler = (_req, _body, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          sessionId: "s/1",
          course: "ml200",
          messages: [
            {
              id: "m",
              author: "tutor",
              question: "q",
              text: "a",
              status: "no_answer",
              citations: [],
              escalation: { id: "e1", status: "answered" },
            },
            {
              id: "x",
              author: "staff",
              text: "Garage B.",
              inReplyTo: "m",
              createdAt: "2025-01-01T00:00:00.000Z",
            },
          ],
        }),
      );
    };
    const messages = await createTutorClient({ base }).messages({ course: "ml200", sessionId: "s/1" });
    expect(messages.map((m) => m.author)).toEqual(["tutor", "staff"]);
    const request = seen.at(-1);
    expect(request?.url).toBe("/v1/sessions/s%2F1/messages?course=ml200");
    // No custom header: a cross-origin poll needs no preflight.
    expect(request?.headers["x-tutor-surface"]).toBeUndefined();
    expect(request?.headers["content-type"]).toBeUndefined();

    handler = (_req, _body, res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "unknown_session", message: "unknown session" } }));
    };
    await expect(
      createTutorClient({ base }).messages({ course: "ml200", sessionId: "s" }),
    ).rejects.toMatchObject({
      status: 404,
      code: "unknown_session",
    });
  });
});

describe("withRetry", () => {
  const noSleep = async () => {};

  it("retries transient failures with the given waits, then gives up", async () => {
    const waits: number[] = [];
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw new NetworkError("offline");
      },
      { delays: [10, 20], sleep: async (ms) => void waits.push(ms), shouldRetry: isTransient },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(calls).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  it("returns the first success and never retries a refusal of the request itself", async () => {
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw new NetworkError("reset");
        return "ok";
      },
      { delays: [1, 1], sleep: noSleep, shouldRetry: isTransient },
    );
    expect([value, calls]).toEqual(["ok", 2]);

    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw new TutorError(400, "invalid_request", "message: too long");
        },
        { delays: [1, 1], sleep: noSleep, shouldRetry: isTransient },
      ),
    ).rejects.toBeInstanceOf(TutorError);
    expect(calls).toBe(1);
  });
});
