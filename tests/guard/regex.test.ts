import { describe, expect, it } from "vitest";
import { re, reSource } from "../../src/guard/regex.ts";

describe("re and reSource", () => {
  it("drop line breaks and the indentation after them, and keep the text raw", () => {
    const verb = reSource`
      (?:ignore|
      disregard)
    `;
    expect(verb).toBe("(?:ignore|disregard)");
    const pattern = re("iu")`\b${verb}\s+all\b`;
    expect(pattern.source).toBe(String.raw`\b(?:ignore|disregard)\s+all\b`);
    expect(pattern.flags).toBe("iu");
    expect(pattern.test("Please DISREGARD all of it")).toBe(true);
  });

  it("keep spaces inside a line", () => {
    expect(reSource`a b|
      c d`).toBe("a b|c d");
  });
});
