import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/ingest/chunker.ts";
import type { ChunkingOptions, DocumentSection, LoadedDocument } from "../../src/ingest/types.ts";
import { splitSentences } from "../../src/text/sentences/index.ts";

const options: ChunkingOptions = { maxChars: 300, overlapChars: 80, minChars: 60 };

function doc(sections: DocumentSection[], title = "Week 3: Evaluation"): LoadedDocument {
  return { format: "markdown", title, sections, meta: {} };
}

/** Numbered sentences of about 50 characters, easy to trace across chunks. */
function sentences(prefix: string, count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `${prefix} sentence ${i + 1} says something useful here.`,
  ).join(" ");
}

describe("chunkDocument", () => {
  it("keeps every chunk within maxChars and numbers them from zero", () => {
    const chunks = chunkDocument(doc([{ headingPath: ["Metrics"], text: sentences("Metric", 30) }]), options);
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(options.maxChars);
      expect(chunk.text).toBe(chunk.text.trim());
      expect(chunk.text).not.toBe("");
    }
    expect(chunks.map((chunk) => chunk.ord)).toEqual(chunks.map((_, i) => i));
  });

  it("splits only on sentence boundaries when the sentences fit", () => {
    const text = sentences("Loss", 20);
    const all = new Set(splitSentences(text));
    for (const chunk of chunkDocument(doc([{ headingPath: ["Loss"], text }]), options)) {
      for (const sentence of splitSentences(chunk.text)) expect(all.has(sentence)).toBe(true);
    }
  });

  it("hard-splits a single sentence longer than maxChars, at spaces, losing no words", () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
    const chunks = chunkDocument(doc([{ headingPath: ["Long"], text: `${words.join(" ")}.` }]), {
      ...options,
      overlapChars: 0,
    });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(options.maxChars);
    expect(chunks.map((chunk) => chunk.text).join(" ")).toBe(`${words.join(" ")}.`);
  });

  it("repeats whole trailing sentences of a chunk at the start of the next one in the same section", () => {
    const chunks = chunkDocument(
      doc([{ headingPath: ["Overlap"], text: sentences("Overlap", 20) }]),
      options,
    );
    expect(chunks.length).toBeGreaterThan(2);
    for (let i = 1; i < chunks.length; i++) {
      const previous = splitSentences(chunks[i - 1]!.text);
      const first = splitSentences(chunks[i]!.text)[0]!;
      expect(previous.slice(1)).toContain(first);
      const overlap = previous.slice(previous.indexOf(first)).join(" ");
      expect(overlap.length).toBeLessThanOrEqual(options.overlapChars);
      expect(chunks[i]!.text.startsWith(overlap)).toBe(true);
    }
  });

  it("carries one long last sentence as overlap when it is at most twice overlapChars", () => {
    const long =
      "This closing sentence is deliberately long, well past the overlap budget, but under twice it.";
    expect(long.length).toBeGreaterThan(options.overlapChars);
    const text = `${sentences("Intro", 3)} ${long}\n\n${sentences("Next", 4)}`;
    const chunks = chunkDocument(doc([{ headingPath: ["S"], text }]), options);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]!.text.startsWith(`${long}\n\nNext sentence 1`)).toBe(true);
  });

  it("never ends a chunk on a heading line: it stays with the sentence it introduces", () => {
    const intro = sentences("Intro", 6);
    const text = `${intro}\n\nDetails\n${sentences("Detail", 8)}`;
    // Room for the heading but not for its first sentence after the intro.
    expect(intro.length + "\n\nDetails".length).toBeLessThanOrEqual(options.maxChars);
    expect(
      intro.length + "\n\nDetails\nDetail sentence 1 says something useful here.".length,
    ).toBeGreaterThan(options.maxChars);
    const chunks = chunkDocument(doc([{ headingPath: ["S"], text }]), { ...options, overlapChars: 0 });
    expect(chunks[0]!.text).toBe(intro);
    expect(chunks[1]!.text.startsWith("Details\nDetail sentence 1 ")).toBe(true);
  });

  it("packs whole paragraphs and moves a paragraph that does not fit to the next chunk", () => {
    const paragraphs = [sentences("First", 2), sentences("Second", 2), sentences("Third", 3)];
    const chunks = chunkDocument(doc([{ headingPath: ["P"], text: paragraphs.join("\n\n") }]), options);
    expect(chunks[0]!.text).toBe(`${paragraphs[0]}\n\n${paragraphs[1]}`);
    expect(chunks[1]!.text.endsWith(paragraphs[2]!)).toBe(true);
  });

  it("never lets a chunk span two top-level sections and never overlaps across them", () => {
    const chunks = chunkDocument(
      doc([
        { headingPath: ["Alpha"], text: sentences("Alpha", 12) },
        { headingPath: ["Alpha", "Detail"], text: sentences("Detail", 2) },
        { headingPath: ["Beta"], text: sentences("Beta", 12) },
      ]),
      options,
    );
    for (const chunk of chunks) {
      const hasAlpha = /Alpha|Detail/.test(chunk.text);
      const hasBeta = /Beta/.test(chunk.text);
      expect(hasAlpha && hasBeta).toBe(false);
      expect(chunk.headingPath[0]).toBe(hasBeta ? "Beta" : "Alpha");
    }
    const firstBeta = chunks.find((chunk) => chunk.headingPath[0] === "Beta")!;
    expect(firstBeta.text.startsWith("Beta sentence 1 ")).toBe(true);
  });

  it("merges a tiny section forward into the next one under the same parent, writing its heading as a line", () => {
    const chunks = chunkDocument(
      doc([
        { headingPath: ["Metrics"], text: "Metrics compare predictions." },
        {
          headingPath: ["Metrics", "Precision"],
          text: "Precision is TP / (TP + FP). It punishes false alarms.",
        },
        { headingPath: ["Deployment"], text: "Ship it carefully." },
      ]),
      options,
    );
    expect(chunks).toEqual([
      {
        ord: 0,
        headingPath: ["Metrics"],
        heading: "Metrics",
        text: "Metrics compare predictions.\n\nPrecision\nPrecision is TP / (TP + FP). It punishes false alarms.",
      },
      { ord: 1, headingPath: ["Deployment"], heading: "Deployment", text: "Ship it carefully." },
    ]);
  });

  it("merges a tiny last subsection back into the previous section of its parent", () => {
    const chunks = chunkDocument(
      doc([
        { headingPath: ["Metrics"], text: sentences("Metrics", 2) },
        { headingPath: ["Metrics", "Recall"], text: "Recall counts misses." },
        { headingPath: ["Serving"], text: sentences("Serving", 2) },
      ]),
      options,
    );
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([["Metrics"], ["Serving"]]);
    expect(chunks[0]!.text.endsWith("\n\nRecall\nRecall counts misses.")).toBe(true);
  });

  it("does not merge when the result would exceed maxChars", () => {
    const chunks = chunkDocument(
      doc([
        { headingPath: ["A"], text: "Tiny intro." },
        { headingPath: ["A", "B"], text: sentences("Big", 7) },
      ]),
      options,
    );
    expect(chunks[0]).toMatchObject({ headingPath: ["A"], text: "Tiny intro." });
    expect(chunks[1]!.headingPath).toEqual(["A", "B"]);
  });

  it("keeps tiny slides apart, with their locators", () => {
    const chunks = chunkDocument(
      {
        format: "slides",
        title: "Deck",
        meta: {},
        sections: [
          { headingPath: ["One"], text: "First point.", locator: "slide 1" },
          { headingPath: ["Two"], text: "Second point.", locator: "slide 3" },
        ],
      },
      options,
    );
    expect(chunks.map((chunk) => [chunk.heading, chunk.locator, chunk.text])).toEqual([
      ["One", "slide 1", "First point."],
      ["Two", "slide 3", "Second point."],
    ]);
  });

  it("uses the innermost heading, or the document title above every heading", () => {
    const chunks = chunkDocument(
      doc([
        { headingPath: [], text: sentences("Intro", 2) },
        { headingPath: ["Splits", "Stratified"], text: sentences("Strat", 2) },
      ]),
      options,
    );
    expect(chunks.map((chunk) => [chunk.heading, chunk.headingPath])).toEqual([
      ["Week 3: Evaluation", []],
      ["Stratified", ["Splits", "Stratified"]],
    ]);
  });

  it("keeps list items one a line and skips blank sections", () => {
    const chunks = chunkDocument(
      doc([
        { headingPath: ["Empty"], text: "  \n\n " },
        { headingPath: ["Goals"], text: "Split data.\nCompute F1.\nAvoid leakage." },
      ]),
      options,
    );
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.text).toBe("Split data.\nCompute F1.\nAvoid leakage.");
  });

  it("splits a long list between items, not inside them", () => {
    const items = Array.from({ length: 20 }, (_, i) => `Term ${i}: a definition of moderate length.`);
    const chunks = chunkDocument(doc([{ headingPath: ["Glossary"], text: items.join("\n") }]), options);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      for (const line of chunk.text.split("\n")) expect(items).toContain(line);
    }
  });

  it("terminates with tiny limits and never emits empty or oversized chunks", () => {
    const text = "Emoji 😀 here.\n\nA longer sentence follows it. 😀😀😀";
    const chunks = chunkDocument(doc([{ headingPath: ["T"], text }]), {
      maxChars: 5,
      overlapChars: 3,
      minChars: 0,
    });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeGreaterThan(0);
      expect(chunk.text.length).toBeLessThanOrEqual(5);
      expect(chunk.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });

  it("is deterministic and uses the default options when none are given", () => {
    const input = doc([{ headingPath: ["A"], text: sentences("Long", 60) }]);
    const first = chunkDocument(input);
    expect(chunkDocument(input)).toEqual(first);
    expect(Math.max(...first.map((chunk) => chunk.text.length))).toBeLessThanOrEqual(1000);
    expect(first.length).toBeGreaterThan(2);
  });
});
