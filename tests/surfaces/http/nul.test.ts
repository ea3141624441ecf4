import { describe, expect, it } from "vitest";
import { containsNul } from "../../../src/surfaces/http/nul.ts";

describe("containsNul", () => {
  it("finds NUL in strings and keys at any depth", () => {
    expect(containsNul("a\u0000b")).toBe(true);
    expect(containsNul({ message: "fine", nested: [{ deeper: ["x", "\u0000"] }] })).toBe(true);
    expect(containsNul({ "key\u0000": 1 })).toBe(true);
  });

  it("leaves ordinary text alone, including the six characters \\u0000 written out", () => {
    expect(containsNul({ message: "What is drift?", k: 5, ok: true, none: null, list: [1, "two"] })).toBe(
      false,
    );
    expect(containsNul("\\u0000")).toBe(false);
    expect(containsNul("\uD800 \u202E \uFEFF")).toBe(false);
  });

  it("walks nesting far deeper than the call stack allows", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(containsNul(deep)).toBe(true);
  });
});
