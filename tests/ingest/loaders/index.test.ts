import { describe, expect, it } from "vitest";
import { loaders, pickLoader, supportedExtensions } from "../../../src/ingest/loaders/index.ts";

describe("pickLoader", () => {
  it("prefers the slide loader for decks and the markdown loader for notes", () => {
    expect(pickLoader("week-01/slides.md", "# A\n\n---\n\n# B\n\n---\n\n# C\n")?.format).toBe("slides");
    expect(pickLoader("week-01/notes.md", "---\ntitle: Notes\n---\n# Notes\n\nText.\n")?.format).toBe(
      "markdown",
    );
  });

  it("picks by extension for the other formats", () => {
    expect(pickLoader("a.html", "<html>")?.format).toBe("html");
    expect(pickLoader("a.htm", "<html>")?.format).toBe("html");
    expect(pickLoader("a.txt", "text")?.format).toBe("text");
    expect(pickLoader("a.pdf", "%PDF-1.7")?.format).toBe("pdf");
  });

  it("returns undefined for unsupported files", () => {
    expect(pickLoader("diagram.png", "\u0089PNG")).toBeUndefined();
    expect(pickLoader("Makefile", "all:")).toBeUndefined();
  });

  it("lists slides before markdown and every supported extension", () => {
    const formats = loaders.map((loader) => loader.format);
    expect(formats.indexOf("slides")).toBeLessThan(formats.indexOf("markdown"));
    expect([...supportedExtensions].sort()).toEqual([
      ".htm",
      ".html",
      ".markdown",
      ".md",
      ".pdf",
      ".text",
      ".txt",
    ]);
  });
});
