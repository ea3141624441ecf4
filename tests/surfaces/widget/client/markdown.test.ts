import { describe, expect, it } from "vitest";
import {
  type Block,
  type Inline,
  inlineText,
  parseInline,
  parseMarkdown,
  safeHref,
} from "../../../../src/surfaces/widget/client/markdown.ts";

const paragraph = (children: Inline[]): Block => ({ type: "paragraph", children });
const text = (value: string): Inline => ({ type: "text", text: value });

/** Every text the tree would put on screen, and every link target it would create. */
function walk(blocks: Block[]): { texts: string[]; hrefs: string[] } {
  const texts: string[] = [];
  const hrefs: string[] = [];
  const inline = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === "text" || node.type === "code") texts.push(node.text);
      if (node.type === "link") hrefs.push(node.href);
      if (node.type === "strong" || node.type === "em" || node.type === "link") inline(node.children);
    }
  };
  const block = (b: Block) => {
    if (b.type === "paragraph" || b.type === "heading") inline(b.children);
    if (b.type === "list") for (const item of b.items) inline(item);
    if (b.type === "code") texts.push(b.text);
    if (b.type === "quote") for (const child of b.children) block(child);
  };
  for (const b of blocks) block(b);
  return { texts, hrefs };
}

describe("parseMarkdown", () => {
  it("reads paragraphs, line breaks, headings, lists, quotes and fenced code", () => {
    const blocks = parseMarkdown(
      "## Drift\nFirst line\nsecond line\n\n- one\n- two\n  continued\n\n3. three\n4. four\n\n> quoted *text*\n\n```ts\nconst a = `<b>`;\n```",
    );
    expect(blocks).toEqual([
      { type: "heading", level: 2, children: [text("Drift")] },
      paragraph([text("First line"), { type: "br" }, text("second line")]),
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [[text("one")], [text("two"), { type: "br" }, text("continued")]],
      },
      { type: "list", ordered: true, start: 3, items: [[text("three")], [text("four")]] },
      { type: "quote", children: [paragraph([text("quoted "), { type: "em", children: [text("text")] }])] },
      { type: "code", text: "const a = `<b>`;" },
    ]);
  });

  it("keeps an unclosed fence as code while an answer is still streaming", () => {
    expect(parseMarkdown("Look:\n```\nx = 1\ny = ")).toEqual([
      paragraph([text("Look:")]),
      { type: "code", text: "x = 1\ny = " },
    ]);
  });

  it("keeps HTML in answers and sources as literal text", () => {
    const hostile =
      '<img src=x onerror="alert(1)"> and <script>alert(2)</script>\n\n- <iframe src="https://evil.example"></iframe>\n\n```\n<svg onload=alert(3)>\n```';
    const { texts, hrefs } = walk(parseMarkdown(hostile));
    expect(texts.join("")).toContain('<img src=x onerror="alert(1)">');
    expect(texts.join("")).toContain("<script>alert(2)</script>");
    expect(texts.join("")).toContain('<iframe src="https://evil.example"></iframe>');
    expect(texts.join("")).toContain("<svg onload=alert(3)>");
    // The only way to make a link is markdown or a bare address; HTML attributes never become one.
    expect(hrefs).toEqual([]);
  });
});

describe("parseInline", () => {
  it("reads citation markers, alone and grouped", () => {
    expect(parseInline("Drift is decline [1]. Both [2, 3] agree [4][5].")).toEqual([
      text("Drift is decline "),
      { type: "cite", n: 1 },
      text(". Both "),
      { type: "cite", n: 2 },
      { type: "cite", n: 3 },
      text(" agree "),
      { type: "cite", n: 4 },
      { type: "cite", n: 5 },
      text("."),
    ]);
  });

  it("reads strong, emphasis, code and escapes", () => {
    expect(parseInline("**bold** and *it* and _it_ and `a*b*c` and \\*not\\*")).toEqual([
      { type: "strong", children: [text("bold")] },
      text(" and "),
      { type: "em", children: [text("it")] },
      text(" and "),
      { type: "em", children: [text("it")] },
      text(" and "),
      { type: "code", text: "a*b*c" },
      text(" and *not*"),
    ]);
  });

  it("leaves snake_case words, fill-in blanks and lone stars alone", () => {
    for (const sample of [
      "use max_df and min_df here",
      "Overfitting and ____ are opposites",
      "2 * 3 * 4",
      "a _ b _ c",
    ]) {
      expect(parseInline(sample)).toEqual([text(sample)]);
    }
  });

  it("makes links only to web and mail addresses", () => {
    expect(parseInline("See [week 9](/course/aie101/week-09#drift) or https://example.org/a.")).toEqual([
      text("See "),
      { type: "link", href: "/course/aie101/week-09#drift", children: [text("week 9")] },
      text(" or "),
      { type: "link", href: "https://example.org/a", children: [text("https://example.org/a")] },
      text("."),
    ]);
    for (const target of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
    ]) {
      const nodes = parseInline(`[click](${target})`);
      expect(
        nodes.some((node) => node.type === "link"),
        target,
      ).toBe(false);
      expect(inlineText(nodes)).toContain("click");
    }
  });
});

describe("safeHref", () => {
  it("accepts http(s), mailto and relative targets and refuses the rest", () => {
    expect(safeHref("https://a.example/x")).toBe("https://a.example/x");
    expect(safeHref("mailto:ta@example.edu")).toBe("mailto:ta@example.edu");
    expect(safeHref("/course/aie101/week-01")).toBe("/course/aie101/week-01");
    expect(safeHref("#section")).toBe("#section");
    expect(safeHref("")).toBeUndefined();
    expect(safeHref("javascript:void(0)")).toBeUndefined();
    expect(safeHref("\u0000javascript:alert(1)")).toBeUndefined();
    expect(safeHref("blob:https://a.example/uuid")).toBeUndefined();
  });
});
