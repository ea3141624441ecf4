import { describe, expect, it } from "vitest";
import { defaultOffTopicOptions, knownTermShare, offTopicRule } from "../../../src/guard/rules/off-topic.ts";
import type { GuardRetrievalSignals } from "../../../src/guard/types.ts";

const rule = offTopicRule();
const far: GuardRetrievalSignals = {
  confident: false,
  coverage: 0.1,
  topVectorSimilarity: 0.2,
  centroidSimilarity: 0.05,
};
const check = (text: string, retrieval: GuardRetrievalSignals) =>
  rule.check(text, { course: "c", retrieval });

describe("input.off_topic", () => {
  it("redirects a question far from the course that the material cannot answer", () => {
    const verdict = check("best lasagna recipe?", far);
    expect(verdict).toMatchObject({ action: "refuse", redirect: "off_topic", rule: "input.off_topic" });
    expect(verdict.details).toMatchObject({ centroidSimilarity: 0.05 });
  });

  it("needs every signal to agree", () => {
    expect(check("q", { ...far, confident: true }).action).toBe("allow");
    expect(
      check("q", { ...far, centroidSimilarity: defaultOffTopicOptions.maxCentroidSimilarity }).action,
    ).toBe("allow");
    expect(check("q", { ...far, topVectorSimilarity: defaultOffTopicOptions.maxTopSimilarity }).action).toBe(
      "allow",
    );
    expect(check("q", { ...far, centroidSimilarity: null }).action).toBe("allow");
    expect(check("q", { confident: false, coverage: 0, topVectorSimilarity: null }).action).toBe("allow");
  });

  it("keeps questions in the course's vocabulary, weighting rare terms up", () => {
    const idf = (term: string) => ({ kubernet: 5, pod: 4, kill: undefined })[term as "kubernet"];
    expect(knownTermShare("kubernetes kill pod", idf, 6)).toBeCloseTo(9 / 15, 5);
    expect(check("why does kubernetes kill my pod", { ...far, termIdf: idf, unseenIdf: 6 }).action).toBe(
      "allow",
    );
    expect(check("best lasagna recipe", { ...far, termIdf: () => undefined, unseenIdf: 6 }).action).toBe(
      "refuse",
    );
  });
});
