import { sentenceSpans } from "../text/sentences/index.ts";
import {
  type Chunk,
  type ChunkingOptions,
  type DocumentSection,
  defaultChunking,
  type LoadedDocument,
} from "./types.ts";

/**
 * Heading-aware chunking. Sections are packed paragraph by paragraph; a paragraph too large for
 * one chunk is split on sentence boundaries, and only a single sentence longer than a chunk is cut
 * mid-sentence. Consecutive chunks of one section share whole trailing sentences. A chunk never
 * spans two top-level sections.
 */
export function chunkDocument(doc: LoadedDocument, options: ChunkingOptions = defaultChunking): Chunk[] {
  const limits = sane(options);
  const sections = mergeSmallSections(doc.sections, limits);
  const chunks: Chunk[] = [];
  for (const section of sections) {
    for (const text of chunkText(section.text, limits)) {
      const chunk: Chunk = {
        ord: chunks.length,
        headingPath: [...section.headingPath],
        heading: section.headingPath[section.headingPath.length - 1] ?? doc.title,
        text,
      };
      if (section.locator !== undefined) chunk.locator = section.locator;
      chunks.push(chunk);
    }
  }
  return chunks;
}

function sane(options: ChunkingOptions): ChunkingOptions {
  const maxChars = Math.max(1, Math.floor(options.maxChars));
  return {
    maxChars,
    overlapChars: Math.min(Math.max(0, Math.floor(options.overlapChars)), maxChars - 1),
    minChars: Math.max(0, Math.floor(options.minChars)),
  };
}

interface GroupedSection extends DocumentSection {
  /** Sections sharing a group sit under the same top-level heading occurrence. */
  group: number;
}

function withGroups(sections: DocumentSection[]): GroupedSection[] {
  let group = -1;
  let previousTop: string | undefined;
  return sections
    .map((section) => ({ ...section, text: section.text.trim() }))
    .filter((section) => section.text !== "")
    .map((section) => {
      const top = section.headingPath[0];
      // A path of length 0 or 1 opens a new top-level section, even when its title repeats.
      if (section.headingPath.length <= 1 || top !== previousTop) group++;
      previousTop = top;
      return { ...section, group };
    });
}

/** Text of `section` appended after `base`, its own heading written as a line above it. */
function mergedText(base: GroupedSection, section: GroupedSection): string {
  const heading = section.headingPath[section.headingPath.length - 1];
  const samePath = base.headingPath.join("\u0000") === section.headingPath.join("\u0000");
  const headingLine = heading !== undefined && !samePath ? `${heading}\n` : "";
  return `${base.text}\n\n${headingLine}${section.text}`;
}

/**
 * Merges sections shorter than minChars into the next section of the same top-level group (or,
 * for the last one of a group, into the previous section) when the result fits in one chunk.
 * The merged section keeps the first section's heading path and locator.
 */
function mergeSmallSections(sections: DocumentSection[], options: ChunkingOptions): GroupedSection[] {
  const merged: GroupedSection[] = [];
  const fits = (text: string) => text.length <= options.maxChars;
  const settle = (small: GroupedSection) => {
    const previous = merged[merged.length - 1];
    if (previous && previous.group === small.group) {
      const text = mergedText(previous, small);
      if (fits(text)) {
        previous.text = text;
        return;
      }
    }
    merged.push(small);
  };

  let carried: GroupedSection | undefined;
  for (let section of withGroups(sections)) {
    if (carried) {
      const text = mergedText(carried, section);
      if (carried.group === section.group && fits(text)) section = { ...carried, text };
      else settle(carried);
      carried = undefined;
    }
    if (section.text.length < options.minChars) carried = section;
    else merged.push(section);
  }
  if (carried) settle(carried);
  return merged;
}

/** A sentence (or a hard-cut part of one) and the whitespace that separated it from the one before. */
interface Piece {
  joiner: string;
  text: string;
}

/** What the packer places whole: a paragraph that fits, or a sentence of one that does not. */
interface Atom {
  joiner: string;
  pieces: Piece[];
  length: number;
}

function joinedLength(pieces: Piece[]): number {
  let length = 0;
  pieces.forEach((piece, i) => {
    length += piece.text.length + (i > 0 ? piece.joiner.length : 0);
  });
  return length;
}

function joinPieces(pieces: Piece[]): string {
  return pieces.map((piece, i) => (i > 0 ? piece.joiner + piece.text : piece.text)).join("");
}

/** Whitespace between two units, reduced to the break it stands for. */
function joinerFor(gap: string): string {
  if (/\n[ \t]*\n/.test(gap)) return "\n\n";
  if (gap.includes("\n")) return "\n";
  return gap === "" ? "" : " ";
}

/**
 * A paragraph cut into sentence pieces covering all of it. A heading or label stays in one piece
 * with the sentence it introduces, so no chunk ends on a bare heading.
 */
function sentencePieces(paragraph: string): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  const spans = sentenceSpans(paragraph);
  spans.forEach((span, i) => {
    if (span.joinsNext && i < spans.length - 1) return;
    const to = i === spans.length - 1 ? paragraph.length : span.end;
    const raw = paragraph.slice(from, to);
    const text = raw.trim();
    if (text !== "")
      pieces.push({ joiner: joinerFor(raw.slice(0, raw.length - raw.trimStart().length)), text });
    from = to;
  });
  if (pieces.length === 0) pieces.push({ joiner: "", text: paragraph });
  return pieces;
}

/** Cuts one over-long sentence at line breaks or spaces, falling back to a plain cut. */
function hardSplit(piece: Piece, maxChars: number): Piece[] {
  const parts: Piece[] = [];
  let rest = piece.text;
  let joiner = piece.joiner;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    const floor = Math.max(1, Math.floor(maxChars / 2));
    let cut = window.lastIndexOf("\n");
    if (cut < floor) cut = Math.max(window.lastIndexOf(" "), window.lastIndexOf("\t"));
    let next: number;
    if (cut >= floor) {
      next = cut + 1;
    } else {
      cut = maxChars;
      // Never leave half of a surrogate pair on either side.
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff && cut > 1) cut--;
      next = cut;
    }
    parts.push({ joiner, text: rest.slice(0, cut).trimEnd() });
    joiner = next > cut ? joinerFor(rest[cut]!) : "";
    rest = rest.slice(next).trimStart();
  }
  if (rest !== "") parts.push({ joiner, text: rest });
  return parts;
}

function atomsOf(text: string, maxChars: number): Atom[] {
  const atoms: Atom[] = [];
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    const trimmed = paragraph.trim();
    if (trimmed === "") continue;
    const pieces = sentencePieces(trimmed);
    pieces[0]!.joiner = "\n\n";
    if (trimmed.length <= maxChars) {
      atoms.push({ joiner: "\n\n", pieces, length: trimmed.length });
      continue;
    }
    for (const piece of pieces) {
      for (const part of piece.text.length > maxChars ? hardSplit(piece, maxChars) : [piece]) {
        atoms.push({ joiner: part.joiner, pieces: [{ ...part }], length: part.text.length });
      }
    }
  }
  return atoms;
}

/**
 * Whole trailing sentences of a finished chunk, at most `overlapChars` long and never all of it.
 * Course prose runs to long sentences, so a last sentence of up to twice `overlapChars` is still
 * carried rather than leaving the next chunk without context.
 */
function overlapOf(pieces: Piece[], overlapChars: number): Piece[] {
  if (overlapChars === 0 || pieces.length < 2) return [];
  let start = pieces.length;
  while (start > 1 && joinedLength(pieces.slice(start - 1)) <= overlapChars) start--;
  if (start === pieces.length && pieces[start - 1]!.text.length <= 2 * overlapChars) start--;
  return pieces.slice(start);
}

function chunkText(text: string, options: ChunkingOptions): string[] {
  const chunks: string[] = [];
  let current: Piece[] = [];
  let length = 0;

  for (const atom of atomsOf(text, options.maxChars)) {
    const first: Piece = { joiner: atom.joiner, text: atom.pieces[0]!.text };
    const atomPieces = [first, ...atom.pieces.slice(1)];
    if (current.length === 0 || length + atom.joiner.length + atom.length <= options.maxChars) {
      length += (current.length > 0 ? atom.joiner.length : 0) + atom.length;
      current.push(...atomPieces);
      continue;
    }
    chunks.push(joinPieces(current));
    let overlap = overlapOf(current, options.overlapChars);
    while (
      overlap.length > 0 &&
      joinedLength(overlap) + atom.joiner.length + atom.length > options.maxChars
    ) {
      overlap = overlap.slice(1);
    }
    current = [...overlap, ...atomPieces];
    length = joinedLength(current);
  }
  if (current.length > 0) chunks.push(joinPieces(current));
  return chunks.map((chunk) => chunk.trim()).filter((chunk) => chunk !== "");
}
