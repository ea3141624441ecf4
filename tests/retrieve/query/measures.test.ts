import { describe, expect, it } from "vitest";
import { createCourseLexicon } from "../../../src/retrieve/query/lexicon.ts";
import { nameMeasures } from "../../../src/retrieve/query/measures.ts";
import { CourseQueryRewriter } from "../../../src/retrieve/query/rewriter.ts";
import { askedMeasures } from "../../../src/text/measures.ts";

const lexicon = createCourseLexicon([
  {
    title: "Chunking",
    heading: "Choosing a size",
    text: "Chunk size is a trade-off. Retraining frequency depends on drift, and latency on the index.",
  },
]);

describe("the measure a 'how <adjective>' question asks about", () => {
  it("reads the measure from the adjective, whatever its case, and ignores other 'how' words", () => {
    expect(askedMeasures("How BIG should chunks be, and how often do we retrain?")).toEqual([
      { phrase: "How BIG", adjective: "big", nouns: ["size"] },
      { phrase: "how often", adjective: "often", nouns: ["frequency"] },
    ]);
    expect(askedMeasures("how do I chunk a manual, and how is it embedded?")).toEqual([]);
  });

  it("names the measure beside the adjective, only with nouns the course uses", () => {
    expect(nameMeasures("how big should my chunks be", lexicon)).toBe("how big (size) should my chunks be");
    // "speed" is not a word of this course; "latency" is.
    expect(nameMeasures("how fast is the index", lexicon)).toBe("how fast (latency) is the index");
    // A course that never writes "weight" gains nothing from it.
    expect(nameMeasures("how heavy is the model", lexicon)).toBe("how heavy is the model");
    // Already named: nothing to add.
    expect(nameMeasures("how large a chunk size is best", lexicon)).toBe("how large a chunk size is best");
  });

  it("adds it to the spelled-out form the expanded search and embedding use, not to the query as asked", async () => {
    const rewriter = new CourseQueryRewriter(async () => lexicon);
    await expect(
      rewriter.rewrite("how often should we retrain", { course: "c", history: [] }),
    ).resolves.toEqual({
      query: "how often should we retrain",
      spelledOut: "how often (frequency) should we retrain",
    });
  });
});
