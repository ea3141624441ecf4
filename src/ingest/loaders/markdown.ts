import { parseFrontMatter } from "../frontmatter.ts";
import { parseMarkdownBlocks } from "../markdown-text.ts";
import { sectionsFromBlocks, titleHeadingIndex } from "../sections.ts";
import type { LoadedDocument, Loader } from "../types.ts";
import { decodeText, extensionOf } from "./common.ts";

const EXTENSIONS = new Set([".md", ".markdown"]);

export const markdownLoader: Loader = {
  format: "markdown",
  accepts: (relativePath) => EXTENSIONS.has(extensionOf(relativePath)),
  load: async (bytes, _relativePath, fallbackTitle) => loadMarkdown(decodeText(bytes), fallbackTitle),
};

export function loadMarkdown(source: string, fallbackTitle: string): LoadedDocument {
  const { frontMatter, body, warning } = parseFrontMatter(source);
  const blocks = parseMarkdownBlocks(body);
  const titleIndex = titleHeadingIndex(blocks, frontMatter.title, true);
  const titleBlock = titleIndex === -1 ? undefined : blocks[titleIndex];
  const headingTitle = titleBlock?.kind === "heading" ? titleBlock.text : undefined;

  const meta: Record<string, unknown> = { ...frontMatter.meta };
  if (warning) meta.frontMatterWarning = warning;
  const document: LoadedDocument = {
    format: "markdown",
    title: frontMatter.title || headingTitle || fallbackTitle,
    sections: sectionsFromBlocks(blocks, titleIndex),
    meta,
  };
  if (frontMatter.url) document.url = frontMatter.url;
  if (frontMatter.week !== undefined) document.week = frontMatter.week;
  return document;
}
