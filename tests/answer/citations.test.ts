import { describe, expect, it } from "vitest";
import {
  citationUrl,
  distinctCitations,
  excerptOf,
  makeCitation,
  slugify,
  truncate,
} from "../../src/answer/citations.ts";
import type { Citation } from "../../src/core/chat.ts";
import { chunk } from "../guard/chunks.ts";

describe("citation helpers", () => {
  it("slugifies headings the way anchors are written", () => {
    expect(slugify("What model drift is")).toBe("what-model-drift-is");
    expect(slugify("Kullback–Leibler & Jensen–Shannon (KL/JS)")).toBe(
      "kullback-leibler-jensen-shannon-kl-js",
    );
    expect(slugify("Café crème")).toBe("cafe-creme");
  });

  it("links to the section and makes relative links absolute when the public address is known", () => {
    const chunk = { url: "/course/aie101/week-09", heading: "Data drift" };
    expect(citationUrl(chunk)).toBe("/course/aie101/week-09#data-drift");
    expect(citationUrl(chunk, "https://tutor.example.edu")).toBe(
      "https://tutor.example.edu/course/aie101/week-09#data-drift",
    );
    expect(citationUrl({ url: "https://x.edu/a#b", heading: "C" }, "https://t")).toBe("https://x.edu/a#b");
    expect(citationUrl({ url: null, heading: "C" })).toBeUndefined();
  });

  it("shortens snippets on a word boundary", () => {
    expect(truncate("one two three four five", 12)).toBe("one two…");
    expect(truncate("short", 12)).toBe("short");
  });
});

describe("source excerpts", () => {
  const section = { title: "Week 9: Monitoring, Drift and Retraining", heading: "Data drift" };

  it("show the text after a heading or title line the chunk opens with, not the label again", () => {
    expect(excerptOf("Data drift\n\nInputs change while labels keep their rule.", section)).toBe(
      "Inputs change while labels keep their rule.",
    );
    expect(excerptOf("## **Data  drift**\nInputs change.", section)).toBe("Inputs change.");
    expect(excerptOf("Week 9: Monitoring, Drift and Retraining\nData drift\nInputs change.", section)).toBe(
      "Inputs change.",
    );
    const cited = makeCitation(
      1,
      chunk("1", "Data drift\nInputs change over time.", section),
      "Data drift\nInputs change over time.",
    );
    expect(cited.snippet).toBe("Inputs change over time.");
  });

  it("keep a sentence that merely starts with the heading's words, and are empty for a bare title", () => {
    const sentence = "Data drift, also called covariate shift, is a change in the inputs.";
    expect(excerptOf(sentence, section)).toBe(sentence);
    expect(excerptOf("Data drift", section)).toBe("");
  });
});

describe("distinctCitations", () => {
  const base = { source: "a.md", title: "Week 1", heading: "Intro", chunkId: "1" };
  const cite = (n: number, over: Partial<Citation>): Citation => ({ n, snippet: "", ...base, ...over });

  it("drops sources that repeat a place or an excerpt up to whitespace, case and markdown, renumbering", () => {
    const list = [
      cite(1, { snippet: "Drift is a change in inputs." }),
      cite(2, {
        source: "b.md",
        heading: "Other",
        chunkId: "2",
        snippet: "**Drift**  is a change in\ninputs",
      }),
      cite(3, {
        source: "c.md",
        heading: "intro ",
        title: "week 1",
        chunkId: "3",
        snippet: "Something else.",
      }),
      cite(4, { source: "d.md", heading: "Labels", chunkId: "4", snippet: "Labels shift too." }),
    ];
    const kept = distinctCitations(list);
    expect(kept.map((c) => c.chunkId)).toEqual(["1", "4"]);
    expect(kept.map((c) => c.n)).toEqual([1, 2]);
  });
});
