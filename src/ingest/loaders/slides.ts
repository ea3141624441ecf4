import { createFenceTracker } from "../../text/markdown.ts";
import { parseFrontMatter } from "../frontmatter.ts";
import { parseMarkdownBlocks } from "../markdown-text.ts";
import type { DocumentSection, LoadedDocument, Loader } from "../types.ts";
import { decodeText, extensionOf, fileNameOf } from "./common.ts";

/**
 * Reveal.js-style markdown decks: `---` between slides, `--` (or `----`, as many course decks
 * configure it) between vertical slides.
 */

const EXTENSIONS = new Set([".md", ".markdown"]);
const DECK_FORMATS = new Set(["slides", "slide", "deck", "presentation", "reveal", "revealjs"]);
const HORIZONTAL = /^ {0,3}---[ \t]*$/;
const VERTICAL = /^ {0,3}(?:--|-{4,})[ \t]*$/;
const NOTES_LINE = /^\s*notes?:/i;
const REVEAL_COMMENT = /<!--\s*\.(?:slide|element)\s*:/i;
const NOTES_ASIDE = /<aside\b[^>]*\bclass\s*=\s*["'][^"']*\bnotes\b[^"']*["'][^>]*>[\s\S]*?(?:<\/aside>|$)/gi;

export const slidesLoader: Loader = {
  format: "slides",
  accepts: (relativePath, head) =>
    EXTENSIONS.has(extensionOf(relativePath)) && looksLikeDeck(relativePath, head),
  load: async (bytes, _relativePath, fallbackTitle) => loadSlides(decodeText(bytes), fallbackTitle),
};

interface DeckSignals {
  horizontal: number;
  vertical: number;
  revealMarkup: boolean;
  /** `Note:` lines with nothing after them, which only speaker-notes syntax produces. */
  bareNotesLines: number;
  notesLines: number;
}

export function looksLikeDeck(relativePath: string, head: string): boolean {
  const { frontMatter, body } = parseFrontMatter(head.replace(/\r\n?/g, "\n"));
  const declared = [frontMatter.meta.format, frontMatter.meta.type].map((value) =>
    String(value ?? "").toLowerCase(),
  );
  if (declared.some((value) => DECK_FORMATS.has(value))) return true;
  // An explicit other format ("format: notes") is taken at its word.
  if (declared[0] !== "") return false;

  const signals = deckSignals(body);
  const separators = signals.horizontal + signals.vertical;
  if (/slide|deck|lecture/i.test(fileNameOf(relativePath)) && separators >= 2) return true;
  if (signals.horizontal >= 3 || signals.revealMarkup || signals.bareNotesLines > 0) return true;
  // "Note: …" also opens ordinary paragraphs; it only marks a deck next to slide separators.
  return signals.notesLines > 0 && separators > 0;
}

function deckSignals(body: string): DeckSignals {
  const signals: DeckSignals = {
    horizontal: 0,
    vertical: 0,
    revealMarkup: false,
    bareNotesLines: 0,
    notesLines: 0,
  };
  forEachLineOutsideCode(body, (line) => {
    if (HORIZONTAL.test(line)) signals.horizontal++;
    else if (VERTICAL.test(line)) signals.vertical++;
    else if (NOTES_LINE.test(line)) {
      signals.notesLines++;
      if (/^\s*notes?:\s*$/i.test(line)) signals.bareNotesLines++;
    }
    if (REVEAL_COMMENT.test(line) || /<aside\b[^>]*\bnotes\b/i.test(line)) signals.revealMarkup = true;
  });
  return signals;
}

function forEachLineOutsideCode(text: string, visit: (line: string) => void): void {
  const inCode = createFenceTracker();
  for (const line of text.split("\n")) if (!inCode(line)) visit(line);
}

export function loadSlides(source: string, fallbackTitle: string): LoadedDocument {
  const { frontMatter, body, warning } = parseFrontMatter(source);
  const slides = splitSlides(body);
  const sections: DocumentSection[] = [];
  const skipped: number[] = [];
  let firstSlideH1: string | undefined;

  slides.forEach((raw, index) => {
    const number = index + 1;
    const blocks = parseMarkdownBlocks(removeSpeakerNotes(raw));
    const headingIndex = blocks.findIndex((block) => block.kind === "heading" && block.text !== "");
    const heading = blocks[headingIndex];
    if (number === 1) {
      const h1 = blocks.find((block) => block.kind === "heading" && block.level === 1 && block.text !== "");
      firstSlideH1 = h1?.text;
    }
    // Later headings on a slide are just lines of its text.
    const text = blocks
      .filter((_block, i) => i !== headingIndex)
      .map((block) => block.text)
      .filter((part) => part !== "")
      .join("\n\n");
    if (text === "") {
      skipped.push(number);
      return;
    }
    sections.push({
      headingPath: [heading?.text ?? `Slide ${number}`],
      text,
      locator: `slide ${number}`,
    });
  });

  const meta: Record<string, unknown> = {
    ...frontMatter.meta,
    slideCount: slides.length,
    skippedSlides: skipped.length,
    skippedSlideNumbers: skipped,
  };
  if (warning) meta.frontMatterWarning = warning;
  const document: LoadedDocument = {
    format: "slides",
    title: frontMatter.title || firstSlideH1 || fallbackTitle,
    sections,
    meta,
  };
  if (frontMatter.url) document.url = frontMatter.url;
  if (frontMatter.week !== undefined) document.week = frontMatter.week;
  return document;
}

/**
 * Splits a deck into slides (horizontal and vertical alike, in reading order). Separator lines
 * inside code fences do not count. Decks without `---` may separate slides with three blank lines.
 */
export function splitSlides(body: string): string[] {
  const lines = body.split("\n");
  let hasHorizontal = false;
  forEachLineOutsideCode(body, (line) => {
    if (HORIZONTAL.test(line)) hasHorizontal = true;
  });

  const slides: string[] = [];
  let current: string[] = [];
  let blankRun = 0;
  const inCode = createFenceTracker();
  const finish = () => {
    if (current.some((line) => line.trim() !== "")) slides.push(current.join("\n"));
    current = [];
    blankRun = 0;
  };

  for (const line of lines) {
    if (inCode(line)) {
      // Code (its fences included) stays on the current slide and leaves the blank-line run as it is.
      current.push(line);
      continue;
    }
    if (HORIZONTAL.test(line) || VERTICAL.test(line)) {
      finish();
      continue;
    } else if (!hasHorizontal && line.trim() === "") {
      blankRun++;
      if (blankRun >= 3) {
        finish();
        continue;
      }
    } else blankRun = 0;
    current.push(line);
  }
  finish();
  return slides;
}

/** Drops speaker notes: `<aside class="notes">` blocks and everything from a `Note:` line on. */
export function removeSpeakerNotes(slide: string): string {
  const withoutAsides = slide.replace(NOTES_ASIDE, "");
  const kept: string[] = [];
  const inCode = createFenceTracker();
  for (const line of withoutAsides.split("\n")) {
    if (!inCode(line) && NOTES_LINE.test(line)) break;
    kept.push(line);
  }
  return kept.join("\n");
}
