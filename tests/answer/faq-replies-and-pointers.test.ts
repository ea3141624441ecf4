import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answer/extractive.ts";
import { askOver, passage } from "./passages.ts";

/**
 * A FAQ's "Yes." answers its own heading, so it is quoted only for that question; and a sentence
 * that points elsewhere for a date never leads over one that gives the date. Passages written for
 * this test.
 */
const chunk = passage;
const answerer = new ExtractiveAnswerer();
const ask = askOver;

describe("a FAQ answer's yes or no", () => {
  const faq = [
    chunk(
      "faq",
      "Is the midterm cumulative?",
      "Yes. The two-hour midterm covers every lecture from the first week to the sixth week.",
      0,
    ),
  ];

  it("is kept for the yes/no question its heading asks", async () => {
    const reply = await answerer.answer(ask("is the midterm cumulative?", faq));
    expect(reply.status).toBe("answered");
    expect(reply.answer).toMatch(/^Yes\b/);
  });

  it("is dropped when the passage is quoted for another question", async () => {
    for (const question of ["what does the midterm cover", "does the midterm cover the first week?"]) {
      const reply = await answerer.answer(ask(question, faq));
      expect(reply.status, question).toBe("answered");
      expect(reply.answer, question).not.toMatch(/\bYes\b/);
      expect(reply.answer, question).toMatch(/^The two-hour midterm covers/);
    }
  });
});

describe("a date asked for", () => {
  it("leads with the sentence that gives it, not one that says where it is described", async () => {
    const chunks = [
      chunk(
        "week1",
        "Project 1",
        "The lab audit project starts this week, and its deadlines are described in the projects document.",
        0,
      ),
      chunk("projects", "Project 1 schedule", "The lab audit project is due on Friday of Week 3.", 1),
    ];
    const reply = await answerer.answer(ask("what is the deadline for the lab audit project", chunks));
    expect(reply.status).toBe("answered");
    expect(reply.answer).toMatch(/^The lab audit project is due on Friday of Week 3/);
  });
});
