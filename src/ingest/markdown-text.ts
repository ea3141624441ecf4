/**
 * Markdown → plain text, shared by the markdown and slide loaders. A line-based reader that
 * knows the block structures course notes use (headings, paragraphs, lists, tables, code,
 * quotes, HTML comments) and turns inline markup into the words a reader would see.
 */
import { decodeEntities } from "../text/entities.ts";
import { FENCE_OPEN } from "../text/markdown.ts";
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
const HTML_BLOCK_LINE =
  /^ {0,3}<\/?(?:p|div|li|ul|ol|dl|dt|dd|section|article|blockquote|table|tr|td|th|figure|figcaption|details|summary|aside|header|footer|center)\b/i;
const HTML_HEADING_LINE = /^ {0,3}<h([1-6])\b[^>]*>(.*?)<\/h\1>[ \t]*$/i;

interface ReaderState {
  paragraph: string[];
  items: string[];
  rows: string[];
  indentedCode: string[];
}

/** Reads markdown (without front matter) into headings and plain-text blocks, in order. */
export function parseMarkdownBlocks(markdown: string): MarkdownBlock[] {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const blocks: MarkdownBlock[] = [];
  const state: ReaderState = { paragraph: [], items: [], rows: [], indentedCode: [] };
  const pushText = (text: string) => {
    if (text.trim() !== "") blocks.push({ kind: "text", text });
  };
  const flush = () => flushState(state, pushText);

  let inComment = false;
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!;

    if (inComment) {
      const close = line.indexOf("-->");
      if (close === -1) continue;
      line = line.slice(close + 3);
      inComment = false;
    }

    const fence = FENCE_OPEN.exec(line);
    if (fence && state.indentedCode.length === 0) {
      flush();
      index = readFence(lines, index, fence[1]!, pushText);
      continue;
    }

    const withoutComments = stripComments(line);
    if (withoutComments.open) inComment = true;
    line = withoutComments.text;
    if (withoutComments.removed && line.trim() === "") continue;

    if (state.indentedCode.length > 0) {
      if (INDENTED.test(line) || line.trim() === "") {
        state.indentedCode.push(line.replace(INDENTED, "").trimEnd());
        continue;
      }
      flush();
    }

    line = line.replace(BLOCKQUOTE, "");
    if (line.trim() === "") {
      flush();
      continue;
    }

    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flush();
      blocks.push({ kind: "heading", level: atx[1]!.length, text: inlineToPlain(atx[2] ?? "") });
      continue;
    }

    const htmlHeading = HTML_HEADING_LINE.exec(line);
    if (htmlHeading) {
      flush();
      blocks.push({ kind: "heading", level: Number(htmlHeading[1]), text: inlineToPlain(htmlHeading[2]!) });
      continue;
    }
    if (HTML_BLOCK_LINE.test(line) && state.items.length === 0 && state.rows.length === 0) {
      flush();
      pushText(inlineToPlain(line));
      continue;
    }

    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline && state.paragraph.length > 0 && state.items.length === 0 && state.rows.length === 0) {
      const text = inlineToPlain(state.paragraph.join(" "));
      state.paragraph = [];
      blocks.push({ kind: "heading", level: underline[1]!.startsWith("=") ? 1 : 2, text });
      continue;
    }

    if (THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }

    if (state.rows.length > 0) {
      if (line.includes("|")) {
        state.rows.push(line);
        continue;
      }
      flush();
    }
    if (line.includes("|") && TABLE_SEPARATOR.test(lines[index + 1] ?? "")) {
      flush();
      state.rows.push(line);
      index++;
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (item) {
      flushParagraph(state, pushText);
      state.items.push(item[1]!);
      continue;
    }
    if (EMPTY_LIST_ITEM.test(line)) continue;
    if (state.items.length > 0) {
      // Indented or lazy continuation of the last item.
      state.items[state.items.length - 1] += ` ${line.trim()}`;
      continue;
    }

    if (REFERENCE_DEFINITION.test(line) && state.paragraph.length === 0) continue;

    if (INDENTED.test(line) && state.paragraph.length === 0) {
      state.indentedCode.push(line.replace(INDENTED, "").trimEnd());
      continue;
    }

    state.paragraph.push(line);
  }
  flush();
  return blocks;
}

/** Reads a fenced code block starting at `open`; returns the index of its closing fence. */
function readFence(lines: string[], open: number, fence: string, pushText: (text: string) => void): number {
  const closing = new RegExp(`^ {0,3}\\${fence[0]}{${fence.length},}[ \\t]*$`);
  let close = open + 1;
  while (close < lines.length && !closing.test(lines[close]!)) close++;
  const code = lines.slice(open + 1, close).map((line) => line.trimEnd());
  while (code.length > 0 && code[0] === "") code.shift();
  while (code.length > 0 && code[code.length - 1] === "") code.pop();
  pushText(code.join("\n"));
  return close;
}

function flushParagraph(state: ReaderState, pushText: (text: string) => void): void {
  if (state.paragraph.length === 0) return;
  const lines = state.paragraph;
  state.paragraph = [];
  // Soft line breaks are spaces; a hard break (two trailing spaces or a backslash) stays a newline.
  let joined = "";
  lines.forEach((line, i) => {
    const hardBreak = / {2,}$/.test(line) || /\\$/.test(line);
    const content = hardBreak && /\\$/.test(line) ? line.slice(0, -1) : line;
    joined += content.trim();
    if (i < lines.length - 1) joined += hardBreak ? "\n" : " ";
  });
  pushText(
    joined
      .split("\n")
      .map((part) => inlineToPlain(part))
      .filter((part) => part !== "")
      .join("\n"),
  );
}

function flushState(state: ReaderState, pushText: (text: string) => void): void {
  flushParagraph(state, pushText);
  if (state.items.length > 0) {
    pushText(
      state.items
        .map((item) => inlineToPlain(item))
        .filter((item) => item !== "")
        .join("\n"),
    );
    state.items = [];
  }
  if (state.rows.length > 0) {
    pushText(
      state.rows
        .map((row) => tableCells(row).join(" | "))
        .filter((row) => row !== "")
        .join("\n"),
    );
    state.rows = [];
  }
  if (state.indentedCode.length > 0) {
    const code = state.indentedCode;
    while (code.length > 0 && code[code.length - 1] === "") code.pop();
    pushText(code.join("\n"));
    state.indentedCode = [];
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

// Tags removed from prose while their text stays; only known names, so "x <y" and "<T>" survive.
const HTML_TAG_NAMES =
  "a|abbr|address|article|aside|b|bdi|bdo|big|blockquote|body|br|button|caption|center|cite|code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|figcaption|figure|font|footer|h[1-6]|header|hr|html|i|iframe|img|ins|kbd|label|li|main|mark|nav|ol|p|picture|pre|q|s|samp|section|small|source|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul|var|video|audio|wbr";
const HTML_TAG = new RegExp(`</?(?:${HTML_TAG_NAMES})(?:\\s[^<>]*)?/?>`, "gi");
const LINE_BREAK_TAG = /<br\s*\/?>/gi;
const IMG_TAG = /<img\b[^>]*>/gi;

const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const IMAGE = /!\[(?:[^[\]]|\[[^\]]*\])*\]\((?:[^()]|\([^)]*\))*\)/g;
const REFERENCE_IMAGE = /!\[[^\]]*\]\[[^\]]*\]/g;
const LINK = /\[((?:[^[\]]|\[[^\]]*\])*)\]\((?:[^()]|\([^)]*\))*\)/g;
const REFERENCE_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const FOOTNOTE_REFERENCE = /\[\^[^\]]+\]/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[a-z]{2,})>/gi;
// Longest markers first, so "*a **b** c*" unwraps from the inside out.
const EMPHASIS: Array<[RegExp, string]> = [
  [/\*\*\*(?=\S)([\s\S]*?\S)\*\*\*/g, "$1"],
  [/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "$1"],
  [/\*(?=\S)([\s\S]*?\S)\*/g, "$1"],
  [/(^|[^\p{L}\p{N}_])___(?=\S)([\s\S]*?\S)___(?![\p{L}\p{N}_])/gu, "$1$2"],
  [/(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, "$1$2"],
  [/(^|[^\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/gu, "$1$2"],
  [/~~(?=\S)([\s\S]*?\S)~~/g, "$1"],
  [/==(?=\S)([\s\S]*?\S)==/g, "$1"],
];

/** Turns one line (or paragraph) of inline markdown into the text a reader sees. */
export function inlineToPlain(markdown: string): string {
  if (markdown === "") return markdown;
  // Code spans and escaped characters are literal: park them while markup is removed.
  const parked: string[] = [];
  const park = (literal: string) => {
    parked.push(literal);
    return `\uE000${parked.length - 1}\uE001`;
  };
  let plain = markdown
    .replace(CODE_SPAN, (_whole, _ticks: string, code: string) =>
      // CommonMark strips one space of padding on both sides of a code span.
      park(/^ [\s\S]* $/.test(code) && code.trim() !== "" ? code.slice(1, -1) : code),
    )
    .replace(ESCAPE, (_whole, char: string) => park(char))
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(IMAGE, "")
    .replace(REFERENCE_IMAGE, "")
    .replace(IMG_TAG, "")
    .replace(LINK, "$1")
    .replace(REFERENCE_LINK, "$1")
    .replace(FOOTNOTE_REFERENCE, "")
    .replace(AUTOLINK, "$1")
    .replace(LINE_BREAK_TAG, " ")
    .replace(HTML_TAG, "");
  // Nested emphasis ("***a** b*") needs more than one pass.
  for (let pass = 0; pass < 3; pass++) {
    const before = plain;
    for (const [pattern, replacement] of EMPHASIS) plain = plain.replace(pattern, replacement);
    if (plain === before) break;
  }
  plain = decodeEntities(plain).replace(
    /\uE000(\d+)\uE001/g,
    (_whole, index: string) => parked[Number(index)] ?? "",
  );
  return plain.replace(/[ \t]+/g, " ").trim();
}
