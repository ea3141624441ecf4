import { describe, expect, it } from "vitest";
import { sentenceSpans, splitSentences } from "../../../src/text/sentences/index.ts";

describe("splitSentences", () => {
  it("splits plain prose on full stops, question marks and exclamation marks", () => {
    expect(splitSentences("Models learn. Do they generalise? Only with care! Always test.")).toEqual([
      "Models learn.",
      "Do they generalise?",
      "Only with care!",
      "Always test.",
    ]);
  });

  it("does not split after common abbreviations", () => {
    expect(
      splitSentences(
        "Use a subword tokenizer, e.g. BPE, i.e. a merge-based one. Dr. Smith compares it vs. WordPiece. See Fig. 3 for approx. 5 runs.",
      ),
    ).toEqual([
      "Use a subword tokenizer, e.g. BPE, i.e. a merge-based one.",
      "Dr. Smith compares it vs. WordPiece.",
      "See Fig. 3 for approx. 5 runs.",
    ]);
  });

  it("ends a sentence at etc. when a new sentence follows", () => {
    expect(splitSentences("We tried pandas, numpy, etc. The results were good.")).toEqual([
      "We tried pandas, numpy, etc.",
      "The results were good.",
    ]);
    expect(splitSentences("Libraries such as pandas, numpy, etc. are installed.")).toHaveLength(1);
  });

  it("keeps decimals, version numbers, file names and URLs inside one sentence", () => {
    expect(
      splitSentences(
        "The learning rate was 0.25 with v1.2.3 of the library. Install it from requirements.txt or example.com/docs. Accuracy hit 93.5%.",
      ),
    ).toEqual([
      "The learning rate was 0.25 with v1.2.3 of the library.",
      "Install it from requirements.txt or example.com/docs.",
      "Accuracy hit 93.5%.",
    ]);
  });

  it("keeps initials with the name they belong to but still splits after the pronoun I", () => {
    expect(splitSentences("J. K. Rowling and A. Turing are cited. So did I. Then we left.")).toEqual([
      "J. K. Rowling and A. Turing are cited.",
      "So did I.",
      "Then we left.",
    ]);
  });

  it("handles ellipses, closing quotes and parentheses after the punctuation", () => {
    expect(
      splitSentences('Wait... What happened? He said "stop." Then he left. (This was odd.) Next came more.'),
    ).toEqual([
      "Wait...",
      "What happened?",
      'He said "stop."',
      "Then he left.",
      "(This was odd.)",
      "Next came more.",
    ]);
    expect(splitSentences("The loss fell… and then rose again.")).toHaveLength(1);
  });

  it("does not split before a lower-case word", () => {
    expect(splitSentences("Call fit(). then predict() on the test set.")).toHaveLength(1);
  });

  it("joins soft-wrapped lines of one paragraph", () => {
    expect(
      splitSentences("The training set is the\nportion the model learns from. The test\nset is held out."),
    ).toEqual(["The training set is the portion the model learns from.", "The test set is held out."]);
  });

  it("makes every list line its own sentence and strips bullets and numbers", () => {
    expect(
      splitSentences("- Install Python\n* Create a venv\n+ Add git\n1. Run the tests\n2) Deploy the model"),
    ).toEqual(["Install Python", "Create a venv", "Add git", "Run the tests", "Deploy the model"]);
  });

  it("attaches a label line ending in a colon to what it introduces", () => {
    expect(splitSentences("Key steps:\n- Install Python 3.11.\n- Create a venv.")).toEqual([
      "Key steps: Install Python 3.11.",
      "Create a venv.",
    ]);
    expect(
      splitSentences("A split can fail. When it does, use another:\n\n- Stratified split.\n- Group split."),
    ).toEqual(["A split can fail.", "When it does, use another: Stratified split.", "Group split."]);
  });

  it("keeps a heading line apart from the sentence below it, marked as joining it", () => {
    const text = "Choosing how to split\nA random split assumes independence. It often fails.";
    expect(splitSentences(text)).toEqual([
      "Choosing how to split",
      "A random split assumes independence.",
      "It often fails.",
    ]);
    const [heading, sentence] = sentenceSpans(text);
    expect(heading).toMatchObject({ kind: "heading", joinsNext: true });
    expect(sentence!.joinsNext).toBeUndefined();
  });

  it("keeps a label above code as its own unit that joins the code", () => {
    const spans = sentenceSpans("Run this:\n\n```\npip install numpy\n```");
    expect(spans.map((span) => [span.text, span.kind, span.joinsNext ?? false])).toEqual([
      ["Run this:", "prose", true],
      ["pip install numpy", "code", false],
    ]);
  });

  it("keeps fenced code as one unit, unsplit and verbatim", () => {
    const text =
      "Run this. It is short.\n\n```python\nx = 1. \nprint(x)  # Done. Next\n---\n```\n\nAfter the code. Another one.";
    expect(splitSentences(text)).toEqual([
      "Run this.",
      "It is short.",
      "x = 1.\nprint(x)  # Done. Next\n---",
      "After the code.",
      "Another one.",
    ]);
  });

  it("keeps indented code as one unit", () => {
    expect(splitSentences("Example below.\n\n    a = 1. b = 2\n    print(a)\n\nDone.")).toEqual([
      "Example below.",
      "a = 1. b = 2\nprint(a)",
      "Done.",
    ]);
  });

  it("recognises unfenced code (as loaders leave it) and keeps it whole", () => {
    const text =
      'Log every run. It pays off.\n\nimport mlflow\nwith mlflow.start_run(run_name="base"):\n    mlflow.log_param("C", 1.0)\n    mlflow.log_metric("f1", 0.81)\n\npython3.11 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt | tee log.txt';
    expect(splitSentences(text)).toEqual([
      "Log every run.",
      "It pays off.",
      'import mlflow\nwith mlflow.start_run(run_name="base"):\n    mlflow.log_param("C", 1.0)\n    mlflow.log_metric("f1", 0.81)',
      "python3.11 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt | tee log.txt",
    ]);
    expect(sentenceSpans(text).map((span) => span.kind)).toEqual(["prose", "prose", "code", "code"]);
  });

  it("does not take hard-wrapped prose for code", () => {
    const text =
      "The model is trained for\nten epochs with a learning rate\nof 0.001, then evaluated. It is fine.";
    expect(splitSentences(text)).toEqual([
      "The model is trained for ten epochs with a learning rate of 0.001, then evaluated.",
      "It is fine.",
    ]);
  });

  it("reads each table row as a unit and skips separator rows", () => {
    expect(splitSentences("| Model | F1 |\n| --- | --- |\n| BERT. Base | 0.88 |")).toEqual([
      "Model | F1",
      "BERT. Base | 0.88",
    ]);
  });

  it("splits a very long list item as prose", () => {
    const long = `- ${"This sentence is part of a long bullet. ".repeat(10).trim()}`;
    expect(splitSentences(long)).toHaveLength(10);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\n\t ")).toEqual([]);
  });

  // Its speed is part of the rerank stage's timing in `npm run bench`.
  it("splits a long text of repeated prose and list items into every one of them", () => {
    const text =
      "Attention weighs tokens, e.g. by dot products of 0.5 scale. Does it work? Yes!\n- item one\n".repeat(
        2000,
      );
    const sentences = splitSentences(text);
    expect(sentences.length).toBe(8000);
    expect(new Set(sentences)).toEqual(
      new Set([
        "Attention weighs tokens, e.g. by dot products of 0.5 scale.",
        "Does it work?",
        "Yes!",
        "item one",
      ]),
    );
  });
});

describe("sentenceSpans", () => {
  it("points at the source text, markers and fences included, with only whitespace between spans", () => {
    const text = "Intro line here. Second one.\n\n- First item\n- Second item\n\n```\ncode\n```";
    const spans = sentenceSpans(text);
    expect(spans.map((span) => text.slice(span.start, span.end))).toEqual([
      "Intro line here.",
      "Second one.",
      "- First item",
      "- Second item",
      "```\ncode\n```",
    ]);
    expect(spans.map((span) => span.kind)).toEqual(["prose", "prose", "item", "item", "code"]);
    for (let i = 1; i < spans.length; i++) {
      expect(text.slice(spans[i - 1]!.end, spans[i]!.start).trim()).toBe("");
    }
  });
});
