import { isBlank, normalizeBlockWhitespace } from "../../text/whitespace.ts";
import type { DocumentSection, LoadedDocument, Loader } from "../types.ts";
import { decodeText, extensionOf } from "./common.ts";

const EXTENSIONS = new Set([".txt", ".text"]);
const UNDERLINE = /^[ \t]*(={3,}|-{3,})[ \t]*$/;
const MAX_TITLE_CHARS = 100;

export const textLoader: Loader = {
  format: "text",
  accepts: (relativePath) => EXTENSIONS.has(extensionOf(relativePath)),
  load: async (bytes, _relativePath, fallbackTitle) => loadText(decodeText(bytes), fallbackTitle),
};

/** A line short enough to be a title or heading and not the end of a sentence. */
function isTitleLike(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length < MAX_TITLE_CHARS && !/[.,;:]$/.test(text);
}

export function loadText(source: string, fallbackTitle: string): LoadedDocument {
  const lines = source.split("\n").map((line) => line.trimEnd());
  let index = lines.findIndex((line) => line.trim() !== "");
  if (index === -1) index = lines.length;

  let title = fallbackTitle;
  const first = lines[index];
  if (first !== undefined && isTitleLike(first)) {
    const next = lines[index + 1];
    if (next !== undefined && UNDERLINE.test(next)) {
      title = first.trim();
      index += 2;
    } else if (isBlank(next) && index + 1 < lines.length) {
      title = first.trim();
      index += 1;
    }
  }

  const sections: DocumentSection[] = [];
  const open: Array<{ level: number; text: string }> = [];
  let headingPath: string[] = [];
  let body: string[] = [];
  const close = () => {
    const text = normalizeBlockWhitespace(body.join("\n"));
    if (text !== "") sections.push({ headingPath, text });
    body = [];
  };

  for (; index < lines.length; index++) {
    const line = lines[index]!;
    const underline = UNDERLINE.exec(lines[index + 1] ?? "");
    if (underline && isTitleLike(line) && isBlank(lines[index - 1])) {
      close();
      const level = underline[1]!.startsWith("=") ? 1 : 2;
      while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
      open.push({ level, text: line.trim() });
      headingPath = open.map((heading) => heading.text);
      index++;
      continue;
    }
    body.push(line);
  }
  close();

  const document: LoadedDocument = { format: "text", title, sections, meta: {} };
  return document;
}
