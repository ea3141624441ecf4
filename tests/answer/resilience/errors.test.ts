import { describe, expect, it } from "vitest";
import {
  CircuitOpenError,
  classifyFailure,
  DeadlineExceededError,
  LlmTimeoutError,
  MalformedReplyError,
} from "../../../src/answer/resilience/errors.ts";

describe("classifyFailure", () => {
  it("retries only what may pass: 5xx, 429, 408 and connection failures", () => {
    expect(classifyFailure(Object.assign(new Error("x"), { status: 503 }))).toEqual({
      kind: "server_error",
      retryable: true,
      status: 503,
    });
    expect(classifyFailure(Object.assign(new Error("x"), { status: 429 })).retryable).toBe(true);
    expect(classifyFailure(Object.assign(new Error("x"), { status_code: 408 })).retryable).toBe(true);
    expect(classifyFailure(Object.assign(new Error("x"), { status: 401 }))).toEqual({
      kind: "client_error",
      retryable: false,
      status: 401,
    });
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }),
    });
    expect(classifyFailure(refused)).toEqual({ kind: "connection", retryable: true });
  });

  it("does not retry timeouts, deadlines, an open breaker or broken replies", () => {
    expect(classifyFailure(new LlmTimeoutError(10)).retryable).toBe(false);
    expect(classifyFailure(new DeadlineExceededError(10)).kind).toBe("deadline");
    expect(classifyFailure(new CircuitOpenError(0)).kind).toBe("circuit_open");
    expect(classifyFailure(new MalformedReplyError("empty"))).toEqual({
      kind: "malformed",
      retryable: false,
    });
    expect(classifyFailure(new SyntaxError("Unexpected end of JSON input")).kind).toBe("malformed");
  });

  it("recognises aborts and leaves the unknown unretried", () => {
    const abort = new Error("aborted");
    abort.name = "AbortError";
    expect(classifyFailure(abort).kind).toBe("aborted");
    expect(classifyFailure(new Error("something odd"))).toEqual({ kind: "unknown", retryable: false });
    expect(classifyFailure("a string")).toEqual({ kind: "unknown", retryable: false });
  });
});
