import { describe, expect, it } from "vitest";
import { isEnglishWord } from "../../../src/retrieve/query/english.ts";
import { createCourseLexicon } from "../../../src/retrieve/query/lexicon.ts";
import { correctSpelling, editDistance, suggestWord } from "../../../src/retrieve/query/spelling.ts";

const lexicon = createCourseLexicon([
  {
    title: "Drift",
    heading: "Detecting drift",
    text: "Drift detection compares production data with training data.",
  },
  {
    title: "Transformers",
    heading: "Attention",
    text: "Transformer attention weighs every token. Embeddings normalize.",
  },
  {
    title: "Quantization",
    heading: "Quantization",
    text: "Quantization shrinks weights; tokenization splits text.",
  },
  { title: "Drift", heading: "Tests", text: "The drift test uses the distribution of production inputs." },
]);
const options = { isKnownWord: isEnglishWord };

describe("typo tolerance against the course vocabulary", () => {
  it("measures edits, counting an adjacent swap as one", () => {
    expect(editDistance("drfit", "drift", 2)).toBe(1);
    expect(editDistance("trnsformer", "transformer", 2)).toBe(1);
    expect(editDistance("embeddngs", "embeddings", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 2)).toBe(3); // over the limit: limit + 1
    expect(editDistance("same", "same", 1)).toBe(0);
  });

  it("corrects misspelt course words and keeps the rest of the question as typed", () => {
    const result = correctSpelling(
      "how do I detect data drfit in productoin with trnsformer attenton?",
      lexicon,
      options,
    );
    expect(result.text).toBe("how do I detect data drift in production with transformer attention?");
    expect(result.corrections.map((c) => c.from)).toEqual(["drfit", "productoin", "trnsformer", "attenton"]);
  });

  it("maps British spellings to the course's American ones", () => {
    expect(suggestWord("normalise", lexicon, options)).toBe("normalize");
    expect(suggestWord("quantisation", lexicon, options)).toBe("quantization");
    expect(suggestWord("tokenisation", lexicon, options)).toBe("tokenization");
  });

  it("leaves real English words, short words and course words alone", () => {
    expect(suggestWord("lasagna", lexicon, options)).toBeUndefined();
    expect(suggestWord("recipe", lexicon, options)).toBeUndefined();
    expect(suggestWord("datz", lexicon, options)).toBeUndefined(); // four letters: too many guesses
    expect(suggestWord("drift", lexicon, options)).toBeUndefined();
    expect(suggestWord("zzzzzzzz", lexicon, options)).toBeUndefined(); // nothing close enough
  });

  it("knows English words from wink's lexicon", () => {
    expect(isEnglishWord("lasagna")).toBe(true);
    expect(isEnglishWord("Recipe")).toBe(true);
    expect(isEnglishWord("drfit")).toBe(false);
  });
});
