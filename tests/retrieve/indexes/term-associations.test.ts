import { describe, expect, it } from "vitest";
import { normalisedPmi, TermAssociations } from "../../../src/retrieve/indexes/term-associations.ts";
import { contentTerms, contentWordsBySentence, uniqueTerms } from "../../../src/text/terms.ts";

const notes = [
  "The learning rate sets the step size of each update. A learning rate that is too large makes training diverge.",
  "Gradient descent moves the weights against the gradient. The step size of gradient descent is the learning rate.",
  "Quantization stores weights in fewer bits. Quantization cuts memory and speeds up inference.",
  "A container packages code with its dependencies. Containers start in seconds.",
  "Drift is a change in the input distribution over time.",
];

const even = () => 1;

describe("normalisedPmi", () => {
  it("is 1 for terms that only occur together, 0 for independent ones, -1 when never together", () => {
    expect(normalisedPmi(3, 3, 3, 10)).toBeCloseTo(1, 10);
    // p(a) = p(b) = 0.5, p(a,b) = 0.25: independent.
    expect(normalisedPmi(25, 50, 50, 100)).toBeCloseTo(0, 10);
    expect(normalisedPmi(0, 5, 5, 10)).toBe(-1);
  });

  it("follows the definition for a hand-computed pair", () => {
    // p(a,b) = 2/20, p(a) = 4/20, p(b) = 5/20: log(0.1 / 0.05) / -log(0.1)
    expect(normalisedPmi(2, 4, 5, 20)).toBeCloseTo(Math.log(2) / Math.log(10), 10);
  });
});

describe("TermAssociations", () => {
  const associations = TermAssociations.fromTexts(notes);

  it("leads a student's words to the terms the notes use with them", () => {
    const expansion = associations.expand(uniqueTerms("is my step size too big?"), even);
    expect(expansion).toContain("learning");
    expect(expansion).toContain("rate");
  });

  it("returns words that analyse back to the course's terms", () => {
    const expansion = associations.expand(uniqueTerms("why is my step size wrong"), even);
    const courseTerms = new Set(contentTerms(notes.join(" ")));
    for (const word of expansion)
      for (const term of contentTerms(word)) expect(courseTerms.has(term)).toBe(true);
  });

  it("never repeats the query's own terms and respects the limit", () => {
    const terms = uniqueTerms("learning rate step size");
    const expansion = associations.expand(terms, even, { limit: 2, minSentences: 2, minNpmi: 0 });
    expect(expansion.length).toBeLessThanOrEqual(2);
    for (const word of expansion) expect(terms).not.toContain(contentTerms(word)[0]);
  });

  it("needs a pair to share enough sentences", () => {
    // "container" and "dependencies" share one sentence only.
    expect(associations.expand(uniqueTerms("container"), even)).not.toContain("dependencies");
    expect(
      associations.expand(uniqueTerms("container"), even, { limit: 8, minSentences: 1, minNpmi: 0 }),
    ).toContain("dependencies");
  });

  it("weights each query term: a heavier term's associates come first", () => {
    const terms = uniqueTerms("step quantization");
    const stepFirst = associations.expand(terms, (t) => (t === "step" ? 10 : 1), {
      limit: 1,
      minSentences: 1,
      minNpmi: 0,
    });
    const quantizationFirst = associations.expand(terms, (t) => (t === "step" ? 1 : 10), {
      limit: 1,
      minSentences: 1,
      minNpmi: 0,
    });
    expect(stepFirst).not.toEqual(quantizationFirst);
  });

  it("has nothing to offer for words the course never uses, or an empty course", () => {
    expect(associations.expand(uniqueTerms("sourdough lasagna"), even)).toEqual([]);
    expect(TermAssociations.fromTexts([]).expand(uniqueTerms("step size"), even)).toEqual([]);
  });
});

describe("contentWordsBySentence", () => {
  it("gives the same terms as contentTerms, split where the sentences end", () => {
    const text = notes[0] as string;
    const sentences = contentWordsBySentence(text);
    expect(sentences).toHaveLength(2);
    expect(sentences.flat().map((w) => w.term)).toEqual(contentTerms(text));
    expect(sentences[0]?.map((w) => w.word)).toContain("learning");
  });
});
