import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LlmAnswerer } from "../../../src/answer/llm/answerer.ts";
import { createChatModelFactory } from "../../../src/answer/llm/chat-model.ts";
import { CircuitBreaker } from "../../../src/answer/resilience/circuit-breaker.ts";
import { LlmUnavailableError } from "../../../src/answer/resilience/errors.ts";
import {
  type AttemptReport,
  type ResilienceOptions,
  ResilientAnswerer,
} from "../../../src/answer/resilience/resilient-answerer.ts";
import type { AnswerRequest } from "../../../src/answer/types.ts";
import { type FakeOpenAiServer, startOpenAiServer } from "../../helpers/openai-server.ts";
import { flatTermWeight, sampleChunks } from "../sample-chunks.ts";

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startOpenAiServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.setDefault({ kind: "reply", text: "Drift is a loss of accuracy [1]." });
});

// A generous per-call timeout: other test files load the two cores, and only the timeout test
// below is about timing out.
const fastOptions: ResilienceOptions = { timeoutMs: 10_000, maxRetries: 2, baseDelayMs: 20, maxDelayMs: 100 };

function setup(
  options: Partial<ResilienceOptions> = {},
  breakerOptions = { failureThreshold: 50, cooldownMs: 60_000 },
) {
  const llm = {
    provider: "openai",
    baseUrl: server.url,
    model: "fake-model",
    apiKey: undefined,
    timeoutMs: 0,
  } as const;
  const inner = new LlmAnswerer({ chatModel: createChatModelFactory(llm), label: "llm:openai/fake-model" });
  const breaker = new CircuitBreaker(breakerOptions);
  const attempts: AttemptReport[] = [];
  const answerer = new ResilientAnswerer(inner, breaker, { ...fastOptions, ...options }, (r) =>
    attempts.push(r),
  );
  return { answerer, breaker, attempts };
}

function request(overrides: Partial<AnswerRequest> = {}): AnswerRequest {
  return {
    question: "What is model drift?",
    chunks: sampleChunks(),
    termWeight: flatTermWeight,
    mode: "explain",
    history: [],
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<LlmUnavailableError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmUnavailableError);
  return error as LlmUnavailableError;
}

describe("ResilientAnswerer against a misbehaving server", () => {
  it("gives up on a slow reply at the per-call timeout and does not retry it", async () => {
    server.script({ kind: "reply", text: "late [1].", delayMs: 8_000 });
    const { answerer, attempts } = setup({ timeoutMs: 600 });
    const started = performance.now();
    const error = await failureOf(answerer.answer(request()));
    const elapsed = performance.now() - started;
    expect(error.failure.kind).toBe("timeout");
    expect(elapsed).toBeGreaterThanOrEqual(590);
    // Well before the 8 s reply would have come.
    expect(elapsed).toBeLessThan(7_000);
    expect(attempts.map((a) => a.outcome)).toEqual(["failure"]);
    // One call at most (on a saturated machine the request may not even have arrived yet).
    expect(server.callCount).toBeLessThanOrEqual(1);
  });

  it("retries 500s with backoff and succeeds when the server recovers", async () => {
    server.script({ kind: "status", status: 500 }, { kind: "status", status: 503 });
    const { answerer, attempts } = setup();
    const draft = await answerer.answer(request());
    expect(draft.answer).toBe("Drift is a loss of accuracy [1].");
    expect(server.callCount).toBe(3);
    expect(attempts.map((a) => a.failure?.kind ?? a.outcome)).toEqual([
      "server_error",
      "server_error",
      "success",
    ]);
    // There was a pause between attempts (equal jitter: at least half the base delay).
    const [first, second] = server.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(10);
  });

  it("stops after the bounded number of retries when 500s continue", async () => {
    server.setDefault({ kind: "status", status: 500 });
    const { answerer } = setup({ maxRetries: 2 });
    const error = await failureOf(answerer.answer(request()));
    expect(error.failure).toMatchObject({ kind: "server_error", status: 500 });
    expect(error.attempts).toBe(3);
    expect(server.callCount).toBe(3);
  });

  it("does not retry errors that will not go away (400, 401, 404)", async () => {
    for (const status of [400, 401, 404]) {
      server.requests.length = 0;
      server.script({ kind: "status", status });
      const { answerer } = setup();
      const error = await failureOf(answerer.answer(request()));
      expect(error.failure).toMatchObject({ kind: "client_error", status, retryable: false });
      expect(server.callCount).toBe(1);
    }
  });

  it("retries a 429 (rate limited)", async () => {
    server.script({ kind: "status", status: 429 });
    const { answerer } = setup();
    await answerer.answer(request());
    expect(server.callCount).toBe(2);
  });

  it("retries a connection dropped before any byte", async () => {
    server.script({ kind: "drop" });
    const { answerer, attempts } = setup();
    const draft = await answerer.answer(request({ onToken: () => {} }));
    expect(draft.status).toBe("answered");
    expect(attempts[0]?.failure?.kind).toBe("connection");
    expect(server.callCount).toBe(2);
  });

  it("does not retry a stream dropped after tokens reached the student (a retry would repeat them)", async () => {
    server.script({ kind: "drop", afterPieces: 3, text: "Drift is a loss of accuracy [1]." });
    const { answerer } = setup();
    const tokens: string[] = [];
    const error = await failureOf(answerer.answer(request({ onToken: (t) => tokens.push(t) })));
    expect(tokens.length).toBeGreaterThan(0);
    expect(error.failure.kind).toBe("connection");
    expect(server.callCount).toBe(1);
  });

  it("fails on a malformed JSON body and on a malformed stream chunk without retrying", async () => {
    server.script({ kind: "malformed" });
    let { answerer } = setup();
    let error = await failureOf(answerer.answer(request()));
    expect(error.failure.kind).toBe("malformed");
    expect(server.callCount).toBe(1);

    server.requests.length = 0;
    server.script({ kind: "malformed", afterPieces: 0 });
    ({ answerer } = setup());
    error = await failureOf(answerer.answer(request({ onToken: () => {} })));
    expect(error.failure.kind).toBe("malformed");
    expect(server.callCount).toBe(1);
  });

  it("a student who leaves does not count against the LLM", async () => {
    server.script({ kind: "hang" });
    const { answerer, breaker } = setup({}, { failureThreshold: 1, cooldownMs: 60_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(answerer.answer(request({ signal: controller.signal }))).rejects.not.toBeInstanceOf(
      LlmUnavailableError,
    );
    expect(breaker.state).toBe("closed");
  });
});

describe("the circuit breaker around the real client", () => {
  it("opens after N failed calls, then refuses without calling the server, then half-opens and closes", async () => {
    server.setDefault({ kind: "status", status: 500 });
    const { answerer, breaker } = setup({ maxRetries: 0 }, { failureThreshold: 3, cooldownMs: 400 });
    const transitions: string[] = [];
    breaker.onStateChange((to, from) => transitions.push(`${from}→${to}`));

    for (let i = 0; i < 3; i++) await failureOf(answerer.answer(request()));
    expect(breaker.state).toBe("open");
    expect(server.callCount).toBe(3);

    const started = performance.now();
    const refused = await failureOf(answerer.answer(request()));
    expect(refused.failure.kind).toBe("circuit_open");
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.callCount).toBe(3); // not called
    expect(breaker.snapshot()).toMatchObject({ state: "open", rejected: 1, opened: 1 });

    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(breaker.state).toBe("half_open");
    server.setDefault({ kind: "reply", text: "Back again [1]." });
    const draft = await answerer.answer(request());
    expect(draft.answer).toBe("Back again [1].");
    expect(server.callCount).toBe(4);
    expect(breaker.state).toBe("closed");
    expect(transitions).toEqual(["closed→open", "open→half_open", "half_open→closed"]);
  });

  it("a failed trial call re-opens the breaker for another cooldown", async () => {
    server.setDefault({ kind: "status", status: 502 });
    const { answerer, breaker } = setup({ maxRetries: 0 }, { failureThreshold: 1, cooldownMs: 200 });
    await failureOf(answerer.answer(request()));
    expect(breaker.state).toBe("open");
    await new Promise((resolve) => setTimeout(resolve, 250));
    await failureOf(answerer.answer(request()));
    expect(server.callCount).toBe(2);
    expect(breaker.snapshot()).toMatchObject({ state: "open", opened: 2 });
  });
});
