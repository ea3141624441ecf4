import { describe, expect, it } from "vitest";
import { BLANK, makeCloze } from "../../../src/answer/modes/cloze.ts";
import { isConceptWord, keyConcept } from "../../../src/answer/modes/concept.ts";
import { uniqueTerms } from "../../../src/text/terms.ts";

const known = (question: string) => new Set(uniqueTerms(question));
const flat = () => 1;

describe("keyConcept", () => {
  const definition =
    "Best Matching 25 (BM25) is a ranking function that scores a document by summing term weights.";

  it("is a definition's genus when the student named the defined term", () => {
    expect(keyConcept(definition, known("what is BM25"))?.text).toBe("ranking function");
    expect(
      keyConcept("Model drift is the decline in a model's quality over time.", known("what is model drift"))
        ?.text,
    ).toBe("decline");
  });

  it("is the defined term itself when the student asked around it", () => {
    const concept = keyConcept(definition, known("which function scores documents by summing term weights?"));
    expect(concept?.text).toBe("Best Matching 25 (BM25)");
    expect(definition.slice(concept!.index, concept!.index + concept!.text.length)).toBe(concept!.text);
  });

  it("is a named technique the student did not say, in a sentence that defines nothing", () => {
    expect(
      keyConcept("Tune ef_construction before you raise M.", known("how do I tune the index"))?.text,
    ).toBe("ef_construction");
    expect(keyConcept("Reciprocal rank fusion merges the lists with RRF.", known("fusion"))?.text).toBe(
      "RRF",
    );
  });

  it("reads a sentence about an earlier subject, or a passive, as no definition", () => {
    expect(
      keyConcept("This approach is a good compromise for small teams.", known("which index")),
    ).toBeUndefined();
    expect(
      keyConcept("The model is trained on last year's data.", known("how is the model built")),
    ).toBeUndefined();
    expect(keyConcept("Embeddings are dense vectors of numbers.", known("what are embeddings"))?.text).toBe(
      "dense vectors",
    );
  });

  it("is nothing rather than a random word when the sentence has no concept to hold back", () => {
    expect(keyConcept("You should try again later today.", known("what now"))).toBeUndefined();
  });
});

describe("isConceptWord", () => {
  it("rejects function, degree and quantity words", () => {
    for (const word of ["the", "of", "longer", "many", "often", "also", "several"]) {
      expect(isConceptWord(word), word).toBe(false);
    }
    for (const word of ["embedding", "recall", "BM25", "ef_search"])
      expect(isConceptWord(word), word).toBe(true);
  });
});

describe("makeCloze with a key concept", () => {
  it("blanks the genus of a definition first, whole, and never a degree word", () => {
    const sentence =
      "Model drift is the decline in a deployed model's quality that happens because the world no longer matches its data.";
    const cloze = makeCloze(sentence, { count: 3, known: known("what is model drift"), weight: flat });
    expect(cloze?.blanks[0]).toBe("decline");
    expect(cloze?.blanks).not.toContain("longer");
    expect(cloze?.text.startsWith(`Model drift is the ${BLANK} in`)).toBe(true);
  });

  it("blanks a multi-word concept as one blank", () => {
    const cloze = makeCloze("BM25 is a ranking function that scores documents.", {
      count: 1,
      known: known("what is bm25"),
      weight: flat,
    });
    expect(cloze?.text).toBe(`BM25 is a ${BLANK} that scores documents.`);
  });
});
