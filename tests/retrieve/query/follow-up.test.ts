import { describe, expect, it } from "vitest";
import { isFollowUp, resolveFollowUp, subjectWords } from "../../../src/retrieve/query/follow-up.ts";

const turns = (...questions: string[]) => questions.map((question) => ({ question }));

describe("follow-up questions", () => {
  it("tells follow-ups from questions that stand alone", () => {
    expect(isFollowUp("what about its disadvantages?")).toBe(true);
    expect(isFollowUp("and how do I roll it back?")).toBe(true);
    expect(isFollowUp("why?")).toBe(true);
    expect(isFollowUp("What is a canary release?")).toBe(false);
    expect(isFollowUp("How does it compare BM25 scores with vector scores?")).toBe(false);
    expect(isFollowUp("What is this week's project?")).toBe(false);
  });

  it("picks the words that name the subject", () => {
    expect(subjectWords("What are the disadvantages of a canary release?")).toEqual(["canary", "release"]);
  });

  it("adds the subject of the turn it follows", () => {
    expect(resolveFollowUp("what about its disadvantages?", turns("What is a canary release?"))).toBe(
      "what about its disadvantages? canary release",
    );
  });

  it("reaches back through a chain of follow-ups to the turn that named the subject", () => {
    const history = turns(
      "How does HNSW search work?",
      "What is a canary release?",
      "what about its disadvantages?",
    );
    expect(resolveFollowUp("and how do I roll it back?", history)).toBe(
      "and how do I roll it back? canary release",
    );
  });

  it("leaves standalone questions and first questions as they are", () => {
    expect(resolveFollowUp("What is model drift?", turns("What is a canary release?"))).toBe(
      "What is model drift?",
    );
    expect(resolveFollowUp("what about its disadvantages?", [])).toBe("what about its disadvantages?");
  });
});
