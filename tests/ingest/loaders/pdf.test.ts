import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { pdfLoader } from "../../../src/ingest/loaders/pdf.ts";
import { makePdf } from "../../helpers/make-pdf.ts";

describe("makePdf test helper", () => {
  it("writes a PDF whose text unpdf extracts page by page", async () => {
    const bytes = makePdf([["Hello (PDF) world"], ["Second page"]]);
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    expect(totalPages).toBe(2);
    expect(text).toEqual(["Hello (PDF) world", "Second page"]);
  });
});

describe("pdfLoader", () => {
  it("accepts .pdf files and PDF bytes", () => {
    expect(pdfLoader.accepts("week-02/reading.pdf", "")).toBe(true);
    expect(pdfLoader.accepts("week-02/reading.bin", "%PDF-1.4\n")).toBe(true);
    expect(pdfLoader.accepts("week-02/reading.md", "# x")).toBe(false);
  });

  it("makes one section per page with text, located by page number", async () => {
    const bytes = makePdf(
      [
        ["Gradient Descent Explained", "The learning rate sets the step size."],
        [],
        ["Momentum smooths the updates.", "Adam adapts the rate per weight."],
      ],
      { title: "Optimisation Reading" },
    );
    const doc = await pdfLoader.load(bytes, "week-04/reading.pdf", "Fallback");
    expect(doc.format).toBe("pdf");
    expect(doc.title).toBe("Optimisation Reading");
    expect(doc.meta.pageCount).toBe(3);
    expect(doc.sections).toEqual([
      {
        headingPath: [],
        text: "Gradient Descent Explained\nThe learning rate sets the step size.",
        locator: "page 1",
      },
      {
        headingPath: [],
        text: "Momentum smooths the updates.\nAdam adapts the rate per weight.",
        locator: "page 3",
      },
    ]);
  });

  it("leaves the caller's bytes usable (pdf.js gets a copy)", async () => {
    const bytes = makePdf([["Some text"]]);
    const before = bytes.byteLength;
    await pdfLoader.load(bytes, "a.pdf", "Fallback");
    expect(bytes.byteLength).toBe(before);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
  });

  it("takes a short first line as the title when metadata has none", async () => {
    const doc = await pdfLoader.load(makePdf([["Short Title", "Body text follows."]]), "a.pdf", "Fallback");
    expect(doc.title).toBe("Short Title");
    const long =
      "A first line that runs on and on and on, far too long to be the title of any document, so it is not.";
    expect(long.length).toBeGreaterThanOrEqual(100);
    const doc2 = await pdfLoader.load(makePdf([[long]], { fontSize: 6 }), "a.pdf", "Fallback");
    expect(doc2.sections[0]!.text).toBe(long);
    expect(doc2.title).toBe("Fallback");
  });

  it("produces no sections for a PDF without text", async () => {
    const doc = await pdfLoader.load(makePdf([[], []]), "scan.pdf", "Scanned handout");
    expect(doc.sections).toEqual([]);
    expect(doc.title).toBe("Scanned handout");
    expect(doc.meta.pageCount).toBe(2);
  });

  it("rejects bytes that are not a PDF with an error naming the file", async () => {
    await expect(pdfLoader.load(new TextEncoder().encode("not a pdf"), "bad.pdf", "x")).rejects.toThrow(
      /bad\.pdf/,
    );
  });
});
