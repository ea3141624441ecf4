import { describe, expect, it } from "vitest";
import { findAcronymDefinitions, longFormFor, mineAcronyms } from "../../../src/retrieve/query/acronyms.ts";

describe("acronyms a course defines", () => {
  it("finds the long form whose words spell the acronym, however the letters fall", () => {
    expect(longFormFor("RRF", "then combine them with Reciprocal Rank Fusion")).toBe(
      "Reciprocal Rank Fusion",
    );
    expect(longFormFor("LoRA", "fine-tune with Low-Rank Adaptation")).toBe("Low-Rank Adaptation");
    expect(longFormFor("BM25", "the function Best Matching 25")).toBe("Best Matching 25");
    expect(longFormFor("TF-IDF", "raw Term Frequency–Inverse Document Frequency")).toBe(
      "Term Frequency–Inverse Document Frequency",
    );
    expect(longFormFor("GPT", "Decoder-only")).toBeUndefined();
  });

  it("mines 'Full Name (ACRONYM)' from text and skips parentheses that are not acronyms", () => {
    const text =
      "We index with Hierarchical Navigable Small World (HNSW) graphs. Track drift with the Population " +
      "Stability Index (PSI). Results appear in Week 7 (see below) and in amount(None). An index (IVF) stands alone.";
    const found = findAcronymDefinitions(text).map((d) => [d.acronym, d.longForm]);
    expect(found).toEqual([
      ["HNSW", "Hierarchical Navigable Small World"],
      ["PSI", "Population Stability Index"],
    ]);
  });

  it("keys acronyms by lower case and prefers the long form the course uses most", () => {
    const acronyms = mineAcronyms([
      "The Inverted File (IVF) index clusters vectors.",
      "An Inverted File Index (IVF) probes a few lists.",
      "Again the Inverted File (IVF) wins.",
      "Emphasis is dropped: **Horizontal Pod Autoscaler (HPA)**.",
    ]);
    expect(acronyms.get("ivf")).toEqual({ acronym: "IVF", longForm: "Inverted File" });
    expect(acronyms.get("hpa")?.longForm).toBe("Horizontal Pod Autoscaler");
  });
});
