import { describe, expect, it } from "vitest";
import { answerWithFallback } from "../../../src/answer/resilience/deadline.ts";
import type { AnswerDraft, Answerer, AnswerRequest } from "../../../src/answer/types.ts";
import { flatTermWeight, sampleChunks } from "../sample-chunks.ts";

const fallback: Answerer = {
  name: "extractive",
  async answer(request) {
    request.onToken?.("Quoted answer [1].");
    return { status: "answered", answer: "Quoted answer [1].", citations: [], answeredBy: "extractive" };
  },
};

/** An answerer that streams a little and then never finishes, ignoring its signal. */
function stalling(tokensFirst: string[]): Answerer & { emitLate(text: string): void } {
  let onToken: ((text: string) => void) | undefined;
  return {
    name: "llm:stalling",
    answer(request) {
      onToken = request.onToken;
      for (const t of tokensFirst) request.onToken?.(t);
      return new Promise<AnswerDraft>(() => {});
    },
    emitLate(text) {
      onToken?.(text);
    },
  };
}

function request(overrides: Partial<AnswerRequest> = {}): AnswerRequest {
  return {
    question: "q",
    chunks: sampleChunks(),
    termWeight: flatTermWeight,
    mode: "explain",
    history: [],
    ...overrides,
  };
}

describe("answerWithFallback", () => {
  it("uses the preferred answer when it arrives in time", async () => {
    const primary: Answerer = {
      name: "llm",
      answer: async () => ({ status: "answered", answer: "LLM [1].", citations: [], answeredBy: "llm" }),
    };
    const outcome = await answerWithFallback(primary, fallback, request(), 1_000);
    expect(outcome.draft.answer).toBe("LLM [1].");
    expect(outcome.draft.degraded).toBeUndefined();
    expect(outcome.fallbackReason).toBeUndefined();
  });

  it("answers with the fallback, marked degraded, when the budget runs out even if the answerer ignores its signal", async () => {
    const primary = stalling(["Partial "]);
    const tokens: string[] = [];
    const started = performance.now();
    const outcome = await answerWithFallback(
      primary,
      fallback,
      request({ onToken: (t) => tokens.push(t) }),
      150,
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(outcome.draft).toMatchObject({
      answer: "Quoted answer [1].",
      degraded: true,
      answeredBy: "extractive",
    });
    expect(outcome.fallbackReason).toBe("deadline");
    primary.emitLate("late token");
    expect(tokens).toEqual(["Partial ", "\n\n", "Quoted answer [1]."]);
  });

  it("falls back on failure with the failure's kind as the reason", async () => {
    const primary: Answerer = {
      name: "llm",
      answer: async () => {
        throw Object.assign(new Error("boom"), { status: 500 });
      },
    };
    const outcome = await answerWithFallback(primary, fallback, request(), 1_000);
    expect(outcome).toMatchObject({ draft: { degraded: true }, fallbackReason: "server_error" });
  });

  it("does not answer a request the student aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("client gone")), 20);
    await expect(
      answerWithFallback(stalling([]), fallback, request({ signal: controller.signal }), 5_000),
    ).rejects.toThrow("client gone");
  });

  it("rethrows when there is no fallback", async () => {
    await expect(answerWithFallback(stalling([]), undefined, request(), 30)).rejects.toThrow(/budget/);
  });
});
