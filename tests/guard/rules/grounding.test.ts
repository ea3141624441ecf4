import { describe, expect, it } from "vitest";
import {
  defaultGroundingOptions,
  groundingRule,
  statedNumbers,
  supportScore,
} from "../../../src/guard/rules/grounding.ts";
import { chunk, citation } from "../chunks.ts";

const psi = chunk(
  "1",
  "The Population Stability Index compares two distributions bin by bin. A PSI above 0.25 signals a significant shift that usually calls for retraining.",
  { heading: "Population Stability Index" },
);
const ks = chunk(
  "2",
  "The Kolmogorov-Smirnov test measures the largest gap between two cumulative distributions.",
  {
    heading: "The Kolmogorov-Smirnov test",
  },
);
const context = { course: "c", chunks: [psi, ks], citations: [citation(1, psi), citation(2, ks)] };

describe("output.grounding", () => {
  const rule = groundingRule();

  it("allows statements the cited chunk supports, paraphrased or quoted", () => {
    const answer =
      "The Population Stability Index compares two distributions bin by bin [1]. A PSI above 0.25 signals a significant shift [1]. The KS test measures the largest gap between cumulative distributions [2].";
    expect(rule.check(answer, context).action).toBe("allow");
  });

  it("drops a statement its citation does not support, and one with a number the chunk never gives", () => {
    const answer =
      "A PSI above 0.25 signals a significant shift [1]. Quantum annealing accelerates gradient boosting on GPUs [1]. A PSI above 0.4 always means the model is broken [1].";
    const verdict = rule.check(answer, context);
    expect(verdict.action).toBe("redact");
    expect(verdict.text).toBe("A PSI above 0.25 signals a significant shift [1].");
    expect(verdict.details).toEqual({ unsupported: 2, statements: 3 });
  });

  it("reads list numbering as layout, not as a number the chunk must contain", () => {
    const answer =
      "1. The Population Stability Index compares two distributions bin by bin [1].\n2. The KS test measures the largest gap between cumulative distributions [2].";
    expect(rule.check(answer, context).action).toBe("allow");
    expect(supportScore("7. A PSI above 0.25 signals a significant shift [1]", [psi]).missingNumbers).toBe(0);
  });

  it("drops uncited statements in explain mode and refuses when nothing supported is left", () => {
    const verdict = rule.check("Drift is caused by solar flares. Retrain every full moon.", context);
    expect(verdict.action).toBe("refuse");
  });

  it("checks a statement against the chunk it cites, not against any retrieved chunk", () => {
    const verdict = rule.check(
      "The Kolmogorov-Smirnov test measures the largest gap between two cumulative distributions [1].",
      context,
    );
    expect(verdict.action).toBe("refuse");
  });

  it("marks instead of dropping when configured to", () => {
    const marking = groundingRule({ ...defaultGroundingOptions, action: "mark" });
    const verdict = marking.check(
      "A PSI above 0.25 signals a significant shift [1]. Drift is caused by solar flares [1].",
      context,
    );
    expect(verdict.text).toBe(
      "A PSI above 0.25 signals a significant shift [1]. Drift is caused by solar flares [1] (unverified).",
    );
  });

  it("leaves the tutor's own framing alone in hint and quiz modes but still checks what they cite", () => {
    const hint =
      "Let's work it out rather than me handing you the answer. Start with “Population Stability Index” in Week 9 [1]. Hint: A PSI above ____ signals a significant shift [1]. Which number fills the blank?";
    expect(rule.check(hint, { ...context, mode: "hint" }).action).toBe("allow");
    const wrongHint = `${hint} Hint: PSI was invented by astronauts in 1890 [1].`;
    expect(rule.check(wrongHint, { ...context, mode: "hint" }).action).toBe("redact");
  });

  it("skips no-answer replies and questions", () => {
    expect(
      rule.check("I couldn't find this in the course material.", { ...context, answerStatus: "no_answer" })
        .action,
    ).toBe("allow");
    expect(rule.check("What does a PSI above 0.25 tell you?", context).action).toBe("allow");
  });

  it("scores support and numbers", () => {
    expect(supportScore("A PSI above 0.25 signals a shift", [psi])).toMatchObject({
      support: 1,
      missingNumbers: 0,
    });
    expect(supportScore("A PSI above 0.3 signals a shift", [psi]).missingNumbers).toBe(1);
    expect([...statedNumbers("five bins, 1,000 rows, 0.25")]).toEqual(
      expect.arrayContaining(["5", "1000", "0.25"]),
    );
  });
});
