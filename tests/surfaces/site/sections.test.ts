import { describe, expect, it } from "vitest";
import { slugify } from "../../../src/answer/citations.ts";
import type { DocumentChunk } from "../../../src/surfaces/site/documents.ts";
import { createSections, paragraphsOf, stripOverlap } from "../../../src/surfaces/site/sections.ts";

const chunk = (ord: number, headingPath: string[], text: string, heading?: string): DocumentChunk => ({
  ord,
  heading: heading ?? headingPath.at(-1) ?? "Week 9",
  headingPath,
  locator: null,
  text,
});

describe("stripOverlap", () => {
  it("drops the sentences a chunk repeats from the end of the one before", () => {
    const previous = "Drift is a decline in quality. It happens when the world changes after training.";
    const next = "It happens when the world changes after training. Detect it with PSI on each feature.";
    expect(stripOverlap(previous, next)).toBe("Detect it with PSI on each feature.");
  });

  it("keeps text that only shares a few characters or a partial word", () => {
    expect(stripOverlap("The model drifts.", "drifts. A new section.")).toBe("drifts. A new section.");
    expect(stripOverlap("ends with overlapping words here", "here and there")).toBe("here and there");
    expect(stripOverlap("Alpha beta gamma delta epsilon zeta", "ta epsilon zeta and more words follow")).toBe(
      "ta epsilon zeta and more words follow",
    );
  });
});

describe("paragraphsOf", () => {
  it("splits on blank lines and keeps single line breaks as lines", () => {
    expect(paragraphsOf("One.\nTwo.\n\n\nThree.\r\n")).toEqual([["One.", "Two."], ["Three."]]);
  });
});

describe("createSections", () => {
  const chunks = [
    chunk(0, [], "Intro text.", "Week 9: Monitoring"),
    chunk(1, ["Logging and metrics"], "Log every prediction with its model version."),
    chunk(2, ["Logging and metrics", "What to log"], "A request id. The model version and the latency."),
    chunk(3, ["Logging and metrics", "What to log"], "The model version and the latency. Inputs when small."),
    chunk(4, ["Detecting drift"], "Use PSI."),
    chunk(5, ["Summary", "Logging and metrics"], "A repeated heading name."),
  ];

  it("gives every chunk heading the anchor its citations link to", () => {
    const sections = createSections("Week 9: Monitoring", chunks);
    const ids = sections.flatMap((s) => s.headings.map((h) => h.id)).filter(Boolean);
    for (const c of chunks.slice(1)) expect(ids).toContain(slugify(c.heading));
    // Anchors are unique even when a heading name comes back lower down.
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("nests headings by their path and writes shared parents once", () => {
    const sections = createSections("Week 9: Monitoring", chunks);
    expect(sections.map((s) => s.headings.map((h) => `${h.level}:${h.text}`))).toEqual([
      [],
      ["2:Logging and metrics"],
      ["3:What to log"],
      [],
      ["2:Detecting drift"],
      ["2:Summary", "3:Logging and metrics"],
    ]);
    expect(sections[3]?.paragraphs).toEqual([["Inputs when small."]]);
  });
});
