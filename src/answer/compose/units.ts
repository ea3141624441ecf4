import type { ScoredChunk } from "../../core/chunks.ts";
import { sentenceSpans } from "../../text/sentences/index.ts";
import { contentTerms } from "../../text/terms.ts";
import { renderRow, splitCells } from "./tables.ts";

/**
 * The quotable units of the retrieved chunks: prose sentences, list items (kept with the list
 * and the label that introduces it), and table rows (kept with their header). Lists and rows are
 * never quoted as if they were prose: an item that is no sentence only appears inside its list,
 * and a row only as a sentence naming its columns.
 */
export interface Unit {
  chunk: ScoredChunk;
  chunkRank: number;
  /** Order within the chunk. */
  position: number;
  kind: "sentence" | "item" | "row" | "list";
  /** The text quoted for this unit (a row: rendered as a sentence; a list: its label). */
  text: string;
  /** Reads as a sentence on its own. */
  standalone: boolean;
  /** A list, or the list an item belongs to. */
  list?: ListBlock;
  /** A table row: its header and cells. */
  row?: { header: string[]; cells: string[] };
  terms: Set<string>;
  /** Content terms in order (for phrases). */
  sequence: string[];
}

export interface ListBlock {
  /** The sentence introducing the list ("ACID names four guarantees:"), when there is one. */
  label?: string;
  items: Unit[];
  ordered: boolean;
}

const ITEM_START = /\n[ \t]*(?:[-*+•‣◦▪]|\d{1,3}[.)]|[a-z]\))[ \t]+/;
const ORDERED = /^[ \t]*\d{1,3}[.)]/;

function unitOf(
  chunk: ScoredChunk,
  chunkRank: number,
  position: number,
  kind: Unit["kind"],
  text: string,
): Unit {
  const sequence = contentTerms(text);
  return {
    chunk,
    chunkRank,
    position,
    kind,
    text,
    standalone: kind === "sentence" && isSentence(text),
    terms: new Set(sequence),
    sequence,
  };
}

// A token of code or program output: camelCase, a call, a starred count ("bench*10000:"), a timing
// ("559.082ms"), a declaration or comment. Formulas ("2PR / (P + R)", "k = 60") are none of these.
const CODE_TOKEN = /\p{Ll}\p{Lu}|\w\(|\*\d|^\d[\d.,]*(?:ms|µs|ns)\b|^(?:const|let|var|\/\/|=>|return)$/u;
/** Code tokens that make a "sentence" mostly program output: several, and a fifth of its words. */
const MOSTLY_CODE = { tokens: 4, share: 0.2 };

/**
 * Text that is mostly code or program output ("Child logger creation is fast: benchBunyan*10000:
 * 564.514ms …"): it answers how fast or how many, and reads badly as anything else.
 */
export function mostlyCode(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const code = words.filter((w) => CODE_TOKEN.test(w)).length;
  return code >= MOSTLY_CODE.tokens && code / words.length >= MOSTLY_CODE.share;
}

/** A sentence a student can read on its own: not a question, label, code or fragment. */
export function isSentence(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 25 || trimmed.split(/\s+/).length < 5) return false;
  if (trimmed.endsWith("?") || trimmed.endsWith(":")) return false;
  if (/^[`$#>|]|^\s*(import|def|class|SELECT|CREATE|const|let|function)\b/.test(trimmed)) return false;
  if (/[{};]\s*$/.test(trimmed) || /^\W+$/.test(trimmed)) return false;
  return true;
}

/**
 * A list item that reads as a sentence: it starts like one and ends like one ("**Term**: a
 * definition." or "Compare the two windows."); "Data flow" or "Week 3" does not.
 */
function itemIsSentence(text: string): boolean {
  const plain = text.replace(/\*\*|__|`/g, "");
  return isSentence(plain) && /[.!…)]["”’]?$/.test(plain.trim()) && /^[\p{Lu}\d"“(]/u.test(plain.trim());
}

interface ItemParts {
  label?: string;
  item: string;
  ordered: boolean;
}

/** Splits an item span into the label attached to it and the item itself. */
function labelAndItem(chunkText: string, start: number, text: string): ItemParts {
  const raw = chunkText.slice(start);
  if (/^[ \t]*(?:[-*+•‣◦▪]|\d{1,3}[.)]|[a-z]\))[ \t]+/.test(raw)) {
    return { item: text, ordered: ORDERED.test(raw) };
  }
  const marker = ITEM_START.exec(raw);
  if (!marker) return { item: text, ordered: false };
  const ordered = ORDERED.test(raw.slice(marker.index + 1));
  const label = raw.slice(0, marker.index).replace(/\s+/g, " ").trim();
  if (!label.endsWith(":") || !text.startsWith(label)) return { item: text, ordered };
  return { label, item: text.slice(label.length).trim(), ordered };
}

/**
 * A line that opens with a short term and a full stop, with its description on the same line (a
 * glossary-style bullet whose markdown the loader flattened: "Time-based split. Trains on…").
 */
function startsLineWithTerm(text: string, term: Unit, next: { start: number }): boolean {
  const at = text.lastIndexOf(term.text, next.start);
  if (at < 0 || (at > 0 && text[at - 1] !== "\n")) return false;
  if (text.slice(at + term.text.length, next.start).includes("\n")) return false;
  const words = term.text.split(/\s+/);
  return words.length <= 4 && term.text.length <= 40 && /^\p{Lu}/u.test(term.text) && /\.$/.test(term.text);
}

const RULE_ROW = /^[\s|:-]*-[\s|:-]*$/;

/** Only whitespace, or a table's rule row, lies between two spans. */
function nothingBetween(text: string): boolean {
  return text.split("\n").every((line) => line.trim() === "" || RULE_ROW.test(line));
}

/** The row is a table's header: a rule row follows it, or (rule row dropped) it labels the row below. */
function isHeader(chunkText: string, end: number, cells: readonly string[]): boolean {
  const next =
    chunkText
      .slice(end)
      .replace(/^[ \t]*\n/, "")
      .split("\n")[0] ?? "";
  if (RULE_ROW.test(next) && next.includes("-")) return true;
  // A table whose rule row the loader dropped: a first row of short labels ("Project | Due | Weight")
  // above a row of as many cells that holds figures or dates.
  const below = splitCells(next);
  return (
    cells.length >= 2 &&
    below.length === cells.length &&
    cells.every((cell) => cell !== "" && !/\d/.test(cell) && cell.split(/\s+/).length <= 3) &&
    below.some((cell) => /\d/.test(cell))
  );
}

/** The units of one chunk, in reading order. */
export function chunkUnits(chunk: ScoredChunk, chunkRank: number): Unit[] {
  const units: Unit[] = [];
  let list: ListBlock | undefined;
  let table: { header: string[] } | undefined;
  let previousEnd = -1;
  for (const span of sentenceSpans(chunk.text)) {
    const adjacent = previousEnd >= 0 && nothingBetween(chunk.text.slice(previousEnd, span.start));
    previousEnd = span.end;
    if (span.kind === "item") {
      const { label, item, ordered } = labelAndItem(chunk.text, span.start, span.text);
      if (!list || label || !adjacent) {
        list = { items: [], ordered };
        if (label) list.label = label;
        units.push({ ...unitOf(chunk, chunkRank, units.length, "list", label ?? ""), list });
      }
      const unit = unitOf(chunk, chunkRank, units.length, "item", item);
      unit.standalone = itemIsSentence(item);
      unit.list = list;
      list.items.push(unit);
      units.push(unit);
      continue;
    }
    list = undefined;
    if (span.kind === "row") {
      const cells = splitCells(span.text);
      if (!table || !adjacent) {
        table = { header: [] };
        if (isHeader(chunk.text, span.end, cells)) {
          table.header = cells;
          continue;
        }
      }
      const unit = unitOf(chunk, chunkRank, units.length, "row", renderRow(table.header, cells));
      unit.row = { header: table.header, cells };
      unit.standalone = true;
      units.push(unit);
      continue;
    }
    table = undefined;
    if (span.kind !== "prose") continue;
    const previous = units.at(-1);
    if (previous && previous.kind === "sentence" && startsLineWithTerm(chunk.text, previous, span)) {
      // "Time-based split. Trains on earlier data…": the term a line opens with is the subject of
      // the sentence after it, which does not name it again.
      units[units.length - 1] = unitOf(
        chunk,
        chunkRank,
        previous.position,
        "sentence",
        `${previous.text} ${span.text.trim()}`,
      );
      continue;
    }
    units.push(unitOf(chunk, chunkRank, units.length, "sentence", span.text.trim()));
  }
  // A list's own terms are its label's and its items': scored as one unit.
  for (const unit of units) {
    if (unit.kind !== "list" || !unit.list) continue;
    const text = [unit.list.label ?? "", ...unit.list.items.map((i) => i.text)].join(" ");
    unit.sequence = contentTerms(text);
    unit.terms = new Set(unit.sequence);
  }
  return units;
}
