import { describe, expect, it } from "vitest";
import { analyseChunk, definedSubject } from "../../../../src/retrieve/rerank/features/analysis.ts";

describe("reranker text analysis", () => {
  it("finds what a definitional sentence defines", () => {
    expect(definedSubject("Model drift is the decline of a deployed model's quality.")).toBe("Model drift");
    expect(definedSubject("Canary release: a release that sends a little traffic first.")).toBe(
      "Canary release",
    );
    expect(definedSubject("In practice, drift is a slow process.")).toBeUndefined();
    expect(definedSubject("Run the tests before you push.")).toBeUndefined();
  });

  it("records terms, headings, bigrams and the share of question sentences", () => {
    const analysis = analyseChunk({
      title: "Week 9",
      heading: "Detecting drift",
      headingPath: ["Monitoring", "Detecting drift"],
      text: "Model drift is a decline in quality. How would you detect it? What threshold would you pick?",
    });
    expect(analysis.headingSet).toEqual(new Set(["monitor", "detect", "drift"]));
    expect(analysis.ownHeadingSet).toEqual(new Set(["detect", "drift"]));
    expect(analysis.bigrams.has("model drift")).toBe(true);
    expect(analysis.sentences[0]?.defines).toEqual(new Set(["model", "drift"]));
    expect(analysis.questionShare).toBeCloseTo(2 / 3, 5);
  });
});
