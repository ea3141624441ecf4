import { describe, expect, it } from "vitest";
import { citationUrl, slugify, truncate } from "../../src/answer/citations.ts";

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
