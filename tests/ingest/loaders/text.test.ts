import { describe, expect, it } from "vitest";
import { textLoader } from "../../../src/ingest/loaders/text.ts";

const load = (source: string) =>
  textLoader.load(new TextEncoder().encode(source), "notes/readme.txt", "File title");

describe("textLoader", () => {
  it("accepts .txt and .text files", () => {
    expect(textLoader.accepts("a.txt", "")).toBe(true);
    expect(textLoader.accepts("a.TEXT", "")).toBe(true);
    expect(textLoader.accepts("a.md", "")).toBe(false);
  });

  it("takes a short first line followed by a blank line as the title", async () => {
    const doc = await load("Office hours\n\nTuesdays at 3 pm in room 101.\nBring your laptop.\n");
    expect(doc.format).toBe("text");
    expect(doc.title).toBe("Office hours");
    expect(doc.sections).toEqual([
      { headingPath: [], text: "Tuesdays at 3 pm in room 101.\nBring your laptop." },
    ]);
  });

  it("keeps the file-name title when the text starts with a sentence", async () => {
    const doc = await load("This file explains the grading rules.\n\nLate work loses 10% a day.\n");
    expect(doc.title).toBe("File title");
    expect(doc.sections[0]!.text).toBe("This file explains the grading rules.\n\nLate work loses 10% a day.");
  });

  it("reads an underlined first line as the title and underlined lines as headings", async () => {
    const doc = await load(
      "Course Policies\n===============\n\nRead this first.\n\nGrading\n-------\n\nProjects are 60%.\n\n\n\nLate work\n---------\n\nTen percent a day.\n",
    );
    expect(doc.title).toBe("Course Policies");
    expect(doc.sections).toEqual([
      { headingPath: [], text: "Read this first." },
      { headingPath: ["Grading"], text: "Projects are 60%." },
      { headingPath: ["Late work"], text: "Ten percent a day." },
    ]);
  });

  it("returns no sections for an empty file", async () => {
    expect((await load("  \n\n")).sections).toEqual([]);
  });
});
