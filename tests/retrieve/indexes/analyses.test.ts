import { describe, expect, it } from "vitest";
import { ChunkAnalyses } from "../../../src/retrieve/indexes/analyses.ts";
import { contentWordsBySentence } from "../../../src/text/terms.ts";

const texts = {
  a: "Model drift is the slow decline of a model's accuracy. Monitor the input distribution weekly.",
  b: "Use a learning-rate schedule: warm up for 3.5 epochs, then decay. E-mail the TA (ta@aie101.edu) if stuck.",
  c: "Zoë's naïve Bayes baseline reached 0.82 F1 — not bad for 12 lines of code!",
  d: "",
};

describe("ChunkAnalyses", () => {
  it("gives the same sentences of content words as a fresh analysis, from the cache too", () => {
    const analyses = new ChunkAnalyses();
    const chunks = Object.entries(texts).map(([chunkId, text]) => ({ chunkId, text }));
    const fresh = chunks.map((c) => contentWordsBySentence(c.text));
    expect(analyses.analyse(chunks)).toEqual(fresh);
    // The second build decodes every chunk instead of analysing it: same result.
    expect(analyses.analyse(chunks)).toEqual(fresh);
  });

  it("analyses only chunks it has not seen, and forgets chunks that are gone", () => {
    const analyses = new ChunkAnalyses();
    analyses.analyse([{ chunkId: "1", text: texts.a }]);
    // A chunk id is never reused for other text; a stale entry under the same id would show here.
    const next = analyses.analyse([
      { chunkId: "1", text: texts.a },
      { chunkId: "2", text: texts.b },
    ]);
    expect(next[1]).toEqual(contentWordsBySentence(texts.b));
    const after = analyses.analyse([{ chunkId: "2", text: texts.b }]);
    expect(after).toEqual([contentWordsBySentence(texts.b)]);
    const readded = analyses.analyse([{ chunkId: "1", text: texts.c }]);
    expect(readded).toEqual([contentWordsBySentence(texts.c)]);
  });
});
