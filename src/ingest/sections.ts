/** Headings and text blocks in reading order → sections under heading paths. */
import type { DocumentSection } from "./types.ts";

export type ContentBlock = { kind: "heading"; level: number; text: string } | { kind: "text"; text: string };

/**
 * The index of the H1 that names the document, or -1: the first heading, when it is an H1 that
 * matches the known title or is the document's only H1. That heading is the title, so it stays
 * out of every heading path. With `mustLead`, text before it disqualifies it.
 */
export function titleHeadingIndex(
  blocks: ContentBlock[],
  knownTitle: string | undefined,
  mustLead: boolean,
): number {
  const index = blocks.findIndex((block) => block.kind === "heading");
  const first = blocks[index];
  if (first?.kind !== "heading" || first.level !== 1 || first.text === "") return -1;
  if (mustLead && index > 0) return -1;
  if (knownTitle && titleKey(knownTitle) === titleKey(first.text)) return index;
  const h1Count = blocks.filter((block) => block.kind === "heading" && block.level === 1).length;
  return h1Count === 1 ? index : -1;
}

/** One section per heading with text under it; `skipIndex` is the title heading, if any. */
export function sectionsFromBlocks(blocks: ContentBlock[], skipIndex: number): DocumentSection[] {
  const sections: DocumentSection[] = [];
  const open: Array<{ level: number; text: string }> = [];
  let headingPath: string[] = [];
  let paragraphs: string[] = [];
  const close = () => {
    if (paragraphs.length > 0) sections.push({ headingPath, text: paragraphs.join("\n\n") });
    paragraphs = [];
  };

  blocks.forEach((block, index) => {
    if (block.kind === "text") {
      if (block.text.trim() !== "") paragraphs.push(block.text);
      return;
    }
    if (index === skipIndex || block.text === "") return;
    close();
    while (open.length > 0 && open[open.length - 1]!.level >= block.level) open.pop();
    open.push({ level: block.level, text: block.text });
    headingPath = open.map((heading) => heading.text);
  });
  close();
  return sections;
}

/** Case- and punctuation-insensitive comparison key for titles and headings. */
export function titleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
