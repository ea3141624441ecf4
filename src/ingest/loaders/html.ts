import { type HTMLElement, type Node, NodeType, parse } from "node-html-parser";
import { codeBlockText } from "../../text/markdown.ts";
import { normalizeWhitespace } from "../../text/whitespace.ts";
import { type ContentBlock, sectionsFromBlocks, titleHeadingIndex } from "../sections.ts";
import type { LoadedDocument, Loader } from "../types.ts";
import { decodeText, extensionOf } from "./common.ts";

const EXTENSIONS = new Set([".html", ".htm"]);

// Page furniture and machinery, not course content.
const DROPPED = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "svg",
  "button",
  "iframe",
  "canvas",
  "object",
]);
const LIST_LINES = new Set(["li", "dt", "dd"]);
// Elements whose content is a paragraph of its own (or holds paragraphs).
const BLOCKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "body",
  "html",
  "blockquote",
  "figure",
  "figcaption",
  "caption",
  "details",
  "summary",
  "address",
  "ul",
  "ol",
  "dl",
  "hr",
  "center",
  "fieldset",
  "legend",
]);
const HEADING = /^h([1-6])$/;
// Stands for <br> while text is gathered: newlines in the source are only whitespace.
const LINE_BREAK = "\uE010";

export const htmlLoader: Loader = {
  format: "html",
  accepts: (relativePath) => EXTENSIONS.has(extensionOf(relativePath)),
  load: async (bytes, _relativePath, fallbackTitle) => loadHtml(decodeText(bytes), fallbackTitle),
};

export function loadHtml(source: string, fallbackTitle: string): LoadedDocument {
  const root = parse(source, {
    comment: false,
    lowerCaseTagName: true,
    blockTextElements: { script: true, style: true, noscript: true },
  });
  const pageTitle = normalizeWhitespace(root.querySelector("title")?.text ?? "");
  const blocks = new HtmlBlockReader().read(root.querySelector("body") ?? root);
  const titleIndex = titleHeadingIndex(blocks, pageTitle || undefined, false);
  const firstH1 = blocks.find((block) => block.kind === "heading" && block.level === 1)?.text;

  const document: LoadedDocument = {
    format: "html",
    title: pageTitle || firstH1 || fallbackTitle,
    sections: sectionsFromBlocks(blocks, titleIndex),
    meta: {},
  };
  const canonical = canonicalUrl(root);
  if (canonical) document.url = canonical;
  return document;
}

function canonicalUrl(root: HTMLElement): string | undefined {
  for (const link of root.querySelectorAll("link")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const href = link.getAttribute("href")?.trim();
    if (rel.includes("canonical") && href) return href;
  }
  return undefined;
}

/**
 * Walks the page in reading order, collecting headings and plain-text blocks: the blocks so far,
 * the inline text being gathered and the lines of the list being read.
 */
class HtmlBlockReader {
  private readonly blocks: ContentBlock[] = [];
  private inline = "";
  private listLines: string[] = [];

  read(start: HTMLElement): ContentBlock[] {
    this.walk(start, false);
    this.flushInline();
    this.flushList();
    return this.blocks;
  }

  private walk(node: Node, insideArticle: boolean): void {
    if (node.nodeType === NodeType.TEXT_NODE) {
      this.inline += node.text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const tag = element.tagName?.toLowerCase() ?? "";
    // An article's own <header> holds its title, unlike the site banner.
    if (DROPPED.has(tag) && !(tag === "header" && insideArticle)) return;
    const childrenInsideArticle = insideArticle || tag === "article" || tag === "main";
    this.readElement(element, tag, () => {
      for (const child of element.childNodes) this.walk(child, childrenInsideArticle);
    });
  }

  private readElement(element: HTMLElement, tag: string, walkChildren: () => void): void {
    const heading = HEADING.exec(tag);
    if (heading) {
      this.flushInline();
      this.flushList();
      const text = normalizeWhitespace(element.text).replace(/\s*[¶#§🔗]+$/u, "");
      this.blocks.push({ kind: "heading", level: Number(heading[1]), text });
      return;
    }
    if (tag === "br") {
      this.inline += LINE_BREAK;
      return;
    }
    if (tag === "img") return;
    if (tag === "pre") {
      this.flushInline();
      this.pushParagraph(codeBlockText(element.text.split("\n")));
      return;
    }
    if (tag === "table") {
      this.flushInline();
      this.pushParagraph(tableText(element));
      return;
    }
    if (LIST_LINES.has(tag)) {
      const before = this.takeInline();
      if (before !== "") this.pushParagraph(before);
      walkChildren();
      const text = this.takeInline();
      if (text !== "") this.listLines.push(text.replace(/\n/g, " "));
      return;
    }
    if (BLOCKS.has(tag)) {
      this.flushInline();
      walkChildren();
      this.flushInline();
      if (tag === "ul" || tag === "ol" || tag === "dl") this.flushList();
      return;
    }
    walkChildren();
  }

  private flushList(): void {
    if (this.listLines.length > 0) this.blocks.push({ kind: "text", text: this.listLines.join("\n") });
    this.listLines = [];
  }

  private pushParagraph(text: string): void {
    if (text === "") return;
    this.flushList();
    this.blocks.push({ kind: "text", text });
  }

  private takeInline(): string {
    const text = this.inline
      .split(LINE_BREAK)
      .map((line) => normalizeWhitespace(line))
      .filter((line) => line !== "")
      .join("\n");
    this.inline = "";
    return text;
  }

  private flushInline(): void {
    this.pushParagraph(this.takeInline());
  }
}

/** One line per row, cells joined by " | "; rows of nested tables stay with their own table. */
function tableText(table: HTMLElement): string {
  const rows = table.querySelectorAll("tr").filter((row) => closestTable(row) === table);
  return rows
    .map((row) =>
      row.childNodes
        .filter((cell): cell is HTMLElement => cell.nodeType === NodeType.ELEMENT_NODE)
        .filter((cell) => cell.tagName === "TD" || cell.tagName === "TH")
        .map((cell) => normalizeWhitespace(cell.text))
        .filter((cell) => cell !== "")
        .join(" | "),
    )
    .filter((row) => row !== "")
    .join("\n");
}

function closestTable(element: HTMLElement): HTMLElement | null {
  let parent = element.parentNode;
  while (parent && parent.tagName !== "TABLE") parent = parent.parentNode;
  return parent;
}
