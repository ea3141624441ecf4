import { describe, expect, it } from "vitest";
import { withoutRegister } from "../../src/text/register.ts";

/** The register of a message (slang, interjections, swearing for emphasis, fillers) is not its topic. */
describe("withoutRegister", () => {
  it("drops slang, interjections, swearing for emphasis and casual fillers", () => {
    expect(withoutRegister("wtf is a reranker lol")).toBe("what is a reranker");
    expect(withoutRegister("ok so like what even is chunking lmao")).toBe("what is chunking");
    expect(withoutRegister("quick q: how does filtering help?")).toBe("how does filtering help?");
    expect(withoutRegister("this is so hard, what is recall in simple terms, help")).toBe("what is recall");
  });

  it("keeps the subject: course words that look like slang stay, plain questions are untouched", () => {
    expect(withoutRegister("how tf does TF-IDF work?")).toBe("how does TF-IDF work?");
    expect(withoutRegister("What is drift?")).toBe("What is drift?");
    // A trailing plea counts only after a clause break: here "help" is the question's verb.
    expect(withoutRegister("how does filtering help?")).toBe("how does filtering help?");
  });
});
