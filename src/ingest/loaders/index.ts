import type { Loader } from "../types.ts";
import { htmlLoader } from "./html.ts";
import { markdownLoader } from "./markdown.ts";
import { pdfLoader } from "./pdf.ts";
import { slidesLoader } from "./slides.ts";
import { textLoader } from "./text.ts";

/** In priority order: the first loader that accepts a file loads it (decks before plain markdown). */
export const loaders: readonly Loader[] = [slidesLoader, markdownLoader, htmlLoader, textLoader, pdfLoader];

export const supportedExtensions: readonly string[] = [
  ".md",
  ".markdown",
  ".html",
  ".htm",
  ".txt",
  ".text",
  ".pdf",
];

/** The loader for a file, judged by its path and `head` (the first 4 KiB of its text). */
export function pickLoader(relativePath: string, head: string): Loader | undefined {
  return loaders.find((loader) => loader.accepts(relativePath, head));
}

export { htmlLoader, markdownLoader, pdfLoader, slidesLoader, textLoader };
