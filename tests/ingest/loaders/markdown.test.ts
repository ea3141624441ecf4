import { describe, expect, it } from "vitest";
import { markdownLoader } from "../../../src/ingest/loaders/markdown.ts";

const load = (source: string, fallbackTitle = "Fallback") =>
  markdownLoader.load(new TextEncoder().encode(source), "week-03/notes.md", fallbackTitle);

const notes = `---
title: "Week 3: Training and Evaluation"
week: "3"
url: /course/aie101/week-03
---

# Week 3: Training and Evaluation

Training is *easy*; evaluating is **hard**. See the [course site](https://example.edu "Home") and ![a chart](chart.png) this.

## Splitting data

<!-- instructor: update the numbers next year -->
Use a \`train_test_split\` with 70% training.

### Choosing how to split

- **Stratified split.** Keeps class proportions.
* Time-based split: trains on the past.
1. Group split
   keeps users together.

> A quoted tip about leakage.
> It spans two lines.

| Metric | Formula |
| --- | --- |
| Precision | TP / (TP + FP) |
| Recall | TP / (TP + FN) |

\`\`\`python
# not a heading
x = [1, 2, 3]  # *not emphasis*
\`\`\`

## Empty section

## Cross-validation

Folds &amp; more <span class="hint">folds</span>.

Setext heading
--------------

Text under the setext heading, with snake_case_names kept.
`;

describe("markdownLoader", () => {
  it("accepts markdown files only", () => {
    expect(markdownLoader.accepts("a/b.md", "")).toBe(true);
    expect(markdownLoader.accepts("a/b.MARKDOWN", "")).toBe(true);
    expect(markdownLoader.accepts("a/b.txt", "")).toBe(false);
  });

  it("reads title, week and url from front matter", async () => {
    const doc = await load(notes);
    expect(doc.format).toBe("markdown");
    expect(doc.title).toBe("Week 3: Training and Evaluation");
    expect(doc.week).toBe(3);
    expect(doc.url).toBe("/course/aie101/week-03");
  });

  it("builds heading paths without the title H1 and drops empty sections", async () => {
    const doc = await load(notes);
    expect(doc.sections.map((section) => section.headingPath)).toEqual([
      [],
      ["Splitting data"],
      ["Splitting data", "Choosing how to split"],
      ["Cross-validation"],
      // A "---" underline makes a level-2 heading: a sibling of "## Cross-validation".
      ["Setext heading"],
    ]);
  });

  it("turns inline markdown into plain text", async () => {
    const [intro, splitting] = (await load(notes)).sections;
    expect(intro!.text).toBe("Training is easy; evaluating is hard. See the course site and this.");
    expect(splitting!.text).toBe("Use a train_test_split with 70% training.");
  });

  it("keeps lists one item a line, unquotes blockquotes, flattens tables and keeps code verbatim", async () => {
    const section = (await load(notes)).sections[2]!;
    expect(section.text).toBe(
      [
        "Stratified split. Keeps class proportions.\nTime-based split: trains on the past.\nGroup split keeps users together.",
        "A quoted tip about leakage. It spans two lines.",
        "Metric | Formula\nPrecision | TP / (TP + FP)\nRecall | TP / (TP + FN)",
        "# not a heading\nx = [1, 2, 3]  # *not emphasis*",
      ].join("\n\n"),
    );
  });

  it("decodes entities, strips HTML tags and keeps intra-word underscores", async () => {
    const sections = (await load(notes)).sections;
    expect(sections[3]!.text).toBe("Folds & more folds.");
    expect(sections[4]!.text).toBe("Text under the setext heading, with snake_case_names kept.");
  });

  it("uses a lone leading H1 as the title when there is no front matter", async () => {
    const doc = await load("# Gradient Descent\n\nIntro.\n\n## Step size\n\nSmall steps.\n");
    expect(doc.title).toBe("Gradient Descent");
    expect(doc.sections.map((section) => section.headingPath)).toEqual([[], ["Step size"]]);
  });

  it("keeps H1s in the path when several H1s act as sections", async () => {
    const doc = await load("# Part one\n\nA.\n\n# Part two\n\nB.\n");
    expect(doc.title).toBe("Fallback");
    expect(doc.sections.map((section) => section.headingPath)).toEqual([["Part one"], ["Part two"]]);
  });

  it("survives broken front matter and records the warning", async () => {
    const doc = await load("---\ntitle: [oops\n---\n# Real title\n\nBody text.\n");
    expect(doc.title).toBe("Real title");
    expect(doc.sections).toEqual([{ headingPath: [], text: "Body text." }]);
    expect(doc.meta.frontMatterWarning).toMatch(/YAML/);
  });
});
