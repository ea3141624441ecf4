import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answer/extractive.ts";
import { askOver, passage } from "./passages.ts";

/**
 * A section named for what is asked answers it, although its sentences do not repeat the name.
 * Passages written for this test.
 */
const answerer = new ExtractiveAnswerer();
// As BM25 weighs them: the course's name is in every passage, the asked-for word in few.
const rarity = (term: string) => (term === "db200" ? 1.5 : 5);
const ask = (question: string, chunks: ReturnType<typeof passage>[]) => ({
  ...askOver(question, chunks),
  termWeight: rarity,
});

describe("a section whose heading names what is asked", () => {
  const chunks = [
    passage(
      "faq",
      "Frequently asked questions",
      "These are the questions students of DB200 ask most often about the course.",
      0,
    ),
    passage(
      "syllabus",
      "Prerequisites",
      "You should be comfortable writing SQL queries with joins. Some comfort with a terminal helps.",
      1,
    ),
  ];

  it("leads with that section's first sentence, not a sentence that only shares the course's name", async () => {
    const reply = await answerer.answer(ask("what are the prerequisites for DB200?", chunks));
    expect(reply.status).toBe("answered");
    expect(reply.answer).toMatch(/^You should be comfortable writing SQL queries/);
  });

  it("gives no such credit to a section named for something else", async () => {
    const reply = await answerer.answer(ask("what are the office hours for DB200?", chunks));
    expect(reply.answer).not.toMatch(/^You should be comfortable/);
  });
});
