import { codeBlockText, FENCE_OPEN, fenceCloser } from "../markdown.ts";
import { isBlank, normalizeWhitespace } from "../whitespace.ts";
import { splitProse } from "./prose.ts";
import type { Line, Unit } from "./types.ts";

/**
 * The line-level reading of text into units: code blocks (fenced, indented, or unfenced but
 * plainly code) are single units, every list item and table row is its own unit, a heading or
 * label line is marked to join what it introduces, and paragraphs go to the prose splitter.
 */

// A list item this long is read as prose, so that a paragraph written as one bullet still splits.
const LONG_ITEM_CHARS = 300;
// Longest line that can be a heading or a label introducing what follows.
const LABEL_MAX_CHARS = 80;
const LABEL_MAX_WORDS = 12;

export const LIST_MARKER = /^[ \t]*(?:[-*+•‣◦▪]|\d{1,3}[.)]|[a-z]\))[ \t]+(?:\[[ xX]\][ \t]+)?(?=\S)/;
const TABLE_SEPARATOR = /^[\s|:-]*-[\s|:-]*$/;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const lineEnd = end > start && text[end - 1] === "\r" ? end - 1 : end;
    lines.push({ start, end: lineEnd, text: text.slice(start, lineEnd) });
    start = end + 1;
  }
  return lines;
}

export function isTableRow(line: string): boolean {
  return line.includes(" | ") || (/^\s*\|/.test(line) && line.indexOf("|", line.indexOf("|") + 1) !== -1);
}

export function isIndentedCode(line: string): boolean {
  return /^(?: {4}|\t)/.test(line) && !isBlank(line);
}

/** A short line that reads as a heading ("Choosing how to split") or a label ("Steps:"). */
function isLabelLike(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > LABEL_MAX_CHARS) return false;
  if (text.split(/\s+/).length > LABEL_MAX_WORDS) return false;
  // Two sentences on one line are prose, however short.
  if (/[.!?…]["'”’)\]]*\s/.test(text)) return false;
  if (text.endsWith(":")) return true;
  return !/[.!?;,…"'”’)\]]$/.test(text) && !/^[a-z]/.test(text);
}

function startsUppercase(line: string): boolean {
  const first = line.trimStart()[0];
  return first !== undefined && first !== first.toLowerCase();
}

// Lines that read as code or shell rather than prose.
const CODE_LINE = [
  /^(?: {2,}|\t)\S/,
  // Not a bare ";": list items lose their bullets in loaders and often end in one.
  /[{}]\s*$|\)\s*;\s*$/,
  /^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP)\s+[A-Z*]/,
  /^\s*[\w.[\]"']+\s*[-+*/]?=\s*\S/,
  /^\s*[\w.]+\(.*\)\s*$/,
  /^\s*(?:import\s+\w|from\s+\S+\s+import\b|def\s+\w+\s*\(|class\s+\w+|return\b|#!|>>>\s|\$\s)/,
  /^\s*(?:pip3?|python3?(?:\.\d+)*|npm|npx|git|docker|kubectl|conda|curl|source|export)\s/,
  /^\s*(?:#|\/\/)\s/,
];
const CODE_SHARE = 0.6;

/**
 * Loaders drop code fences, so a block of two or more lines that mostly read as code is taken
 * for code: one unit, never split into "sentences". Returns the block's last line, if it is code.
 */
export function unfencedCodeEnd(lines: Line[], first: number): number | undefined {
  let last = first;
  while (
    last + 1 < lines.length &&
    !isBlank(lines[last + 1]!.text) &&
    !FENCE_OPEN.test(lines[last + 1]!.text)
  ) {
    last++;
  }
  if (last === first) return undefined;
  let codeLines = 0;
  for (let i = first; i <= last; i++) {
    const text = lines[i]!.text;
    if (CODE_LINE.some((pattern) => pattern.test(text))) codeLines++;
  }
  return codeLines / (last - first + 1) >= CODE_SHARE ? last : undefined;
}

export function readTableRow(line: Line, units: Unit[]): void {
  if (TABLE_SEPARATOR.test(line.text)) return;
  const cells = line.text
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((cell) => normalizeWhitespace(cell))
    .filter((cell) => cell.length > 0);
  if (cells.length === 0) return;
  units.push({ text: cells.join(" | "), start: line.start, end: line.end, kind: "row", attachNext: false });
}

export function readFencedCode(lines: Line[], open: number, fence: string, units: Unit[]): number {
  const closing = fenceCloser(fence);
  let close = open + 1;
  while (close < lines.length && !closing.test(lines[close]!.text)) close++;
  const code = codeBlockText(lines.slice(open + 1, close).map((line) => line.text));
  const last = lines[Math.min(close, lines.length - 1)]!;
  if (code.length > 0) {
    units.push({ text: code, start: lines[open]!.start, end: last.end, kind: "code", attachNext: false });
  }
  return close + 1;
}

export function readIndentedCode(lines: Line[], first: number, units: Unit[]): number {
  let last = first;
  let i = first;
  while (i < lines.length && (isIndentedCode(lines[i]!.text) || isBlank(lines[i]!.text))) {
    if (!isBlank(lines[i]!.text)) last = i;
    i++;
  }
  const body = lines.slice(first, last + 1).map((line) => line.text.replace(/^(?: {4}|\t)/, "").trimEnd());
  units.push({
    text: body.join("\n"),
    start: lines[first]!.start,
    end: lines[last]!.end,
    kind: "code",
    attachNext: false,
  });
  return last + 1;
}

export function readListItem(source: string, lines: Line[], index: number, units: Unit[]): number {
  const line = lines[index]!;
  const marker = LIST_MARKER.exec(line.text)![0];
  const content = normalizeWhitespace(line.text.slice(marker.length));
  if (content.length <= LONG_ITEM_CHARS) {
    units.push({ text: content, start: line.start, end: line.end, kind: "item", attachNext: false });
  } else {
    const before = units.length;
    splitProse(source, line.start + marker.length, line.end, units);
    // The first sentence owns the marker, so slices of the source keep the item intact.
    if (units.length > before) units[before]!.start = line.start;
  }
  return index + 1;
}

/** Reads prose lines up to the next blank or structural line and splits them into sentences. */
export function readParagraph(source: string, lines: Line[], first: number, units: Unit[]): number {
  let last = first;
  while (last + 1 < lines.length) {
    const next = lines[last + 1]!.text;
    if (isBlank(next) || LIST_MARKER.test(next) || FENCE_OPEN.test(next) || isTableRow(next)) break;
    last++;
  }

  let start = first;
  const firstLine = lines[first]!;
  const headingLike = isLabelLike(firstLine.text);
  if (headingLike && (first === last || startsUppercase(lines[first + 1]!.text))) {
    // A short unpunctuated first line is a heading above its paragraph, not the start of a sentence.
    const text = normalizeWhitespace(firstLine.text);
    units.push({
      text,
      start: firstLine.start,
      end: firstLine.end,
      kind: text.endsWith(":") ? "prose" : "heading",
      attachNext: true,
    });
    start = first + 1;
  }
  if (start <= last) {
    const before = units.length;
    splitProse(source, lines[start]!.start, lines[last]!.end, units);
    const final = units[units.length - 1];
    // A paragraph ending in ":" introduces what follows (usually a list).
    if (units.length > before && final?.text.endsWith(":")) final.attachNext = true;
  }
  return last + 1;
}
