/**
 * Markdown → plain text, shared by the markdown and slide loaders. A line-based reader that
 * knows the block structures course notes use (headings, paragraphs, lists, tables, code,
 * quotes, HTML comments) and turns inline markup into the words a reader would see.
 */
import { codeBlockText, FENCE_OPEN, fenceCloser } from "../text/markdown.ts";
import { inlineToPlain } from "./markdown-inline.ts";
import type { ContentBlock } from "./sections.ts";

export type MarkdownBlock = ContentBlock;

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(.*)$/;
const EMPTY_LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]*$/;
const TABLE_SEPARATOR = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S+/;
const BLOCKQUOTE = /^ {0,3}(?:>[ \t]?)+/;
const INDENTED = /^(?: {4}|\t)/;
// A line opening with a block-level HTML tag stands apart from the prose around it.
const HTML_BLOCK_TAGS = [
  "p|div|li|ul|ol|dl|dt|dd|section|article|blockquote|table|tr|td|th|figure|figcaption|details|summary",
  "aside|header|footer|center",
].join("|");
const HTML_BLOCK_LINE = new RegExp(`^ {0,3}<\\/?(?:${HTML_BLOCK_TAGS})\\b`, "i");
const HTML_HEADING_LINE = /^ {0,3}<h([1-6])\b[^>]*>(.*?)<\/h\1>[ \t]*$/i;

/** Reads markdown (without front matter) into headings and plain-text blocks, in order. */
export function parseMarkdownBlocks(markdown: string): MarkdownBlock[] {
  return new BlockReader(markdown.replace(/\r\n?/g, "\n").split("\n")).read();
}

/**
 * The reader's state: the blocks so far, and the paragraph, list, table or indented code being
 * gathered, which a line of another kind flushes.
 */
class BlockReader {
  private readonly blocks: MarkdownBlock[] = [];
  private paragraph: string[] = [];
  private items: string[] = [];
  private rows: string[] = [];
  private indentedCode: string[] = [];
  private inComment = false;

  constructor(private readonly lines: readonly string[]) {}

  read(): MarkdownBlock[] {
    for (let index = 0; index < this.lines.length; index++) index = this.readLine(index);
    this.flush();
    return this.blocks;
  }

  /** Reads the line at `index` (and any later ones it takes along); returns the last one read. */
  private readLine(index: number): number {
    let line = this.lines[index]!;
    if (this.inComment) {
      const close = line.indexOf("-->");
      if (close === -1) return index;
      line = line.slice(close + 3);
      this.inComment = false;
    }

    const fence = FENCE_OPEN.exec(line);
    if (fence && this.indentedCode.length === 0) {
      this.flush();
      return this.readFence(index, fence[1]!);
    }

    const withoutComments = stripComments(line);
    if (withoutComments.open) this.inComment = true;
    line = withoutComments.text;
    if (withoutComments.removed && line.trim() === "") return index;

    if (this.indentedCode.length > 0) {
      if (INDENTED.test(line) || line.trim() === "") {
        this.indentedCode.push(line.replace(INDENTED, "").trimEnd());
        return index;
      }
      this.flush();
    }

    line = line.replace(BLOCKQUOTE, "");
    if (line.trim() === "") {
      this.flush();
      return index;
    }
    return this.readBlockLine(line, index);
  }

  /** A non-blank line outside code and comments: headings, HTML, breaks, tables, then text. */
  private readBlockLine(line: string, index: number): number {
    if (this.readHeading(line) || this.readHtmlLine(line) || this.readSetextUnderline(line)) return index;

    if (THEMATIC_BREAK.test(line)) {
      this.flush();
      return index;
    }

    if (this.rows.length > 0) {
      if (line.includes("|")) {
        this.rows.push(line);
        return index;
      }
      this.flush();
    }
    if (line.includes("|") && TABLE_SEPARATOR.test(this.lines[index + 1] ?? "")) {
      this.flush();
      this.rows.push(line);
      return index + 1;
    }

    this.readTextLine(line);
    return index;
  }

  private readHeading(line: string): boolean {
    const atx = ATX_HEADING.exec(line);
    if (!atx) return false;
    this.flush();
    this.blocks.push({ kind: "heading", level: atx[1]!.length, text: inlineToPlain(atx[2] ?? "") });
    return true;
  }

  private readHtmlLine(line: string): boolean {
    const htmlHeading = HTML_HEADING_LINE.exec(line);
    if (htmlHeading) {
      this.flush();
      this.blocks.push({
        kind: "heading",
        level: Number(htmlHeading[1]),
        text: inlineToPlain(htmlHeading[2]!),
      });
      return true;
    }
    if (HTML_BLOCK_LINE.test(line) && this.items.length === 0 && this.rows.length === 0) {
      this.flush();
      this.pushText(inlineToPlain(line));
      return true;
    }
    return false;
  }

  /** `===` or `---` under a paragraph makes the paragraph a heading. */
  private readSetextUnderline(line: string): boolean {
    const underline = SETEXT_UNDERLINE.exec(line);
    if (!underline || this.paragraph.length === 0 || this.items.length > 0 || this.rows.length > 0) {
      return false;
    }
    const text = inlineToPlain(this.paragraph.join(" "));
    this.paragraph = [];
    this.blocks.push({ kind: "heading", level: underline[1]!.startsWith("=") ? 1 : 2, text });
    return true;
  }

  /** List items and their continuations, reference definitions, indented code, paragraph lines. */
  private readTextLine(line: string): void {
    const item = LIST_ITEM.exec(line);
    if (item) {
      this.flushParagraph();
      this.items.push(item[1]!);
      return;
    }
    if (EMPTY_LIST_ITEM.test(line)) return;
    if (this.items.length > 0) {
      // Indented or lazy continuation of the last item.
      this.items[this.items.length - 1] += ` ${line.trim()}`;
      return;
    }

    if (REFERENCE_DEFINITION.test(line) && this.paragraph.length === 0) return;

    if (INDENTED.test(line) && this.paragraph.length === 0) {
      this.indentedCode.push(line.replace(INDENTED, "").trimEnd());
      return;
    }

    this.paragraph.push(line);
  }

  /** Reads a fenced code block starting at `open`; returns the index of its closing fence. */
  private readFence(open: number, fence: string): number {
    const closing = fenceCloser(fence, "spaces-and-tabs");
    let close = open + 1;
    while (close < this.lines.length && !closing.test(this.lines[close]!)) close++;
    this.pushText(codeBlockText(this.lines.slice(open + 1, close)));
    return close;
  }

  private pushText(text: string): void {
    if (text.trim() !== "") this.blocks.push({ kind: "text", text });
  }

  private flushParagraph(): void {
    if (this.paragraph.length === 0) return;
    const lines = this.paragraph;
    this.paragraph = [];
    // Soft line breaks are spaces; a hard break (two trailing spaces or a backslash) stays a newline.
    let joined = "";
    lines.forEach((line, i) => {
      const hardBreak = / {2,}$/.test(line) || /\\$/.test(line);
      const content = hardBreak && /\\$/.test(line) ? line.slice(0, -1) : line;
      joined += content.trim();
      if (i < lines.length - 1) joined += hardBreak ? "\n" : " ";
    });
    this.pushText(
      joined
        .split("\n")
        .map((part) => inlineToPlain(part))
        .filter((part) => part !== "")
        .join("\n"),
    );
  }

  private flush(): void {
    this.flushParagraph();
    if (this.items.length > 0) {
      this.pushText(
        this.items
          .map((item) => inlineToPlain(item))
          .filter((item) => item !== "")
          .join("\n"),
      );
      this.items = [];
    }
    if (this.rows.length > 0) {
      this.pushText(
        this.rows
          .map((row) => tableCells(row).join(" | "))
          .filter((row) => row !== "")
          .join("\n"),
      );
      this.rows = [];
    }
    if (this.indentedCode.length > 0) {
      const code = this.indentedCode;
      while (code.length > 0 && code[code.length - 1] === "") code.pop();
      this.pushText(code.join("\n"));
      this.indentedCode = [];
    }
  }
}

/** Splits a table row on unescaped pipes outside code spans; empty cells are dropped. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let current = "";
  let inCode = false;
  const trimmed = row.trim().replace(/^\|/, "");
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed[i]!;
    if (char === "\\" && trimmed[i + 1] === "|") {
      current += "|";
      i++;
    } else if (char === "`") {
      inCode = !inCode;
      current += char;
    } else if (char === "|" && !inCode) {
      cells.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  cells.push(current);
  return cells.map((cell) => inlineToPlain(cell)).filter((cell) => cell !== "");
}

/** Removes complete `<!-- … -->` comments from a line and reports one left open. */
function stripComments(line: string): { text: string; open: boolean; removed: boolean } {
  if (!line.includes("<!--")) return { text: line, open: false, removed: false };
  let text = line.replace(/<!--[\s\S]*?-->/g, "");
  const open = text.indexOf("<!--");
  if (open !== -1) text = text.slice(0, open);
  return { text, open: open !== -1, removed: true };
}
