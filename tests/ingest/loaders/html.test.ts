import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { htmlLoader } from "../../../src/ingest/loaders/html.ts";

const page = readFileSync(new URL("../../fixtures/html/week-05-embeddings.html", import.meta.url));
const loadPage = () => htmlLoader.load(new Uint8Array(page), "week-05/index.html", "Fallback");
const loadSource = (source: string) =>
  htmlLoader.load(new TextEncoder().encode(source), "x.html", "Fallback");

describe("htmlLoader", () => {
  it("accepts .html and .htm files", () => {
    expect(htmlLoader.accepts("a/b.html", "")).toBe(true);
    expect(htmlLoader.accepts("a/b.HTM", "")).toBe(true);
    expect(htmlLoader.accepts("a/b.md", "")).toBe(false);
  });

  it("takes the title from <title> with entities decoded and the url from the canonical link", async () => {
    const doc = await loadPage();
    expect(doc.format).toBe("html");
    expect(doc.title).toBe("Week 5: Transformers & Embeddings");
    expect(doc.url).toBe("https://example.edu/aie101/week-05/");
  });

  it("drops scripts, styles, navigation, header, footer, asides, forms, svg and templates", async () => {
    const text = (await loadPage()).sections.map((section) => section.text).join("\n");
    expect(text).not.toMatch(
      /TRACKING|font-family|NAV-|AIE101 course site|NOSCRIPT|FOOTER|ASIDE|SEARCH-BUTTON|SVG-|TEMPLATE/,
    );
  });

  it("builds heading paths from h2–h6, with the title h1 left out", async () => {
    const doc = await loadPage();
    expect(doc.sections.map((section) => section.headingPath)).toEqual([
      [],
      ["How attention works"],
      ["How attention works", "Scaled dot-product attention"],
      ["Embedding models compared"],
    ]);
  });

  it("extracts paragraphs, loose text, list items, tables, pre, definitions and quotes", async () => {
    const [intro, attention, scaled, models] = (await loadPage()).sections;
    expect(intro!.text).toBe(
      "This week explains how attention works and how sentence embeddings are built — the basis of semantic search.",
    );
    expect(attention!.text).toBe(
      "Each token builds a query, a key and a value.\n\nLoose text directly inside the article also counts.",
    );
    expect(scaled!.text).toBe(
      "Scores are divided by √dk before the softmax, so that large dimensions do not saturate it.\n\n" +
        "Compute query-key dot products.\nScale and apply the softmax.\nTake the weighted sum of values.",
    );
    expect(models!.text).toBe(
      [
        "Model | Dimensions\nMiniLM | 384\nUSE | 512",
        'emb = model.encode(["hello world"])\nprint(emb.shape)',
        "Cosine similarity\nThe cosine of the angle between two vectors.",
        "Normalize embeddings before using the dot product.",
      ].join("\n\n"),
    );
  });

  it("falls back to the first h1, then to the file-name title", async () => {
    expect((await loadSource("<body><h1>Only heading</h1><p>Text.</p></body>")).title).toBe("Only heading");
    expect((await loadSource("<body><p>Just text.</p></body>")).title).toBe("Fallback");
  });

  it("turns <br> into line breaks but treats source newlines as spaces", async () => {
    const doc = await loadSource("<p>one\ntwo<br>three</p>");
    expect(doc.sections[0]!.text).toBe("one two\nthree");
  });
});
