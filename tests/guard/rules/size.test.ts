import { describe, expect, it } from "vitest";
import { sizeRule } from "../../../src/guard/rules/size.ts";

describe("input.size", () => {
  const rule = sizeRule({ maxChars: 50, maxControlShare: 0.1 });

  it("refuses empty, over-long and control-character questions with a reason", () => {
    expect(rule.check("   ", { course: "c" })).toMatchObject({
      action: "refuse",
      details: { problem: "empty" },
    });
    expect(rule.check("x".repeat(51), { course: "c" })).toMatchObject({
      action: "refuse",
      details: { problem: "too_long" },
    });
    expect(rule.check("a\u0001\u0002\u0003b", { course: "c" })).toMatchObject({
      details: { problem: "control_characters" },
    });
  });

  it("allows ordinary questions with tabs and newlines, and uses the course's wording", () => {
    expect(rule.check("What is\tdrift?\nThanks", { course: "c" }).action).toBe("allow");
    const worded = sizeRule({ maxChars: 5, maxControlShare: 0.1, refusal: "Shorter, please." });
    expect(worded.check("too long", { course: "c" }).reason).toBe("Shorter, please.");
  });
});
