import { slugify } from "../../answer/citations.ts";
import type { DocumentChunk } from "./documents.ts";

/**
 * Turns a document's chunks back into readable sections for its course page. Chunks repeat a few
 * sentences of their predecessor (the chunker's overlap); those are dropped so the page reads once.
 * Every heading a chunk carries gets the anchor citations link to (`#` + slugify(heading)).
 */
export interface PageHeading {
  level: number;
  text: string;
  /** Set on the first heading with this slug; citation links land there. */
  id?: string;
}

export interface PageSection {
  headings: PageHeading[];
  locator: string | null;
  /** Paragraphs, each a list of lines. */
  paragraphs: string[][];
}

/** `next` without the leading text it shares with the end of `previous` (whole words only). */
export function stripOverlap(previous: string, next: string, minChars = 20): string {
  const max = Math.min(previous.length, next.length);
  for (let length = max; length >= minChars; length--) {
    // Cut only where the shared part ends a word in `next`.
    const boundary = next[length];
    if (boundary !== undefined && !/\s/.test(boundary)) continue;
    if (previous.endsWith(next.slice(0, length))) return next.slice(length).trimStart();
  }
  return next;
}

export function paragraphsOf(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
}

export function createSections(title: string, chunks: readonly DocumentChunk[]): PageSection[] {
  const usedIds = new Set<string>([slugify(title)]);
  const sections: PageSection[] = [];
  let previousPath: string[] = [];
  let previousText: string | undefined;

  for (const chunk of chunks) {
    const path = chunk.headingPath;
    let common = 0;
    while (common < path.length && common < previousPath.length && path[common] === previousPath[common])
      common++;
    const headings: PageHeading[] = [];
    for (let depth = common; depth < path.length; depth++) {
      const text = path[depth] ?? "";
      const slug = slugify(text);
      const heading: PageHeading = { level: Math.min(depth + 2, 6), text };
      if (slug && !usedIds.has(slug)) {
        heading.id = slug;
        usedIds.add(slug);
      }
      headings.push(heading);
    }
    // A chunk whose heading is not in its path (a slide titled by the deck) still needs its anchor.
    const chunkSlug = slugify(chunk.heading);
    if (chunkSlug && !usedIds.has(chunkSlug)) {
      headings.push({ level: Math.min(path.length + 2, 6), text: chunk.heading, id: chunkSlug });
      usedIds.add(chunkSlug);
    }

    const samePlace = common === path.length && path.length === previousPath.length;
    const text =
      samePlace && previousText !== undefined ? stripOverlap(previousText, chunk.text) : chunk.text;
    sections.push({ headings, locator: chunk.locator, paragraphs: paragraphsOf(text) });
    previousPath = path;
    previousText = chunk.text;
  }
  return sections;
}
