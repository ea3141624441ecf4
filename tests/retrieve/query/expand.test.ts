import { describe, expect, it } from "vitest";
import { expandAcronyms } from "../../../src/retrieve/query/expand.ts";
import { createCourseLexicon } from "../../../src/retrieve/query/lexicon.ts";
import { expandShorthand } from "../../../src/retrieve/query/shorthand.ts";

const lexicon = createCourseLexicon([
  {
    title: "Search",
    heading: "Fusion",
    text: "Reciprocal Rank Fusion (RRF) merges lists. RRF needs no tuning. A REST API (Representational State Transfer) is not an acronym definition here.",
  },
  {
    title: "Serving",
    heading: "APIs",
    text: "A Representational State Transfer (REST) interface serves the rest of the system. The rest is history.",
  },
  {
    title: "Models",
    heading: "LLMs",
    text: "A Large Language Model (LLM) predicts tokens. LLMs are large. def rrf(lists):",
  },
]);

describe("acronym expansion", () => {
  it("spells out an acronym the course defines, once, next to the acronym", () => {
    expect(expandAcronyms("how does RRF work? is RRF slow?", lexicon)).toBe(
      "how does RRF (Reciprocal Rank Fusion) work? is RRF slow?",
    );
    expect(expandAcronyms("what do LLMs do", lexicon)).toBe("what do LLMs (Large Language Model) do");
  });

  it("expands a lower-case acronym only when the course mostly writes it in capitals", () => {
    expect(expandAcronyms("how does rrf work", lexicon)).toBe("how does rrf (Reciprocal Rank Fusion) work");
    expect(expandAcronyms("what is the rest of the course", lexicon)).toBe("what is the rest of the course");
    expect(expandAcronyms("what is a REST API", lexicon)).toBe(
      "what is a REST (Representational State Transfer) API",
    );
  });

  it("does not repeat a long form the question already has, nor touch unknown acronyms", () => {
    expect(expandAcronyms("reciprocal rank fusion (RRF) vs averaging", lexicon)).toBe(
      "reciprocal rank fusion (RRF) vs averaging",
    );
    expect(expandAcronyms("what is GDPR", lexicon)).toBe("what is GDPR");
  });
});

describe("chat shorthand", () => {
  it("spells out shorthand unless the course uses the token as a word", () => {
    expect(expandShorthand("why do ppl say u need diff params")).toBe(
      "why do people say you need difference parameters",
    );
    expect(expandShorthand("my clf gets 99% acc w/o tuning")).toBe("my clf gets 99% accuracy without tuning");
    expect(expandShorthand("what is the dev split", { isCourseWord: (t) => t === "dev" })).toBe(
      "what is the dev split",
    );
  });
});
