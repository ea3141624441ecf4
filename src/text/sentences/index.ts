import { FENCE_OPEN } from "../markdown.ts";
import { isBlank, normalizeWhitespace } from "../whitespace.ts";
import {
  isIndentedCode,
  isTableRow,
  LIST_MARKER,
  readFencedCode,
  readIndentedCode,
  readListItem,
  readParagraph,
  readTableRow,
  splitLines,
  unfencedCodeEnd,
} from "./blocks.ts";
import type { SentenceSpan, Unit } from "./types.ts";

/**
 * English sentence splitting with pure string operations. Shared by the chunker, the extractive
 * answerer and the reranker, so it must be fast and deterministic.
 *
 * The text is read line by line first: code blocks (fenced, indented, or unfenced but plainly
 * code) are single units, every list item and table row is its own unit, headings and labels are
 * kept with what they introduce, and only the remaining prose is split on sentence punctuation.
 */

export type { SentenceKind, SentenceSpan } from "./types.ts";

export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((span) => span.text);
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
