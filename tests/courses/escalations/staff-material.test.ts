import { describe, expect, it } from "vitest";
import { slugify, staffAnswerMarkdown } from "../../../src/courses/escalations/staff-material.ts";
import { describeDuration, sentMessage } from "../../../src/courses/escalations/wait.ts";
import { chunkDocument } from "../../../src/ingest/chunker.ts";
import { markdownLoader } from "../../../src/ingest/loaders/index.ts";
import { defaultChunking } from "../../../src/ingest/types.ts";

describe("staff answers as course documents", () => {
  it("slugs a question into short lower-case ASCII words", () => {
    expect(slugify("Does the course count toward the Data-Science minor?")).toBe(
      "does-the-course-count-toward-the-data-science-minor",
    );
    expect(slugify("Café & crème: ¿qué?")).toBe("cafe-creme-que");
    expect(slugify("??")).toBe("answer");
    expect(slugify("word ".repeat(40)).length).toBeLessThanOrEqual(60);
  });

  it("reads back through the markdown loader with its front matter, the question as the heading", async () => {
    const markdown = staffAnswerMarkdown({
      course: "aie101",
      slug: "is-the-lab-open",
      question: '# Is the lab open on "weekends"?\n',
      answer: "Yes: Saturdays from 10:00 to 16:00.\n\n- bring your card",
      role: "teaching assistant",
      date: new Date("2025-03-04T12:00:00Z"),
    });
    const doc = await markdownLoader.load(new TextEncoder().encode(markdown), "staff-answers/x.md", "X");
    expect(doc.title).toBe("Answered by the teaching staff");
    expect(doc.url).toBe("/course/aie101/staff-answers/is-the-lab-open");
    expect(doc.meta).toMatchObject({
      question: 'Is the lab open on "weekends"?',
      answeredBy: "teaching assistant",
      date: "2025-03-04",
    });
    const chunks = chunkDocument(doc, defaultChunking);
    expect(chunks.map((c) => c.heading)).toEqual(['Is the lab open on "weekends"?']);
    expect(chunks[0]?.text).toContain("Saturdays from 10:00 to 16:00");
  });
});

describe("what a student is told to expect", () => {
  it("rounds the median into words", () => {
    expect(describeDuration(0.4)).toBe("about a minute");
    expect(describeDuration(42)).toBe("about 42 minutes");
    expect(describeDuration(185)).toBe("about 3 hours");
    expect(describeDuration(60 * 50)).toBe("about 2 days");
  });

  it("says when there is no history instead of inventing a wait", () => {
    expect(sentMessage(null, "here")).toMatch(/no answered questions in the last 30 days/);
    expect(sentMessage(125, "in this thread")).toMatch(/usually answer within about 2 hours.*in this thread/);
  });
});
