import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { removeSpeakerNotes, slidesLoader, splitSlides } from "../../../src/ingest/loaders/slides.ts";

const deckPath = "week-04/week-04-neural-networks.md";
const deck = readFileSync(new URL("../../fixtures/slides/week-04-neural-networks.md", import.meta.url));
const loadDeck = () => slidesLoader.load(new Uint8Array(deck), deckPath, "Fallback");
const loadSource = (source: string, path = "deck.md") =>
  slidesLoader.load(new TextEncoder().encode(source), path, "Fallback deck");

describe("slidesLoader.accepts", () => {
  it("recognises the reveal.js fixture by its separators and markup", () => {
    expect(slidesLoader.accepts(deckPath, deck.toString("utf8").slice(0, 4096))).toBe(true);
  });

  it("accepts decks declared in front matter", () => {
    expect(slidesLoader.accepts("intro.md", "---\nformat: slides\n---\n# Hello\n")).toBe(true);
    expect(slidesLoader.accepts("intro.md", "---\ntype: slides\n---\n# Hello\n")).toBe(true);
  });

  it("accepts slide-named files with two separators, and any file with three bare --- lines", () => {
    expect(slidesLoader.accepts("lecture-3.md", "# A\n\n---\n\n# B\n\n--\n\n# C\n")).toBe(true);
    expect(slidesLoader.accepts("notes.md", "# A\n\n---\n\n# B\n")).toBe(false);
    expect(slidesLoader.accepts("notes.md", "# A\n\n---\n\n# B\n\n---\n\n# C\n\n---\n\n# D\n")).toBe(true);
  });

  it("accepts reveal markers on their own", () => {
    expect(slidesLoader.accepts("x.md", '# A\n\n- point <!-- .element: class="fragment" -->\n')).toBe(true);
    expect(slidesLoader.accepts("x.md", "# A\n\nText\n\nNote:\nSpeaker only.\n")).toBe(true);
    expect(slidesLoader.accepts("x.md", '# A\n\n<aside class="notes">psst</aside>\n')).toBe(true);
  });

  it("rejects ordinary notes, separators inside code, and other formats", () => {
    expect(
      slidesLoader.accepts("week-01/notes.md", "# Notes\n\nNote: the test set is sealed.\n\nMore.\n"),
    ).toBe(false);
    expect(slidesLoader.accepts("notes.md", "# Code\n\n```yaml\n---\na: 1\n---\nb: 2\n---\n```\n")).toBe(
      false,
    );
    expect(slidesLoader.accepts("slides.txt", "a\n---\nb\n---\nc\n---\n")).toBe(false);
    expect(slidesLoader.accepts("deck.md", "---\nformat: notes\n---\n# A\n---\n# B\n---\n# C\n---\n")).toBe(
      false,
    );
  });
});

describe("slidesLoader.load on the reveal.js fixture", () => {
  it("takes the deck title, week and slide counts", async () => {
    const doc = await loadDeck();
    expect(doc.format).toBe("slides");
    expect(doc.title).toBe("Week 4: Neural Networks in Practice");
    expect(doc.week).toBe(4);
    expect(doc.meta.slideCount).toBe(10);
    expect(doc.meta.skippedSlides).toBe(1);
    expect(doc.meta.skippedSlideNumbers).toEqual([3]);
    expect(doc.meta.theme).toBe("white");
  });

  it("makes one section per slide with text, numbered over all slides including vertical ones", async () => {
    const doc = await loadDeck();
    expect(doc.sections.map((section) => [section.locator, section.headingPath[0]])).toEqual([
      ["slide 1", "Neural Networks in Practice"],
      ["slide 2", "Today's plan"],
      ["slide 4", "A single neuron"],
      ["slide 5", "Activation functions"],
      ["slide 6", "ReLU in detail"],
      ["slide 7", "Sigmoid in detail"],
      ["slide 8", "A training loop in PyTorch"],
      ["slide 9", "Slide 9"],
      ["slide 10", "Questions?"],
    ]);
    for (const section of doc.sections) expect(section.headingPath).toHaveLength(1);
  });

  it("removes speaker notes, reveal comments, images and HTML tags", async () => {
    const doc = await loadDeck();
    const allText = doc.sections.map((section) => section.text).join("\n");
    expect(allText).not.toMatch(/SECRET|Welcome everyone|\.element|\.slide|<|>|mlp\.png|neuron\.svg/);
    expect(doc.sections[0]!.text).toBe("AIE101 · Week 4");
    expect(doc.sections[1]!.text).toBe(
      "Perceptrons and layers\nActivation functions\nTraining with gradient descent",
    );
    expect(doc.sections[2]!.text).toBe(
      "A neuron computes a weighted sum of its inputs, adds a bias and applies an activation function.",
    );
    expect(doc.sections[7]!.text).toBe(
      "Learning rate too high: the loss diverges.\n\nLearning rate too low: training crawls.",
    );
  });

  it("flattens tables and does not split on --- inside a code block", async () => {
    const doc = await loadDeck();
    expect(doc.sections[3]!.text).toBe(
      "Function | Range | Typical use\nReLU | [0, ∞) | Hidden layers\nSigmoid | (0, 1) | Binary outputs",
    );
    expect(doc.sections[6]!.text).toBe(
      "for epoch in range(3):\n    loss = loss_fn(model(x), y)\n---\n    loss.backward()\n    optimizer.step()\n\n" +
        "The separator-looking line above lives inside the code block.",
    );
  });
});

describe("slide splitting and notes", () => {
  it("splits on three blank lines only when there are no --- separators", () => {
    expect(splitSlides("# A\n\ntext\n\n\n\n# B\n\nmore\n")).toHaveLength(2);
    expect(splitSlides("# A\n\n\n\ntext\n---\n# B\n")).toHaveLength(2);
  });

  it("falls back to the first slide's H1 and then to the file-name title", async () => {
    expect((await loadSource("# Deck heading\n\nHi\n---\n## Two\n\nx\n---\n## Three\n\ny\n")).title).toBe(
      "Deck heading",
    );
    expect((await loadSource("## Not an H1\n\nHi\n---\n## Two\n\nx\n---\n## Three\n\ny\n")).title).toBe(
      "Fallback deck",
    );
  });

  it("cuts notes from a Notes: line to the end of the slide but not inside code", () => {
    expect(removeSpeakerNotes("Visible\nnotes: hidden\nalso hidden")).toBe("Visible");
    expect(removeSpeakerNotes("```\nNote: code comment\n```\nVisible")).toBe(
      "```\nNote: code comment\n```\nVisible",
    );
    expect(removeSpeakerNotes('A\n<aside class="speaker notes">\nhidden\n</aside>\nB')).toBe("A\n\nB");
  });
});

describe("a deck laid out like many published course decks", () => {
  const file = new URL("../../fixtures/slides-course/07_monitoring/monitoring.md", import.meta.url);
  const load = async () => {
    const { readFile } = await import("node:fs/promises");
    const bytes = await readFile(file);
    return slidesLoader.load(bytes, "07_monitoring/monitoring.md", "monitoring");
  };

  it("splits on `----` vertical separators, even right after a heading line", async () => {
    const doc = await load();
    expect(doc.sections.map((s) => s.headingPath[0])).toEqual([
      "ML 300",
      "Silent failures",
      "Input drift",
      "Retraining triggers",
    ]);
  });

  it("drops inline speaker notes, image-only and embed-only slides, and layout markup", async () => {
    const doc = await load();
    const text = doc.sections.map((s) => s.text).join("\n");
    expect(text).not.toMatch(/SPEAKER-ONLY|iframe|<div|\.element|dashboard\.png/);
    expect(text).toContain("population stability index flags shifts above 0.25");
    expect(doc.title).toBe("ML 300: Watching Models in Production");
  });
});
