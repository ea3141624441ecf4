import { FENCE_OPEN } from "./markdown.ts";
/**
 * English sentence splitting with pure string operations. Shared by the chunker, the extractive
 * answerer and the reranker, so it must be fast and deterministic.
 *
 * The text is read line by line first: code blocks (fenced, indented, or unfenced but plainly
 * code) are single units, every list item and table row is its own unit, headings and labels are
 * kept with what they introduce, and only the remaining prose is split on sentence punctuation.
 */

export type SentenceKind = "prose" | "item" | "row" | "code" | "heading";

/** One sentence-like unit and the stretch of the source text it came from. */
export interface SentenceSpan {
  /** The sentence: whitespace collapsed and list markers removed; code keeps its lines. */
  text: string;
  /** Offset in the source where the unit starts, including any list marker, label or fence. */
  start: number;
  /** Offset just past the unit's end; between spans lies only whitespace or a table rule row. */
  end: number;
  kind: SentenceKind;
  /** A heading or label that belongs with the unit after it: keep them in one chunk. */
  joinsNext?: boolean;
}

const ZERO_WIDTH = /[\u200B-\u200D\uFEFF]/g;

/** Collapses every run of whitespace (newlines included) to one space and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(ZERO_WIDTH, "").replace(/\s+/g, " ").trim();
}

/**
 * Tidies multi-line text without losing its structure: spaces collapsed within lines, lines
 * trimmed, runs of blank lines reduced to one.
 */
export function normalizeBlockWhitespace(text: string): string {
  return text
    .replace(ZERO_WIDTH, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((span) => span.text);
}

// A list item this long is read as prose, so that a paragraph written as one bullet still splits.
const LONG_ITEM_CHARS = 300;
// Longest line that can be a heading or a label introducing what follows.
const LABEL_MAX_CHARS = 80;
const LABEL_MAX_WORDS = 12;

const LIST_MARKER = /^[ \t]*(?:[-*+•‣◦▪]|\d{1,3}[.)]|[a-z]\))[ \t]+(?:\[[ xX]\][ \t]+)?(?=\S)/;
const TABLE_SEPARATOR = /^[\s|:-]*-[\s|:-]*$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

interface Unit extends SentenceSpan {
  /** A heading or label line that belongs with the unit after it. */
  attachNext: boolean;
}

function splitLines(text: string): Line[] {
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

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function isTableRow(line: string): boolean {
  return line.includes(" | ") || (/^\s*\|/.test(line) && line.indexOf("|", line.indexOf("|") + 1) !== -1);
}

function isIndentedCode(line: string): boolean {
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

/** The sentence units of `text`, in order, with where each came from. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const lines = splitLines(text);
  const units: Unit[] = [];
  let i = 0;
  let previousWasItem = false;

  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line.text)) {
      previousWasItem = false;
      i++;
      continue;
    }

    const fence = FENCE_OPEN.exec(line.text);
    if (fence) {
      i = readFencedCode(lines, i, fence[1]!, units);
      previousWasItem = false;
      continue;
    }

    if (LIST_MARKER.test(line.text)) {
      i = readListItem(text, lines, i, units);
      previousWasItem = true;
      continue;
    }

    if (previousWasItem && /^\s/.test(line.text)) {
      // An indented line straight after an item continues that item.
      const item = units[units.length - 1]!;
      item.end = line.end;
      item.text = normalizeWhitespace(`${item.text} ${line.text}`);
      i++;
      continue;
    }
    previousWasItem = false;

    if (isIndentedCode(line.text) && (i === 0 || isBlank(lines[i - 1]!.text))) {
      i = readIndentedCode(lines, i, units);
      continue;
    }

    const blockStart = i === 0 || isBlank(lines[i - 1]!.text);
    const codeEnd = blockStart ? unfencedCodeEnd(lines, i) : undefined;
    if (codeEnd !== undefined) {
      const body = lines.slice(i, codeEnd + 1).map((codeLine) => codeLine.text.trimEnd());
      units.push({
        text: body.join("\n"),
        start: line.start,
        end: lines[codeEnd]!.end,
        kind: "code",
        attachNext: false,
      });
      i = codeEnd + 1;
      continue;
    }

    if (isTableRow(line.text)) {
      readTableRow(line, units);
      i++;
      continue;
    }

    i = readParagraph(text, lines, i, units);
  }

  return attachLabels(units);
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
function unfencedCodeEnd(lines: Line[], first: number): number | undefined {
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

function readTableRow(line: Line, units: Unit[]): void {
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

function readFencedCode(lines: Line[], open: number, fence: string, units: Unit[]): number {
  const marker = fence[0]!;
  const closing = new RegExp(`^ {0,3}\\${marker}{${fence.length},}\\s*$`);
  let close = open + 1;
  while (close < lines.length && !closing.test(lines[close]!.text)) close++;
  const body = lines.slice(open + 1, close).map((line) => line.text.trimEnd());
  const code = trimBlankLines(body).join("\n");
  const last = lines[Math.min(close, lines.length - 1)]!;
  if (code.length > 0) {
    units.push({ text: code, start: lines[open]!.start, end: last.end, kind: "code", attachNext: false });
  }
  return close + 1;
}

function readIndentedCode(lines: Line[], first: number, units: Unit[]): number {
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

function readListItem(source: string, lines: Line[], index: number, units: Unit[]): number {
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
function readParagraph(source: string, lines: Line[], first: number, units: Unit[]): number {
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

function trimBlankLines(lines: string[]): string[] {
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from] === "") from++;
  while (to > from && lines[to - 1] === "") to--;
  return lines.slice(from, to);
}

/**
 * Keeps headings and labels with what they introduce. A label ending in ":" reads well as the
 * start of the prose or list item after it, so it is joined to it ("Steps: Install Python.").
 * A heading, or a label above code or a table, stays a unit of its own, so it is never quoted as
 * a sentence, but is marked `joinsNext` so the chunker does not part it from what follows.
 */
function attachLabels(units: Unit[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const emit = (unit: Unit, joinsNext: boolean) => {
    const span: SentenceSpan = { text: unit.text, start: unit.start, end: unit.end, kind: unit.kind };
    if (joinsNext) span.joinsNext = true;
    spans.push(span);
  };
  let pending: Unit | undefined;
  for (const unit of units) {
    if (pending) {
      if (pending.kind !== "heading" && (unit.kind === "prose" || unit.kind === "item")) {
        unit.text = `${pending.text} ${unit.text}`;
        unit.start = pending.start;
      } else {
        emit(pending, true);
      }
      pending = undefined;
    }
    if (unit.attachNext) pending = unit;
    else emit(unit, false);
  }
  if (pending) emit(pending, false);
  return spans;
}

// Abbreviations whose period never ends a sentence, whatever follows.
const NEVER_FINAL = new Set([
  "e.g",
  "i.e",
  "eg",
  "ie",
  "vs",
  "cf",
  "approx",
  "viz",
  "al",
  "ca",
  "incl",
  "resp",
  "dr",
  "mr",
  "mrs",
  "ms",
  "prof",
  "sr",
  "jr",
  "st",
  "mt",
  "gen",
  "rev",
  "hon",
]);

// Abbreviations that point at a number or label next ("Fig. 3", "No. 5", "pp. 10-12").
const BEFORE_NUMBER = new Set([
  "fig",
  "figs",
  "eq",
  "eqs",
  "no",
  "nos",
  "vol",
  "vols",
  "pp",
  "p",
  "ch",
  "sec",
  "ref",
  "refs",
  "tab",
  "art",
  "ex",
  "ed",
  "op",
]);

const TERMINATORS = ".!?…";
const CLOSERS = "\"'”’)]}»*_";
const OPENERS = "\"'“‘([{¿¡*_`«";

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\n" || char === "\t" || char === "\r" || char === "\u00A0";
}

function canStartSentence(char: string): boolean {
  if (char >= "0" && char <= "9") return true;
  if (OPENERS.includes(char)) return true;
  const lower = char.toLowerCase();
  if (lower !== char) return true;
  // Letters of scripts without case (CJK and others) can start a sentence too.
  return lower === char.toUpperCase() && /\p{L}/u.test(char);
}

/** Whether the single period at `dot` belongs to the word before it rather than ending a sentence. */
function isAbbreviationPeriod(text: string, from: number, dot: number, next: string): boolean {
  let begin = dot;
  while (begin > from && !isSpace(text[begin - 1]) && !OPENERS.includes(text[begin - 1]!)) begin--;
  const word = text.slice(begin, dot);
  if (word.length === 0) return false;
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return true;
  if (BEFORE_NUMBER.has(lower)) return (next >= "0" && next <= "9") || next === "(";
  // Initials: "A. Turing", "J.R.R. Tolkien"; "I" is a pronoun far more often.
  if (/^[A-Z]$/.test(word)) return word !== "I";
  return /^(?:[A-Z]\.)+[A-Z]$/.test(word);
}

/** Splits the prose between `from` and `to` on sentence punctuation and pushes the sentences. */
function splitProse(text: string, from: number, to: number, units: Unit[]): void {
  let sentenceStart = from;
  const push = (start: number, end: number) => {
    const sentence = normalizeWhitespace(text.slice(start, end));
    if (sentence.length === 0) return;
    let s = start;
    while (s < end && isSpace(text[s])) s++;
    let e = end;
    while (e > s && isSpace(text[e - 1])) e--;
    units.push({ text: sentence, start: s, end: e, kind: "prose", attachNext: false });
  };

  for (let i = from; i < to; i++) {
    if (!TERMINATORS.includes(text[i]!)) continue;
    let last = i;
    while (last + 1 < to && TERMINATORS.includes(text[last + 1]!)) last++;
    let close = last + 1;
    while (close < to && CLOSERS.includes(text[close]!)) close++;
    if (close < to && !isSpace(text[close])) {
      // "0.25", "v1.2", "example.com": punctuation inside a token.
      i = last;
      continue;
    }
    let next = close;
    while (next < to && isSpace(text[next])) next++;
    if (next >= to) break;
    const nextChar = text[next]!;
    const singleDot = last === i && text[i] === ".";
    if (
      !canStartSentence(nextChar) ||
      (singleDot && isAbbreviationPeriod(text, sentenceStart, i, nextChar))
    ) {
      i = last;
      continue;
    }
    push(sentenceStart, close);
    sentenceStart = next;
    i = next - 1;
  }
  push(sentenceStart, to);
}
