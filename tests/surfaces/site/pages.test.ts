import { describe, expect, it } from "vitest";
import { courseHomePage, documentPage, documentPath } from "../../../src/surfaces/site/pages.ts";

const course = { id: "aie101", title: "" };

describe("documentPath", () => {
  it("uses a local front-matter url and falls back to the source path", () => {
    expect(documentPath("aie101", { url: "/course/aie101/week-09", source: "week-09/notes.md" })).toBe(
      "/course/aie101/week-09",
    );
    expect(documentPath("aie101", { url: "/course/aie101/faq#top", source: "faq.md" })).toBe(
      "/course/aie101/faq",
    );
    for (const url of [null, "javascript:alert(1)", "https://elsewhere.example/x", "//evil.example/x"]) {
      expect(documentPath("aie101", { url, source: "week 1/notes #1.md" })).toBe(
        "/course/aie101/week%201/notes%20%231.md",
      );
    }
  });
});

describe("pages", () => {
  it("escape everything that came from the material", async () => {
    const hostile = `<img src=x onerror="alert(1)">`;
    const home = String(
      await courseHomePage({
        course: { id: "aie101", title: `AIE <b>101</b>` },
        documents: [
          {
            id: "1",
            source: "a.md",
            title: hostile,
            url: "javascript:alert(1)",
            week: 1,
            format: "markdown",
          },
        ],
        widgetUrl: "http://tutor.test/widget.js",
      }),
    );
    expect(home).not.toContain("<img");
    expect(home).not.toContain("<b>101");
    expect(home).not.toContain("javascript:");
    expect(home).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(home).toContain('<script src="/widget.js" data-course="aie101"');
    // The embed snippet is shown as text.
    expect(home).toContain(
      "&lt;script src=&quot;http://tutor.test/widget.js&quot; data-course=&quot;aie101&quot; defer&gt;",
    );

    const page = String(
      await documentPage({
        course,
        document: {
          id: "1",
          source: "a.txt",
          title: "Notes </title><script>x</script>",
          url: null,
          week: null,
          format: "text",
        },
        sections: [
          {
            headings: [{ level: 2, text: `Rules ${hostile}`, id: 'x" onmouseover="alert(1)' }],
            locator: "page 2",
            paragraphs: [[`Wash hands ${hostile}`, "<script>alert(2)</script>"]],
          },
        ],
      }),
    );
    expect(page).not.toMatch(/<img|<script>x|<script>alert/);
    expect(page).toContain('id="x&quot; onmouseover=&quot;alert(1)"');
    expect(page).toContain("Wash hands &lt;img");
    expect(page).toContain("<br>&lt;script&gt;alert(2)&lt;/script&gt;");
  });
});
