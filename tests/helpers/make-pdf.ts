/**
 * Writes a small but valid PDF: one page per entry, each line set in Helvetica, with a correct
 * cross-reference table so strict readers (pdf.js) parse it without repair.
 */
export interface PdfOptions {
  /** Written to the document information dictionary as /Title. */
  title?: string;
  /** Point size of the text; small sizes fit long lines on the page. Defaults to 12. */
  fontSize?: number;
}

function pdfString(text: string): string {
  return `(${text.replace(/\\/g, "\\\\").replace(/\(/g, "\\(").replace(/\)/g, "\\)")})`;
}

function pageContent(lines: string[], fontSize: number): string {
  if (lines.length === 0) return "";
  const shown = lines.map((line, i) => `${i === 0 ? "" : "T* "}${pdfString(line)} Tj`).join("\n");
  return `BT\n/F1 ${fontSize} Tf\n${Math.round(fontSize * 1.4)} TL\n72 720 Td\n${shown}\nET`;
}

/** `pages[i]` holds the text lines of page i + 1 (ASCII; an empty array makes a blank page). */
export function makePdf(pages: string[][], options: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };

  const catalog = add("");
  const pageTree = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const pageIds = pages.map((lines) => {
    const content = pageContent(lines, options.fontSize ?? 12);
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    return add(
      `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 612 792] ` +
        `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  const info = options.title === undefined ? undefined : add(`<< /Title ${pdfString(options.title)} >>`);

  // Every character is ASCII, so string length equals byte length and offsets are exact.
  let output = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(output.length);
    output += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = output.length;
  output += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) output += `${String(offset).padStart(10, "0")} 00000 n \n`;
  output += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ""} >>\n`;
  output += `startxref\n${xrefOffset}\n%%EOF\n`;
  if ([...output].some((char) => char.charCodeAt(0) > 0x7f))
    throw new Error("makePdf only writes ASCII text");
  return new TextEncoder().encode(output);
}
