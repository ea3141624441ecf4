import { describe, expect, it } from "vitest";
import { citationsRule } from "../../../src/guard/rules/citations.ts";
import { chunk, citation } from "../chunks.ts";

const rule = citationsRule();
const a = chunk("1", "Data drift is a change in the distribution of the inputs.");
const b = chunk("2", "Concept drift is a change in the relation between inputs and labels.");
const stranger = chunk("99", "A chunk that was never retrieved.");

describe("output.citations", () => {
  it("allows answers whose citations all point at retrieved chunks", () => {
    const verdict = rule.check("Data drift changes inputs [1]. Concept drift changes labels [2].", {
      course: "c",
      chunks: [a, b],
      citations: [citation(1, a), citation(2, b)],
    });
    expect(verdict.action).toBe("allow");
  });

  it("drops sentences that cite only unknown sources, strips stray markers, prunes the list", () => {
    const verdict = rule.check(
      "Data drift changes inputs [1][7]. The moon is cheese [3]. Labels shift [2].",
      {
        course: "c",
        chunks: [a, b],
        citations: [citation(1, a), citation(2, b), citation(3, stranger)],
      },
    );
    expect(verdict.action).toBe("redact");
    expect(verdict.text).toBe("Data drift changes inputs [1]. Labels shift [2].");
    expect(verdict.citations?.map((c) => c.n)).toEqual([1, 2]);
    expect(verdict.details).toMatchObject({ invalid: 2, droppedSentences: 1 });
  });

  it("leaves bracketed number lists and code indexing in the text alone", () => {
    const verdict = rule.check(
      'The sentence "the cat sat" becomes [1, 0, 1, 1] and x[1] is its second entry [1].',
      {
        course: "c",
        chunks: [a],
        citations: [citation(1, a)],
      },
    );
    expect(verdict.action).toBe("allow");
  });

  it("removes listed citations the answer never uses", () => {
    const verdict = rule.check("Data drift changes inputs [1].", {
      course: "c",
      chunks: [a, b],
      citations: [citation(1, a), citation(2, b)],
    });
    expect(verdict.citations?.map((c) => c.n)).toEqual([1]);
  });

  it("refuses an answer left with nothing once its bogus citations are gone", () => {
    const verdict = rule.check("The moon is cheese [4].", {
      course: "c",
      chunks: [a],
      citations: [citation(1, a)],
    });
    expect(verdict.action).toBe("refuse");
    expect(verdict.reply).toBeTruthy();
  });

  it("keeps the nearest-section pointers of a no-answer reply", () => {
    const verdict = rule.check("I couldn't find this. The closest sections are [1] Week 9 and [2] Week 9.", {
      course: "c",
      answerStatus: "no_answer",
      chunks: [a, b],
      citations: [citation(1, a), citation(2, b)],
    });
    expect(verdict.action).toBe("allow");
  });
});
