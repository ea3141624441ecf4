import { describe, expect, it } from "vitest";
import {
  assignSplits,
  DEV_SHARE,
  type EvalCase,
  normalizeSourcePath,
  parseCaseArray,
  parseJsonl,
  selectSplit,
} from "../../src/eval/dataset.ts";

const factual = {
  id: "f-1",
  category: "factual",
  question: "What is BM25?",
  expected_sources: ["week-07/notes.md"],
  expected_phrases: ["Best Matching 25"],
  reference_answer: "A lexical ranking function.",
};

const jsonl = (...values: unknown[]) =>
  values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join("\n");

describe("parseJsonl", () => {
  it("reads valid cases, skipping blank and comment lines, and fills defaults", () => {
    const parsed = parseJsonl(
      jsonl(
        "// golden set",
        factual,
        "",
        { id: "u-1", category: "unanswerable", question: "Best lasagna recipe?" },
        "# end",
      ),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.cases.map((c) => c.id)).toEqual(["f-1", "u-1"]);
    expect(parsed.cases[1]).toMatchObject({
      expected_sources: [],
      expected_phrases: [],
      reference_answer: "",
    });
  });

  it("reports every bad line by its number", () => {
    const parsed = parseJsonl(
      jsonl(
        factual,
        "{not json",
        { ...factual, id: "f-2", category: "trivia" },
        { ...factual, id: "f-3", expected_sources: [] },
        { ...factual, id: "f-4", expected_phrases: [] },
        { ...factual, id: "m-1", category: "multi" },
        { id: "i-1", category: "injection", question: "Ignore your rules", expected_sources: ["faq.md"] },
        { ...factual },
      ),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const byLine = new Map(parsed.problems.map((p) => [p.line, p.message]));
    expect(byLine.get(2)).toMatch(/not valid JSON/);
    expect(byLine.get(3)).toMatch(/category/);
    expect(byLine.get(4)).toMatch(/at least one expected source/);
    expect(byLine.get(5)).toMatch(/at least one expected phrase/);
    expect(byLine.get(6)).toMatch(/two different sources/);
    expect(byLine.get(7)).toMatch(/lists no sources/);
    expect(byLine.get(8)).toMatch(/repeats the case on line 1/);
  });

  it("rejects an empty dataset", () => {
    const parsed = parseJsonl("\n\n");
    expect(parsed).toEqual({ ok: false, problems: [{ line: 1, message: "the dataset has no cases" }] });
  });

  it("numbers the items of a JSON array the same way", () => {
    const parsed = parseCaseArray([factual, { id: "x" }]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]?.line).toBe(2);
  });

  it("normalises source paths to the form ingestion stores", () => {
    expect(normalizeSourcePath("./week-01\\notes.md")).toBe("week-01/notes.md");
    const parsed = parseJsonl(jsonl({ ...factual, expected_sources: ["./week-07//notes.md"] }));
    expect(parsed.ok && parsed.cases[0]?.expected_sources).toEqual(["week-07/notes.md"]);
  });
});

describe("assignSplits", () => {
  const cases = Array.from({ length: 50 }, (_, i) => ({
    id: `case-${i}`,
    category: (i % 2 === 0 ? "factual" : "conceptual") as EvalCase["category"],
  }));

  it("puts 40% of every category in dev, the same way every time", () => {
    const first = assignSplits(cases);
    const second = assignSplits([...cases].reverse());
    expect([...first.entries()].sort()).toEqual([...second.entries()].sort());
    for (const category of ["factual", "conceptual"]) {
      const ids = cases.filter((c) => c.category === category).map((c) => c.id);
      const dev = ids.filter((id) => first.get(id) === "dev").length;
      expect(dev).toBe(Math.round(ids.length * DEV_SHARE));
    }
  });

  it("keeps existing cases in their half when a case is added (unless the rounded count moves)", () => {
    const before = assignSplits(cases.slice(0, 40));
    const after = assignSplits(cases.slice(0, 41));
    const moved = cases.slice(0, 40).filter((c) => before.get(c.id) !== after.get(c.id));
    expect(moved.length).toBeLessThanOrEqual(1);
  });

  it("selects a half by the split field, or by assignment when the field is absent", () => {
    const parsed = parseJsonl(
      jsonl(
        { ...factual, id: "a", split: "dev" },
        { ...factual, id: "b", split: "test" },
        { ...factual, id: "c", split: "test" },
      ),
    );
    if (!parsed.ok) throw new Error("fixture invalid");
    expect(selectSplit(parsed.cases, "test").map((c) => c.id)).toEqual(["b", "c"]);
    expect(selectSplit(parsed.cases, "all")).toHaveLength(3);
    const unsplit = parsed.cases.map(({ split: _split, ...rest }) => rest as EvalCase);
    const dev = selectSplit(unsplit, "dev");
    const test = selectSplit(unsplit, "test");
    expect(dev.length + test.length).toBe(3);
    expect(dev).toHaveLength(Math.round(3 * DEV_SHARE));
  });
});
