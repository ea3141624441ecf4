import { describe, expect, it } from "vitest";
import { BLANK, makeCloze } from "../../../src/answer/modes/cloze.ts";
import { stem } from "../../../src/text/terms.ts";

const rare = new Set([stem("covariate"), stem("distribution")]);
const weight = (term: string) => (rare.has(term) ? 5 : 1);

describe("makeCloze", () => {
  it("blanks the rarest words the student did not say, keeping the rest of the sentence", () => {
    const sentence =
      "Data drift, also called covariate shift, is a change in the distribution of the input features.";
    const cloze = makeCloze(sentence, { count: 2, known: new Set([stem("drift")]), weight });
    expect(cloze?.blanks).toEqual(["covariate", "distribution"]);
    expect(cloze?.text).toBe(
      `Data drift, also called ${BLANK} shift, is a change in the ${BLANK} of the input features.`,
    );
  });

  it("never blanks a word the student already used", () => {
    const cloze = makeCloze("Covariate shift changes inputs.", {
      count: 3,
      known: new Set([stem("covariate"), stem("shift"), stem("changes"), stem("inputs")]),
      weight,
    });
    expect(cloze).toBeNull();
  });

  it("prefers the passage's recurring concepts over incidental rare words", () => {
    const sentence = "The monitor compares windows while experiencing drift.";
    const passage = `${sentence} Windows are compared daily. Each window holds a week of inputs. Windows matter.`;
    const flat = () => 1;
    const cloze = makeCloze(sentence, { count: 1, known: new Set(), weight: flat, passage });
    expect(cloze?.blanks).toEqual(["windows"]);
  });

  it("treats identifiers with underscores as one word", () => {
    const cloze = makeCloze("Tune ef_construction for recall.", {
      count: 1,
      known: new Set([stem("tune"), stem("recall")]),
      weight,
    });
    expect(cloze?.text).toBe(`Tune ${BLANK} for recall.`);
  });
});
