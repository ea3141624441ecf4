import { describe, expect, it } from "vitest";
import { normalizeBlockWhitespace, normalizeWhitespace } from "../../src/text/whitespace.ts";

describe("whitespace", () => {
  it("normalizeWhitespace collapses all whitespace, including non-breaking and zero-width", () => {
    expect(normalizeWhitespace("  a\u00A0\u00A0b\n\n c\u200B\t d ")).toBe("a b c d");
  });

  it("normalizeBlockWhitespace keeps lines and single blank lines", () => {
    expect(normalizeBlockWhitespace("  a   b \r\n c\n\n\n\n d  ")).toBe("a b\nc\n\nd");
  });
});
