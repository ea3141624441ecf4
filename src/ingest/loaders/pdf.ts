import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { normalizeBlockWhitespace } from "../../text/whitespace.ts";
import type { DocumentSection, LoadedDocument, Loader } from "../types.ts";
import { extensionOf } from "./common.ts";

const MAX_LINE_TITLE_CHARS = 100;

export const pdfLoader: Loader = {
  format: "pdf",
  accepts: (relativePath, head) => extensionOf(relativePath) === ".pdf" || head.startsWith("%PDF-"),
  load: loadPdf,
};

export async function loadPdf(
  bytes: Uint8Array,
  relativePath: string,
  fallbackTitle: string,
): Promise<LoadedDocument> {
  // pdf.js transfers the buffer it is given to its worker, detaching it: hand it a copy so the
  // caller's bytes (used for content hashes) stay intact.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read PDF ${relativePath}: ${reason}`);
  });
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    const pageTexts = text.map((page) => normalizeBlockWhitespace(page));
    const sections: DocumentSection[] = [];
    pageTexts.forEach((page, index) => {
      if (page !== "") sections.push({ headingPath: [], text: page, locator: `page ${index + 1}` });
    });

    const document: LoadedDocument = {
      format: "pdf",
      title: (await metadataTitle(pdf)) ?? firstLineTitle(pageTexts) ?? fallbackTitle,
      sections,
      meta: { pageCount: totalPages },
    };
    return document;
  } finally {
    await pdf.destroy();
  }
}

async function metadataTitle(pdf: Parameters<typeof getMeta>[0]): Promise<string | undefined> {
  try {
    const { info } = await getMeta(pdf);
    const title: unknown = info.Title;
    return typeof title === "string" && title.trim() !== "" ? title.trim() : undefined;
  } catch {
    // Broken metadata is no reason to lose the text.
    return undefined;
  }
}

function firstLineTitle(pageTexts: string[]): string | undefined {
  for (const page of pageTexts) {
    const line = page.split("\n").find((candidate) => candidate.trim() !== "");
    if (line !== undefined) return line.length < MAX_LINE_TITLE_CHARS ? line.trim() : undefined;
  }
  return undefined;
}
