import { describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answer/extractive.ts";
import { askOver, passage } from "./passages.ts";

/**
 * "How big should X be" asks for a size: the sentence that gives one leads, although only a
 * sentence that does not answer repeats the word "big", which a course rarely uses and so weighs
 * heavily. Passages written for this test.
 */
const answerer = new ExtractiveAnswerer();
// As rare words are weighed by BM25: the adjective is the rarest word of the question.
const rarity = (term: string) => (term === "big" || term === "larg" || term === "large" ? 6 : 1);

describe("a question asking how big, how long or how often", () => {
  const pages = [
    passage(
      "pages",
      "Storage",
      "A big table takes 3 times longer to rebuild after a crash. An index page of 8 to 16 kB suits most workloads.",
      0,
    ),
  ];

  it("leads with the sentence that gives the measure, not the one that repeats the adjective", async () => {
    for (const question of ["how big should an index page be?", "How large should each index page be"]) {
      const reply = await answerer.answer({ ...askOver(question, pages), termWeight: rarity });
      expect(reply.status, question).toBe("answered");
      expect(reply.answer, question).toMatch(/^An index page of 8 to 16 kB/);
    }
  });
});
