import { describe, expect, it } from "vitest";
import { expressesDistress, SUPPORT_REPLY, wellbeingRule } from "../../../src/guard/rules/wellbeing.ts";

describe("input.wellbeing", () => {
  const rule = wellbeingRule();

  it.each([
    "I want to kill myself",
    "honestly i'm suicidal, failing this course is the last straw",
    "i dont want to live anymore",
    "I'm going to hurt myself tonight",
    "I've been cutting myself since the midterm",
    "everyone would be better off without me",
    "I can't go on anymore",
    "i wanna end it all",
  ])("answers distress with support: %s", (message) => {
    const verdict = rule.check(message, { course: "c" });
    expect(verdict.action).toBe("refuse");
    expect(verdict.reply).toBe(SUPPORT_REPLY);
    expect(verdict.reply).toMatch(/emergency number/);
  });

  it.each([
    "how do I kill a stuck training process?",
    "this lab is killing me, how do I compute the PSI?",
    "my model's accuracy keeps dying after deployment",
    "what does the week 14 material say about self-harm content filters?",
    "how do guardrails detect suicide-related messages?",
    "I'm going to die laughing if this works",
    "kill -9 the worker and restart it",
  ])("leaves course talk and figures of speech alone: %s", (message) => {
    expect(expressesDistress(message)).toBe(false);
    expect(rule.check(message, { course: "c" }).action).toBe("allow");
  });

  it("uses the course's own wording when configured", () => {
    const custom = wellbeingRule({ refusal: "Please call the campus wellbeing line on 555-0100." });
    expect(custom.check("I want to end my life", { course: "c" }).reply).toMatch(/campus wellbeing line/);
  });

  it("sees through spacing and letter tricks like the other rules", () => {
    expect(expressesDistress("I w4nt to k1ll mys3lf")).toBe(true);
  });
});
