import { describe, expect, it } from "vitest";
import { containsPhrase, createGrader, normalizeForMatch, sourceMatches } from "../../src/eval/relevance.ts";

describe("relevance", () => {
  it("matches phrases whitespace- and case-insensitively", () => {
    expect(normalizeForMatch("  Reciprocal\n  RANK\tfusion ")).toBe("reciprocal rank fusion");
    expect(containsPhrase("… uses Reciprocal\nRank Fusion (RRF) …", ["reciprocal rank fusion"])).toBe(true);
    expect(containsPhrase("reciprocal-rank fusion", ["reciprocal rank fusion"])).toBe(false);
    expect(containsPhrase("anything", ["  "])).toBe(false);
  });

  it("grades 2 for an expected source with a phrase, 1 for the source alone, 0 otherwise", () => {
    const grader = createGrader({
      expected_sources: ["week-07/notes.md", "glossary.md"],
      expected_phrases: ["k = 60"],
    });
    expect(grader.grade({ source: "week-07/notes.md", text: "the constant K  =  60 from their paper" })).toBe(
      2,
    );
    expect(grader.grade({ source: "glossary.md", text: "Reranker: a second-stage model" })).toBe(1);
    expect(grader.grade({ source: "week-06/notes.md", text: "k = 60" })).toBe(0);
    expect(grader.expectedSourceIndex({ source: "glossary.md" })).toBe(1);
    expect(grader.expectedSourceIndex({ source: "faq.md" })).toBe(-1);
  });

  it("lets an expected path ending in / name a folder", () => {
    expect(sourceMatches("week-03/notes.md", "week-03/")).toBe(true);
    expect(sourceMatches("week-03/notes.md", "./week-03/notes.md")).toBe(true);
    expect(sourceMatches("week-03/notes.md", "week-03")).toBe(false);
  });
});
