import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../../src/app/config.ts";

/**
 * `tutor ingest DIR --course X` then `tutor eval --dataset FILE --course X`, as a new user runs
 * them, on a small course and dataset that are not the bundled AIE101 material
 * (tests/fixtures/eval-course: markdown, plain text and HTML).
 */
const fixture = path.join(packageRoot, "tests", "fixtures", "eval-course");
const tutorBin = path.join(packageRoot, "bin", "tutor.js");

let work: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function tutor(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tutorBin, ...args],
      {
        cwd: work,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? work,
          TUTOR_DATA_DIR: path.join(work, "data"),
          EMBED_WORKERS: "1",
          LOG_LEVEL: "silent",
        },
        timeout: 280_000,
        maxBuffer: 10 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "tutor-eval-cli-"));
  const ingest = await tutor(["ingest", path.join(fixture, "course"), "--course", "hort120", "--json"]);
  expect(ingest.stderr).toBe("");
  expect(ingest.code).toBe(0);
  expect(JSON.parse(ingest.stdout)).toMatchObject({ course: "hort120", documents: 5 });
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("tutor eval on a course folder nobody wrote the harness for", () => {
  it("writes report.json, report.md and report.html and exits 0 without a gate", async () => {
    const out = path.join(work, "reports");
    const run = await tutor([
      "eval",
      "--dataset",
      path.join(fixture, "dataset.jsonl"),
      "--course",
      "hort120",
      "--configs",
      "bm25,hybrid+rerank",
      "--out",
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Eval of dataset\.jsonl on course "hort120": 15 cases/);
    expect(run.stdout).toMatch(/^bm25 +\d\.\d{3}/m);

    const report = JSON.parse(await readFile(path.join(out, "report.json"), "utf8"));
    expect(report).toMatchObject({ dataset: "dataset.jsonl", cases: 15, course: "hort120", warnings: [] });
    expect(Object.keys(report.configs)).toEqual(["bm25", "hybrid+rerank"]);
    expect(report.gate).toBeUndefined();
    // The factual questions use the material's own words: lexical search finds them.
    expect(report.categories.bm25.factual.hit5).toBeGreaterThanOrEqual(0.8);
    for (const metrics of Object.values(report.configs) as Record<string, number | null>[]) {
      for (const value of Object.values(metrics)) if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
    }
    expect(await readFile(path.join(out, "report.md"), "utf8")).toContain(
      "| metric | bm25 | hybrid+rerank |",
    );
    const html = await readFile(path.join(out, "report.html"), "utf8");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|\bsrc=/);
  }, 300_000);

  it("exits 1 and names the regression when a threshold is not met", async () => {
    const thresholds = path.join(work, "thresholds.json");
    await writeFile(
      thresholds,
      JSON.stringify({
        dataset: "dataset.jsonl",
        course: "hort120",
        split: "all",
        configs: { vector: { hit5: 0.1 } },
      }),
    );
    const out = path.join(work, "gated");
    const run = await tutor([
      "eval",
      "--dataset",
      path.join(fixture, "dataset.jsonl"),
      "--course",
      "hort120",
      "--configs",
      "bm25",
      "--thresholds",
      thresholds,
      "--out",
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/vector hit5: not measured < minimum 0\.1/);
    const report = JSON.parse(await readFile(path.join(out, "report.json"), "utf8"));
    expect(report.gate).toMatchObject({ passed: false, split: "all" });
  }, 300_000);

  it("reports bad dataset lines by number and unknown courses clearly", async () => {
    const bad = path.join(work, "bad.jsonl");
    await writeFile(bad, '{"id":"a","category":"factual","question":"q"}\nnot json\n');
    const badRun = await tutor(["eval", "--dataset", bad, "--course", "hort120"]);
    expect(badRun.code).toBe(2);
    expect(badRun.stderr).toMatch(/line 1: expected_sources/);
    expect(badRun.stderr).toMatch(/line 2: not valid JSON/);

    const badConfig = await tutor(["eval", "--configs", "dense", "--course", "hort120"]);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/--configs: unknown configuration "dense"/);

    const unknown = await tutor([
      "eval",
      "--dataset",
      path.join(fixture, "dataset.jsonl"),
      "--course",
      "nope",
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown course "nope"/);
    expect(unknown.stderr).toMatch(/tutor ingest DIR --course nope/);
  }, 300_000);
});
