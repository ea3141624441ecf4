import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/app/server.ts";
import { startSeededServer } from "../helpers/server.ts";
import { slackSignatureHeaders } from "../surfaces/slack/signed-request.ts";

/**
 * Property-based fuzzing of every JSON endpoint over real HTTP: malformed JSON, wrong types,
 * huge strings, deep nesting, invalid UTF-8 and unicode edge cases. Whatever arrives, the server
 * answers below 500, and every error is `{error:{code, message}}` (SSE error events included).
 * Runs are bounded by count and by time so the suite stays cheap on two cores.
 */

const ADMIN_TOKEN = "fuzz-admin-token";
const SLACK_SECRET = "fuzz-slack-signing-secret";
/** Per endpoint: at most this many cases, and at most this long. */
const RUNS = 120;
const TIME_LIMIT_MS = 8_000;
/** An API key for the OpenAI-compatible endpoint, issued once the server is up. */
let fuzzApiKey = "";

type Body = { text?: string; bytes?: Uint8Array; contentType?: string };

/** Strings that have broken text handling somewhere before. */
const unicodeEdges = [
  "\u0000",
  "a\u0000b",
  "\uFEFFwhat is drift?",
  "\uD800",
  "\uDFFF lone low surrogate",
  "\uD83D\uDE00\u200D\uD83D\uDCBB",
  "\u202Eevil right-to-left override",
  "line\u2028separator\u2029paragraph",
  "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
  "\uFFFE\uFFFF",
  "\u{10FFFF}\u{1F600}\u{E0001}",
  "ｆｕｌｌｗｉｄｔｈ　ｓｐａｃｅ",
  "Z̴̧̛͓̈́a̶̡͔̔l̵̢̛̜g̶̣̈́o̷̥̊",
  "   \t\n\r  ",
  "<script>alert(1)</script>",
  "'; DROP TABLE chunks; --",
  "%00%ff%fe",
  "\\u0000",
  "\u0085\u00A0\u1680\u180E",
];

const edgeString = fc.oneof(
  fc.constantFrom(...unicodeEdges),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.tuple(fc.constantFrom(...unicodeEdges), fc.string({ maxLength: 20 })).map(([a, b]) => `${b}${a}${b}`),
);
const hugeString = fc
  .tuple(fc.integer({ min: 2_000, max: 90_000 }), fc.constantFrom("a", "é", "\u{1F600}", "drift ", "\u0000"))
  .map(([length, piece]) => piece.repeat(Math.ceil(length / piece.length)));
const deepValue = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.constantFrom("array", "object"))
  .map(([depth, kind]) => {
    let value: unknown = "bottom";
    // Built iteratively: the point is what the server does with it, not our own stack.
    for (let i = 0; i < Math.min(depth, 2_000); i++) value = kind === "array" ? [value] : { nested: value };
    return value;
  });
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -0),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  deepValue,
);

const courseLike = fc.oneof(
  fc.constantFrom(
    "aie101",
    "AIE101",
    "nope",
    "a",
    "x".repeat(64),
    "x".repeat(65),
    "../etc",
    "aie101~staging",
  ),
  edgeString,
);
const uuidLike = fc.oneof(fc.uuid(), fc.constant("00000000-0000-0000-0000-000000000000"), edgeString);
const question = fc.oneof(
  fc.constantFrom("What is model drift?", "how does BM25 rank documents", "best lasagna recipe?"),
  edgeString,
  hugeString,
);

/** A field's plausible values mixed with wrong types, edge strings and huge ones. */
const field = (plausible: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 2, arbitrary: wrongType }, edgeString, hugeString);

interface Endpoint {
  method: "POST" | "PUT";
  path: string;
  /** Per field: its plausible values mixed with wrong types, edge strings and huge ones. */
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** Bodies that pass validation (or nearly), so the fuzz reaches the handlers behind it. */
  valid: fc.Arbitrary<Record<string, unknown>>;
  headers?: (raw: string) => Record<string, string>;
}

const filters = fc.record(
  {
    week: fc.oneof(fc.integer({ min: -5, max: 100 }), wrongType),
    sourcePrefix: field(fc.constantFrom("week-0", "")),
  },
  { requiredKeys: [] },
);

/** Text that passes validation (non-empty, within limits) but is unusual: NUL, surrogates, RTL… */
const validText = fc
  .oneof(
    fc.constantFrom("What is model drift?", "how does BM25 rank documents", "best lasagna recipe?"),
    edgeString,
    fc.tuple(edgeString, fc.constantFrom("drift", "tokens", "cache")).map(([a, b]) => `${a} ${b} ${a}`),
  )
  .filter((text) => text.trim().length > 0 && text.length <= 2_000);
const validFilters = fc.record(
  {
    week: fc.integer({ min: 0, max: 60 }),
    sourcePrefix: fc.oneof(fc.constantFrom("week-0", ""), edgeString),
  },
  { requiredKeys: [] },
);

const endpoints: Endpoint[] = [
  {
    method: "POST",
    path: "/v1/search",
    valid: fc.record(
      {
        query: validText,
        course: fc.constantFrom("aie101", "nope", "fzempty"),
        k: fc.integer({ min: 1, max: 50 }),
        filters: validFilters,
        mode: fc.constantFrom("bm25", "vector", "hybrid"),
        rerank: fc.boolean(),
      },
      { requiredKeys: ["query"] },
    ),
    fields: {
      course: field(courseLike),
      query: field(question),
      k: field(fc.integer({ min: -3, max: 100 })),
      filters: field(filters),
      mode: field(fc.constantFrom("bm25", "vector", "hybrid", "other")),
      rerank: field(fc.boolean()),
    },
  },
  {
    method: "POST",
    path: "/v1/chat",
    valid: fc.record(
      {
        message: validText,
        course: fc.constantFrom("aie101", "nope", "fzempty"),
        sessionId: fc.oneof(fc.uuid(), fc.constant("not-a-session")),
        stream: fc.boolean(),
        mode: fc.constantFrom("explain", "hint", "quiz"),
        filters: validFilters,
      },
      { requiredKeys: ["message"] },
    ),
    fields: {
      course: field(courseLike),
      message: field(question),
      sessionId: field(uuidLike),
      stream: field(fc.boolean()),
      mode: field(fc.constantFrom("explain", "hint", "quiz", "other")),
      filters: field(filters),
    },
  },
  {
    method: "POST",
    path: "/v1/feedback",
    valid: fc.record(
      {
        sessionId: fc.uuid(),
        messageId: fc.uuid(),
        rating: fc.constantFrom("up", "down"),
        comment: fc.oneof(edgeString, fc.string({ maxLength: 2_000 })),
      },
      { requiredKeys: ["sessionId", "messageId", "rating"] },
    ),
    fields: {
      sessionId: field(uuidLike),
      messageId: field(uuidLike),
      rating: field(fc.constantFrom("up", "down", "sideways")),
      comment: field(edgeString),
    },
  },
  {
    method: "POST",
    path: "/v1/chat/completions",
    valid: fc.record(
      {
        model: fc.constantFrom("tutor/aie101", "tutor/aie101", "tutor/nope", "gpt-4o"),
        // Earlier turns of any role, then the question.
        messages: fc
          .tuple(
            fc.array(
              fc.record({ role: fc.constantFrom("user", "assistant", "system"), content: validText }),
              {
                maxLength: 3,
              },
            ),
            validText,
          )
          .map(([earlier, question]) => [...earlier, { role: "user", content: question }]),
        stream: fc.boolean(),
        mode: fc.constantFrom("explain", "hint", "quiz"),
        user: fc.oneof(edgeString, fc.string({ maxLength: 40 })),
      },
      { requiredKeys: ["model", "messages"] },
    ),
    // A real key, so the fuzzed body gets past authentication to the parser behind it.
    headers: () => ({ authorization: `Bearer ${fuzzApiKey}` }),
    fields: {
      model: field(fc.constantFrom("tutor/aie101", "tutor/", "tutor/../etc")),
      messages: field(
        fc.array(
          fc.record(
            {
              role: field(fc.constantFrom("user", "assistant", "tool", "robot")),
              content: field(
                fc.oneof(question, fc.array(fc.record({ type: fc.constant("text"), text: question }))),
              ),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
      ),
      stream: field(fc.boolean()),
      n: field(fc.integer({ min: -1, max: 3 })),
      mode: field(fc.constantFrom("explain", "other")),
      user: field(edgeString),
    },
  },
  {
    method: "POST",
    path: "/admin/courses/aie101/api-keys",
    valid: fc.record({ name: fc.oneof(edgeString, fc.string({ maxLength: 100 })) }),
    headers: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }),
    fields: { name: field(edgeString) },
  },
  {
    method: "POST",
    path: "/admin/lti/platforms",
    valid: fc.record(
      {
        issuer: fc.oneof(fc.webUrl(), edgeString),
        clientId: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), edgeString),
        authEndpoint: fc.webUrl(),
        jwksUrl: fc.webUrl(),
        deploymentIds: fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), edgeString), {
          maxLength: 3,
        }),
        courses: fc.oneof(fc.constant(null), fc.array(courseLike, { maxLength: 3 })),
      },
      { requiredKeys: ["issuer", "clientId", "authEndpoint", "jwksUrl"] },
    ),
    headers: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }),
    fields: {
      issuer: field(fc.webUrl()),
      clientId: field(edgeString),
      authEndpoint: field(fc.oneof(fc.webUrl(), edgeString)),
      jwksUrl: field(fc.oneof(fc.webUrl(), edgeString)),
      deploymentIds: field(fc.array(edgeString, { maxLength: 3 })),
      courses: field(fc.array(courseLike, { maxLength: 3 })),
    },
  },
  {
    method: "POST",
    path: "/admin/ingest",
    valid: fc.record({
      course: fc.stringMatching(/^fz[a-z0-9]{1,8}$/),
      dir: fc.constantFrom("/nonexistent-fuzz-dir", "/nonexistent-fuzz-dir/a b", "relative/missing"),
    }),
    headers: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }),
    // Only folders that cannot exist: a fuzzer must never ingest the machine's real directories.
    fields: {
      course: field(courseLike),
      dir: fc.oneof(
        wrongType,
        edgeString.map((s) => `/nonexistent-fuzz-dir/${s.replace(/\.\./g, "")}`),
      ),
    },
  },
  {
    method: "POST",
    path: "/admin/courses",
    valid: fc.record(
      {
        id: fc.stringMatching(/^fz[a-z0-9]{1,8}$/),
        title: fc.oneof(edgeString, fc.string({ maxLength: 200 })),
        allowedOrigins: fc.array(fc.oneof(fc.webUrl(), fc.constant("https://example.edu")), { maxLength: 3 }),
      },
      { requiredKeys: ["id"] },
    ),
    headers: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }),
    fields: {
      id: field(fc.oneof(courseLike, fc.stringMatching(/^fz[a-z0-9]{1,8}$/))),
      title: field(edgeString),
      allowedOrigins: field(fc.array(fc.oneof(fc.webUrl(), edgeString), { maxLength: 4 })),
    },
  },
  {
    method: "PUT",
    path: "/admin/courses/aie101/origins",
    valid: fc.record({
      allowedOrigins: fc.oneof(
        fc.constant(null),
        fc.array(fc.constantFrom("https://example.edu", "*"), { maxLength: 2 }),
      ),
    }),
    headers: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }),
    fields: {
      allowedOrigins: field(fc.oneof(fc.constant(null), fc.array(fc.oneof(fc.webUrl(), edgeString)))),
    },
  },
  {
    method: "POST",
    path: "/admin/evals",
    valid: fc.record(
      {
        course: fc.constantFrom("aie101", "nope"),
        // Cases that do not parse as cases: a fuzzer must not start real evaluation jobs.
        dataset: fc.oneof(
          edgeString.map((s) => `${s}\n{`),
          fc.array(wrongType, { minLength: 1, maxLength: 3 }),
        ),
        split: fc.constantFrom("dev", "test", "all"),
      },
      { requiredKeys: ["course", "dataset"] },
    ),
    headers: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }),
    fields: {
      course: field(courseLike),
      dataset: field(fc.oneof(edgeString, fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }))),
      datasetPath: field(edgeString.map((s) => `/nonexistent-fuzz-dir/${s}`)),
      name: field(edgeString),
      configs: field(fc.oneof(edgeString, fc.array(edgeString, { maxLength: 3 }))),
      split: field(fc.constantFrom("dev", "test", "all", "train")),
    },
  },
  {
    method: "PUT",
    path: "/admin/courses/fzempty/settings",
    valid: fc.record(
      {
        title: fc.string({ maxLength: 200 }),
        releases: fc.array(
          fc.record({
            week: fc.integer({ min: 0, max: 60 }),
            from: fc.constantFrom("2026-09-07", "2026-02-30"),
          }),
          { maxLength: 3 },
        ),
        defaultMode: fc.constantFrom("explain", "hint", "quiz", null),
        llm: fc.oneof(fc.boolean(), fc.constant(null)),
        slack: fc.record({ channels: fc.array(fc.constantFrom("C0123", "c#general"), { maxLength: 2 }) }),
        guard: fc.constantFrom({ "input.off_topic": { enabled: false } }, { "input.nope": {} }, null),
      },
      { requiredKeys: [] },
    ),
    headers: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }),
    fields: {
      title: field(edgeString),
      releases: field(
        fc.array(fc.record({ week: field(fc.integer()), from: field(edgeString) }), { maxLength: 3 }),
      ),
      defaultMode: field(fc.constantFrom("explain", "lecture")),
      llm: field(fc.boolean()),
      guard: field(fc.jsonValue({ maxDepth: 3 })),
      slack: field(fc.jsonValue({ maxDepth: 2 })),
    },
  },
  {
    method: "POST",
    path: "/admin/auth/login",
    valid: fc.record({ email: fc.emailAddress(), password: fc.string({ minLength: 1, maxLength: 200 }) }),
    fields: { email: field(edgeString), password: field(edgeString) },
  },
  {
    method: "POST",
    path: "/admin/invites",
    valid: fc.record(
      {
        email: fc.emailAddress(),
        role: fc.constantFrom("admin", "instructor", "ta"),
        course: fc.constantFrom("aie101", "nope", "fzempty"),
      },
      { requiredKeys: ["email", "role"] },
    ),
    headers: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }),
    fields: {
      email: field(edgeString),
      role: field(fc.constantFrom("admin", "owner")),
      course: field(courseLike),
    },
  },
  {
    method: "POST",
    path: "/admin/courses/fzempty/playground",
    valid: fc.record(
      { message: validText, mode: fc.constantFrom("explain", "hint", "quiz") },
      { requiredKeys: ["message"] },
    ),
    headers: () => ({ authorization: `Bearer ${ADMIN_TOKEN}` }),
    fields: {
      message: field(question),
      mode: field(fc.constantFrom("explain", "other")),
      filters: field(filters),
    },
  },
  {
    method: "POST",
    path: "/slack/events",
    valid: fc.oneof(
      fc.record({ type: fc.constant("url_verification"), challenge: edgeString, token: fc.constant("t") }),
      fc.record({
        type: fc.constant("event_callback"),
        team_id: fc.constant("T123"),
        event_id: fc.stringMatching(/^Ev[A-Z0-9]{6,10}$/),
        event: fc.record({
          type: fc.constantFrom("app_mention", "message", "reaction_added"),
          text: edgeString,
          channel: fc.constant("C123"),
          user: fc.constant("U123"),
          ts: fc.constant("1700000000.000100"),
        }),
      }),
    ),
    // Correctly signed, so the fuzzed body actually reaches the parser behind the signature check.
    headers: (raw) => slackSignatureHeaders(SLACK_SECRET, raw),
    fields: {
      type: field(fc.constantFrom("url_verification", "event_callback", "app_rate_limited", "other")),
      challenge: field(edgeString),
      token: field(edgeString),
      team_id: field(fc.constantFrom("T123", "")),
      event_id: field(fc.stringMatching(/^Ev[A-Z0-9]{4,10}$/)),
      event: field(
        fc.record(
          {
            type: field(fc.constantFrom("app_mention", "message")),
            text: field(question),
            channel: field(fc.constantFrom("C123", "")),
            user: field(fc.constantFrom("U123", "")),
            ts: field(fc.constantFrom("1700000000.000100")),
          },
          { requiredKeys: [] },
        ),
      ),
    },
  },
];

const encoder = new TextEncoder();

function bodies(endpoint: Endpoint): fc.Arbitrary<Body> {
  const objectBody = fc.record(endpoint.fields, { requiredKeys: [] });
  const json = (value: unknown) => ({ text: JSON.stringify(value) });
  // A valid body with one field swapped for something it should not be.
  const spoiled = fc
    .tuple(
      endpoint.valid,
      fc.constantFrom(...Object.keys(endpoint.fields)),
      fc.oneof(wrongType, edgeString, hugeString),
    )
    .map(([value, key, replacement]) => ({ ...value, [key]: replacement }));
  return fc.oneof(
    { weight: 6, arbitrary: endpoint.valid.map(json) },
    { weight: 3, arbitrary: spoiled.map(json) },
    { weight: 3, arbitrary: objectBody.map(json) },
    // Wrong top-level types.
    fc.jsonValue({ maxDepth: 3 }).map(json),
    // Not JSON at all, or broken JSON.
    fc.string({ unit: "binary", maxLength: 300 }).map((text) => ({ text })),
    fc
      .tuple(objectBody, fc.nat(), fc.constantFrom("", "{", "}", '"', ",", "\\", "\u0000", "]"))
      .map(([value, cut, junk]) => {
        const text = JSON.stringify(value);
        const at = text.length === 0 ? 0 : cut % text.length;
        return { text: `${text.slice(0, at)}${junk}${text.slice(at + 1)}` };
      }),
    fc
      .constantFrom(
        "",
        " ",
        "null",
        "[]",
        "{}",
        '{"a":',
        "\uFEFF{}",
        "{}{}",
        "1e999999",
        '{"__proto__":{"x":1}}',
      )
      .map((text) => ({ text })),
    // Deep nesting the JSON parser has to survive.
    fc
      .integer({ min: 1_000, max: 60_000 })
      .map((depth) => ({ text: `${"[".repeat(depth)}${"]".repeat(depth)}` })),
    fc
      .integer({ min: 1_000, max: 30_000 })
      .map((depth) => ({ text: `{"query":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}` })),
    // Bytes that are not UTF-8 inside an otherwise well-formed body.
    fc
      .tuple(
        fc.constantFrom("query", "message", "sessionId", "course", "dir", "id"),
        fc.uint8Array({ minLength: 1, maxLength: 16 }),
      )
      .map(([key, raw]) => {
        const head = encoder.encode(`{"${key}":"`);
        const junk = Uint8Array.from([
          0xff,
          0xfe,
          0xc3,
          0x28,
          ...raw.filter((b) => b !== 0x22 && b !== 0x5c),
        ]);
        const tail = encoder.encode('"}');
        return { bytes: Uint8Array.from([...head, ...junk, ...tail]) };
      }),
    // Bodies sent under another content type.
    objectBody.map((value) => ({ text: JSON.stringify(value), contentType: "text/plain" })),
    objectBody.map((value) => ({
      text: new URLSearchParams({ payload: JSON.stringify(value) }).toString(),
      contentType: "application/x-www-form-urlencoded",
    })),
  );
}

interface Outcome {
  status: number;
  problem?: string;
}

/** Every error the server sends, as a status or as an SSE `error` event, must be well formed. */
async function inspect(res: Response): Promise<Outcome> {
  const type = res.headers.get("content-type") ?? "";
  const text = await res.text();
  if (res.status >= 500)
    return { status: res.status, problem: `status ${res.status}: ${text.slice(0, 300)}` };
  if (type.includes("text/event-stream")) {
    for (const match of text.matchAll(/event: error\ndata: (.*)\n/g)) {
      const data = JSON.parse(match[1] ?? "{}") as {
        status?: number;
        error?: { code?: unknown; message?: unknown };
      };
      if ((data.status ?? 500) >= 500) return { status: res.status, problem: `SSE error event: ${match[1]}` };
      if (typeof data.error?.code !== "string" || typeof data.error?.message !== "string")
        return { status: res.status, problem: `SSE error event out of shape: ${match[1]}` };
    }
    return { status: res.status };
  }
  if (res.status >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } };
    try {
      body = JSON.parse(text);
    } catch {
      return { status: res.status, problem: `error body is not JSON: ${text.slice(0, 200)}` };
    }
    if (typeof body.error?.code !== "string" || typeof body.error?.message !== "string")
      return { status: res.status, problem: `error body out of shape: ${text.slice(0, 200)}` };
    return { status: res.status };
  }
  if (text !== "") {
    try {
      JSON.parse(text);
    } catch {
      return { status: res.status, problem: `2xx body is not JSON: ${text.slice(0, 200)}` };
    }
  }
  return { status: res.status };
}

describe("fuzzing every JSON endpoint (fast-check over real HTTP)", () => {
  let server: RunningServer;
  const statuses = new Map<string, Map<number, number>>();

  beforeAll(async () => {
    server = await startSeededServer({
      ADMIN_TOKEN,
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      EMBED_WORKERS: "0",
      LOG_LEVEL: "silent",
      RATE_LIMIT_IP: "0",
      RATE_LIMIT_SESSION: "0",
      RATE_LIMIT_COURSE: "0",
    });
    // A course with no material at all: every handler must cope with an empty index too.
    const created = await fetch(`http://127.0.0.1:${server.port}/admin/courses`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ id: "fzempty", title: "Empty course" }),
    });
    expect(created.status).toBe(201);
    const issued = await fetch(`http://127.0.0.1:${server.port}/admin/courses/aie101/api-keys`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ name: "fuzz" }),
    });
    fuzzApiKey = ((await issued.json()) as { key: string }).key;
  });
  afterAll(async () => {
    await server?.close();
    for (const [path, counts] of statuses) {
      const summary = [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
      process.stdout.write(`fuzz ${path}: ${summary.join(" ")}\n`);
    }
  });

  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.path}: no 5xx, every error {error:{code,message}}`, async () => {
      const seen = new Map<number, number>();
      statuses.set(`${endpoint.method} ${endpoint.path}`, seen);
      await fc.assert(
        fc.asyncProperty(bodies(endpoint), async (body) => {
          const payload = body.bytes ?? encoder.encode(body.text ?? "");
          const raw = body.text ?? new TextDecoder().decode(payload);
          const res = await fetch(`http://127.0.0.1:${server.port}${endpoint.path}`, {
            method: endpoint.method,
            headers: { "content-type": body.contentType ?? "application/json", ...endpoint.headers?.(raw) },
            body: Buffer.from(payload),
          });
          const outcome = await inspect(res);
          seen.set(outcome.status, (seen.get(outcome.status) ?? 0) + 1);
          expect(outcome.problem, `${endpoint.path} ← ${raw.slice(0, 300)}`).toBeUndefined();
        }),
        { numRuns: RUNS, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)] },
      );
      expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    }, 120_000);
  }

  it("answers well-formed questions written in unusual unicode with 200", async () => {
    const letters = fc
      .string({ unit: "grapheme", minLength: 1, maxLength: 120 })
      .filter((s) => /\p{L}/u.test(s));
    const text = fc.oneof(
      letters,
      fc
        .tuple(letters, fc.constantFrom(...unicodeEdges.filter((s) => !s.includes("\u0000"))))
        .map(([a, b]) => `${b} ${a}`),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom("/v1/search", "/v1/chat"), async (value, path) => {
        const body = path === "/v1/search" ? { query: value } : { message: value };
        const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const payload = (await res.json()) as { results?: unknown[]; status?: string };
        expect(
          res.status,
          `${path} ← ${JSON.stringify(value)}: ${JSON.stringify(payload).slice(0, 200)}`,
        ).toBe(200);
        if (path === "/v1/search") expect(Array.isArray(payload.results)).toBe(true);
        else expect(["answered", "no_answer", "refused"]).toContain(payload.status);
      }),
      { numRuns: 60, plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)] },
    );
  }, 120_000);
});
