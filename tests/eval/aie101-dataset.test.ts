import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/app/config.ts";
import type { Db } from "../../src/db/db.ts";
import { checkDatasetAgainstCourse, loadCourseChunks } from "../../src/eval/course-check.ts";
import {
  assignSplits,
  CATEGORIES,
  DECLINE_CATEGORIES,
  type EvalCase,
  parseJsonl,
} from "../../src/eval/dataset.ts";
import { createGrader, type JudgedChunk, normalizeForMatch } from "../../src/eval/relevance.ts";
import { uniqueTerms } from "../../src/text/terms.ts";
import { openSeededDb } from "../helpers/db.ts";

/** The golden set for the bundled course must stay valid against the course as ingested. */
const datasetFile = path.join(packageRoot, "evals", "aie101.jsonl");
const corpusDir = path.join(packageRoot, "corpus");

let cases: EvalCase[];
let chunks: JudgedChunk[];
let db: Db;

beforeAll(async () => {
  const parsed = parseJsonl(await readFile(datasetFile, "utf8"));
  if (!parsed.ok) throw new Error(`evals/aie101.jsonl is invalid: ${JSON.stringify(parsed.problems)}`);
  cases = parsed.cases;
  db = await openSeededDb();
  chunks = await loadCourseChunks(db, "aie101");
});

afterAll(async () => {
  await db?.close();
});

describe("evals/aie101.jsonl", () => {
  it("has at least 150 cases covering every category", () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const category of CATEGORIES) {
      expect(cases.filter((c) => c.category === category).length, category).toBeGreaterThanOrEqual(10);
    }
  });

  it("covers all 14 weeks and the syllabus, projects, FAQ and glossary, with factual and conceptual cases for every week", () => {
    const sources = new Set(cases.flatMap((c) => c.expected_sources));
    for (const doc of ["syllabus.md", "projects.md", "faq.md", "glossary.md"]) expect(sources).toContain(doc);
    for (let week = 1; week <= 14; week++) {
      const source = `week-${String(week).padStart(2, "0")}/notes.md`;
      for (const category of ["factual", "conceptual"] as const) {
        const covered = cases.some((c) => c.category === category && c.expected_sources.includes(source));
        expect(covered, `${category} case for ${source}`).toBe(true);
      }
    }
  });

  it("keeps the deterministic, category-stratified 40/60 dev/test split", () => {
    const expected = assignSplits(cases);
    for (const c of cases) expect(c.split, c.id).toBe(expected.get(c.id));
    for (const category of CATEGORIES) {
      const inCategory = cases.filter((c) => c.category === category);
      const dev = inCategory.filter((c) => c.split === "dev").length;
      expect(Math.abs(dev - inCategory.length * 0.4), category).toBeLessThanOrEqual(1);
    }
  });

  it("has every expected phrase literally (whitespace- and case-insensitively) in an expected source file and chunk", async () => {
    const files = new Map<string, string>();
    const fileText = async (source: string) => {
      let text = files.get(source);
      if (text === undefined) {
        text = normalizeForMatch(await readFile(path.join(corpusDir, source), "utf8"));
        files.set(source, text);
      }
      return text;
    };
    const missing: string[] = [];
    for (const c of cases.filter((c) => !DECLINE_CATEGORIES.has(c.category))) {
      for (const phrase of c.expected_phrases) {
        const needle = normalizeForMatch(phrase);
        let inFile = false;
        for (const source of c.expected_sources) if ((await fileText(source)).includes(needle)) inFile = true;
        const inChunk = chunks.some(
          (chunk) =>
            c.expected_sources.includes(chunk.source) && normalizeForMatch(chunk.text).includes(needle),
        );
        if (!inFile || !inChunk) missing.push(`${c.id}: "${phrase}" (file ${inFile}, chunk ${inChunk})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("gives every expected source of a case at least one chunk holding an expected phrase", () => {
    expect(checkDatasetAgainstCourse(cases, chunks)).toEqual([]);
    for (const c of cases.filter((c) => c.category === "multi")) {
      const grader = createGrader(c);
      const sourcesWithAnswer = new Set(
        chunks.filter((chunk) => grader.grade(chunk) === 2).map((k) => k.source),
      );
      expect(sourcesWithAnswer.size, c.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("words conceptual questions with less overlap with the notes than factual ones", () => {
    const overlap = (c: EvalCase) => {
      const question = uniqueTerms(c.question);
      const notes = new Set(c.expected_phrases.flatMap((p) => uniqueTerms(p)));
      return question.filter((t) => notes.has(t)).length / Math.max(1, question.length);
    };
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const factual = mean(cases.filter((c) => c.category === "factual").map(overlap));
    const conceptual = mean(cases.filter((c) => c.category === "conceptual").map(overlap));
    expect(conceptual).toBeLessThan(factual * 0.6);
  });

  it("leaves sources and phrases empty for the categories the tutor must decline", () => {
    for (const c of cases.filter((c) => DECLINE_CATEGORIES.has(c.category))) {
      expect(c.expected_sources, c.id).toEqual([]);
      expect(c.expected_phrases, c.id).toEqual([]);
    }
  });
});
