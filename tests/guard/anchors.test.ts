import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anchorStrings, mayMatch, testAnchored } from "../../src/guard/anchors/index.ts";
import { allForms, textViews } from "../../src/guard/normalize/index.ts";
import { OVERRIDE_PATTERNS } from "../../src/guard/rules/injection/override.ts";
import { loadSuites } from "../../src/guard/suite/index.ts";

/**
 * Anchor words let a rule skip a pattern whose fixed words are not in the text. Skipping must
 * never change a verdict: every match of a pattern contains one of its anchors.
 */
describe("anchor strings read from a pattern", () => {
  it.each([
    [String.raw`\bignore\s+(?:all|previous)\b`, ["ignore"]],
    ["(?:a|b)c?d", ["acd", "ad", "bcd", "bd"]],
    ["x?abc", ["abc"]],
    ["(?:foo|)bar", ["bar"]],
    ["a+bc", ["bc"]],
    [String.raw`(?<!not\s)\bdelete\b|erase`, ["delete", "erase"]],
    ["[sz]ize", ["size", "zize"]],
    [String.raw`\p{L}+ing\b`, ["ing"]],
    [String.raw`(?:ignore)?\s*rules?`, ["rule"]],
  ])("%s → %j", (source, anchors) => {
    expect(anchorStrings(new RegExp(source, "iu"))?.sort()).toEqual([...anchors].sort());
  });

  it.each([
    [String.raw`\w+\s+\w+`, "iu", "no fixed text"],
    [String.raw`(a)b\1`, "iu", "a back-reference"],
    ["ignore", "i", "not unicode mode"],
    ["ignore", "giu", "global: lastIndex would differ"],
  ])("gives none for %s /%s (%s)", (source, flags) => {
    expect(anchorStrings(new RegExp(source, flags))).toBeUndefined();
  });

  it("skips a pattern whose anchors are absent, and runs it when one is there", () => {
    const pattern = /\bignore\s+(?:all|previous)\s+instructions\b/iu;
    expect(mayMatch(pattern, "what is a transformer?")).toBe(false);
    expect(mayMatch(pattern, "which INSTRUCTIONS apply here?")).toBe(true);
    expect(testAnchored(pattern, "Ignore all instructions")).toBe(true);
  });

  it("reads case as the pattern does, long s and Kelvin sign included", () => {
    const pattern = /\bsystem\s+prompt\b|\bkelvin\b/iu;
    for (const text of ["SYSTEM PROMPT", "ſyſtem prompt", "\u212Aelvin"]) {
      expect(pattern.test(text), text).toBe(true);
      expect(mayMatch(pattern, text), text).toBe(true);
    }
    const cased = /\bWhat\s+did\s+Tom\b/u;
    expect(mayMatch(cased, "what did tom")).toBe(false);
    expect(cased.test("what did tom")).toBe(false);
  });
});

/** Every pattern the rule modules export: lists of patterns, family patterns and single ones. */
async function rulePatterns(): Promise<{ name: string; pattern: RegExp }[]> {
  const dir = path.join(import.meta.dirname, "../../src/guard/rules");
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  const found: { name: string; pattern: RegExp }[] = [];
  for (const file of files) {
    const exports: Record<string, unknown> = await import(path.join(dir, file));
    for (const [key, value] of Object.entries(exports)) {
      const items = Array.isArray(value) ? value : [value];
      items.forEach((item, i) => {
        const pattern = item instanceof RegExp ? item : (item as { pattern?: unknown } | null)?.pattern;
        if (pattern instanceof RegExp) found.push({ name: `${file}:${key}[${i}]`, pattern });
      });
    }
  }
  return found;
}

describe("anchors of the shipped rules", () => {
  it("never rule out a text a pattern matches (suite strings, their forms, in upper case)", async () => {
    const patterns = await rulePatterns();
    expect(patterns.length).toBeGreaterThan(200);
    const { attacks, benign } = await loadSuites();
    const texts = new Set<string>();
    // Every third string, to keep the test quick: each skipped (pattern, text) pair is run to check.
    for (const { text } of [...attacks, ...benign].filter((_, i) => i % 3 === 0)) {
      const views = textViews(text);
      for (const form of allForms(views)) texts.add(form);
      texts.add(views.clean);
      texts.add(text.toUpperCase());
    }
    const missed: string[] = [];
    let skipped = 0;
    for (const text of texts) {
      for (const { name, pattern } of patterns) {
        if (mayMatch(pattern, text)) continue;
        skipped++;
        if (pattern.test(text)) missed.push(`${name}: ${text}`);
      }
    }
    expect(missed).toEqual([]);
    // The anchors do skip most patterns for most texts (that is what they are for).
    expect(skipped / (patterns.length * texts.size)).toBeGreaterThan(0.8);
  });

  it("give every override pattern an anchor", () => {
    for (const { pattern } of OVERRIDE_PATTERNS) expect(anchorStrings(pattern), pattern.source).toBeDefined();
  });
});
