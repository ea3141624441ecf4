import { describe, expect, it } from "vitest";
import { createCourseLexicon } from "../../../src/retrieve/query/lexicon.ts";
import { CourseQueryRewriter } from "../../../src/retrieve/query/rewriter.ts";

const lexicon = createCourseLexicon([
  {
    title: "Releases",
    heading: "Canary releases",
    text: "A canary release sends a small share of traffic to the new model.",
  },
  {
    title: "Monitoring",
    heading: "Population Stability Index",
    text: "The Population Stability Index (PSI) compares two distributions.",
  },
  {
    title: "Monitoring",
    heading: "Drift",
    text: "Drift detection watches production data. PSI above 0.25 means drift.",
  },
]);

describe("CourseQueryRewriter", () => {
  const rewriter = new CourseQueryRewriter(async (course) => (course === "c1" ? lexicon : undefined));

  it("fixes typos, spells out acronyms and shorthand, and resolves follow-ups in one pass", async () => {
    const history = [{ question: "What is a canery release?", answer: "A canary release…" }];
    await expect(
      rewriter.rewrite("what about its disadvantages?", { course: "c1", history }),
    ).resolves.toEqual({
      query: "what about its disadvantages? canary release",
      spelledOut: "what about its disadvantages? canary release",
    });
    await expect(
      rewriter.rewrite("how do u compute PSI for drfit", { course: "c1", history: [] }),
    ).resolves.toEqual({
      query: "how do you compute PSI for drift",
      spelledOut: "how do you compute PSI (Population Stability Index) for drift",
    });
  });

  it("returns the question unchanged for a course it has no lexicon for", async () => {
    await expect(rewriter.rewrite("how do u compute PSI", { course: "nope", history: [] })).resolves.toEqual({
      query: "how do u compute PSI",
      spelledOut: "how do u compute PSI",
    });
  });
});
