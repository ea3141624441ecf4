import { describe, expect, it } from "vitest";
import { createPromptMessages, questionGuidance } from "../../../src/answer/llm/prompt.ts";

describe("the question type in the prompt", () => {
  it("names the shape and what to lead with", () => {
    expect(questionGuidance("whats the diff btw precision and recall")).toMatch(
      /^Question type: comparison\. .*precision and recall.*each side/,
    );
    expect(questionGuidance("when is project 2 due?")).toMatch(/^Question type: quantity\. .*date or time/);
    expect(questionGuidance("How do I install the requirements?")).toMatch(/numbered list/);
    expect(questionGuidance("what does ACID stand for")).toMatch(/ACID stands for/);
  });

  it("guides explain answers only; hints and quizzes keep their own task", () => {
    const prompt = (mode: "explain" | "hint" | "quiz") =>
      String(
        createPromptMessages({ question: "What is recall?", chunks: [], mode, history: [] }).at(-1)?.content,
      );
    expect(prompt("explain")).toContain("Question type: definition.");
    expect(prompt("hint")).not.toContain("Question type");
    expect(prompt("quiz")).not.toContain("Question type");
  });
});
