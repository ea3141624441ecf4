/** What a loader makes of one file: plain-text sections under their headings. */
export type DocumentFormat = "markdown" | "slides" | "text" | "html" | "pdf";

export interface DocumentSection {
  /** Headings from the document's top down to this section, without the document title. */
  headingPath: string[];
  /** Plain text; paragraphs separated by a blank line. Lists keep one item a line. */
  text: string;
  /** Where in the document this is when headings do not say: "slide 4", "page 2". */
  locator?: string;
}

export interface LoadedDocument {
  format: DocumentFormat;
  title: string;
  url?: string;
  week?: number;
  sections: DocumentSection[];
  /** Front matter and other loader facts worth keeping (slide count, page count…). */
  meta: Record<string, unknown>;
}

export interface Loader {
  format: DocumentFormat;
  /** Whether this loader handles the file; `head` is the start of its text (first 4 KiB). */
  accepts(relativePath: string, head: string): boolean;
  /** Parses the file. `fallbackTitle` comes from the file name when the document names none. */
  load(bytes: Uint8Array, relativePath: string, fallbackTitle: string): Promise<LoadedDocument>;
}

export interface Chunk {
  ord: number;
  headingPath: string[];
  /** The innermost heading (or the document title when the text sits above every heading). */
  heading: string;
  locator?: string;
  text: string;
}

export interface ChunkingOptions {
  /** Target upper bound of a chunk's text, in characters. */
  maxChars: number;
  /** Characters of the previous chunk repeated at the start of the next, on sentence boundaries. */
  overlapChars: number;
  /** Chunks smaller than this are merged into a neighbour of the same section when possible. */
  minChars: number;
}

export const defaultChunking: ChunkingOptions = { maxChars: 1000, overlapChars: 150, minChars: 200 };
