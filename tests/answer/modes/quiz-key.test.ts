import { describe, expect, it } from "vitest";
import {
  isAffirmative,
  isRevealRequest,
  pairNumbered,
  quizKeyFollowUp,
  renderKey,
} from "../../../src/answer/modes/quiz-key.ts";
import type { QuizKey } from "../../../src/answer/types.ts";
import { sampleChunks } from "../sample-chunks.ts";

describe("isRevealRequest", () => {
  it.each([
    "show answers",
    "Show me the answers please!",
    "can I see the answer key?",
    "answers",
    "answer key please",
    "reveal the solutions",
    "what are the answers?",
  ])("recognises %j", (message) => {
    expect(isRevealRequest(message)).toBe(true);
  });

  it.each([
    "What is model drift?",
    "how are answers graded on the final exam and what counts as a correct answer for partial credit?",
    "explain the key idea of LoRA",
    "",
  ])("ignores %j", (message) => {
    expect(isRevealRequest(message)).toBe(false);
  });
});

describe("isAffirmative", () => {
  it("recognises short acceptances and nothing longer", () => {
    for (const yes of ["yes", "Yes please!", "sure", "ok", "go ahead", "yep, thanks"])
      expect(isAffirmative(yes)).toBe(true);
    for (const no of ["yes, but what is drift?", "no", "not yet", "What is PSI?"])
      expect(isAffirmative(no)).toBe(false);
  });
});

describe("quizKeyFollowUp", () => {
  const key: QuizKey = {
    answer: "1. Drift is a loss of accuracy [1].",
    citations: [],
    sources: sampleChunks().slice(0, 1),
  };

  it("replies with the session's latest key when asked for the answers", async () => {
    const asked: string[] = [];
    const followUp = quizKeyFollowUp({
      latestQuizKey: async (sessionId) => {
        asked.push(sessionId);
        return { messageId: "m1", key, isLatest: false };
      },
    });
    const reply = await followUp.answer({
      course: "c",
      sessionId: "s1",
      question: "show answers",
      mode: "explain",
    });
    expect(asked).toEqual(["s1"]);
    expect(reply?.draft).toMatchObject({ status: "answered", answeredBy: "quiz-key" });
    expect(reply?.draft.answer).toBe("Answer key:\n1. Drift is a loss of accuracy [1].");
    expect(reply?.sources.map((c) => c.chunkId)).toEqual(["c-drift"]);
  });

  it("takes a bare 'yes' as accepting the quiz's invitation, only right after the quiz", async () => {
    let isLatest = true;
    const followUp = quizKeyFollowUp({ latestQuizKey: async () => ({ messageId: "m1", key, isLatest }) });
    const context = { course: "c", sessionId: "s", question: "Yes please!", mode: "quiz" as const };
    expect((await followUp.answer(context))?.draft.answeredBy).toBe("quiz-key");
    isLatest = false;
    expect(await followUp.answer(context)).toBeNull();
    expect((await followUp.answer({ ...context, question: "show answers" }))?.draft.answeredBy).toBe(
      "quiz-key",
    );
  });

  it("stays out of the way for other messages and for sessions without a quiz", async () => {
    let lookups = 0;
    const followUp = quizKeyFollowUp({
      latestQuizKey: async () => {
        lookups++;
        return null;
      },
    });
    expect(
      await followUp.answer({ course: "c", sessionId: "s", question: "What is drift?", mode: "quiz" }),
    ).toBeNull();
    expect(lookups).toBe(0);
    expect(
      await followUp.answer({ course: "c", sessionId: "s", question: "show answers", mode: "quiz" }),
    ).toBeNull();
    expect(lookups).toBe(1);
  });
});

describe("renderKey and pairNumbered", () => {
  it("pairs a model's numbered questions and answers and renders them as bullets", () => {
    const entries = pairNumbered(
      "1. What is drift? [1]\n2. When do teams retrain?\n   Think about monitors. [2]",
      "1. A loss of accuracy [1].\n2. When a monitor fires [2].\n3. An answer to nothing.",
    );
    expect(entries).toEqual([
      { question: "What is drift? [1]", answer: "A loss of accuracy [1]." },
      { question: "When do teams retrain? Think about monitors. [2]", answer: "When a monitor fires [2]." },
    ]);
    expect(renderKey(entries)).toBe(
      "- What is drift? A loss of accuracy [1].\n- When do teams retrain? Think about monitors. When a monitor fires [2].",
    );
  });
});
