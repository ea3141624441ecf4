import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, titleFromPath, weekFromPath } from "../../src/ingest/walk.ts";

describe("listFiles", () => {
  it("lists files with forward-slash relative paths, skipping hidden and dependency folders", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-walk-"));
    for (const file of [
      "b.md",
      "a/notes.md",
      ".hidden/x.md",
      "node_modules/p/readme.md",
      ".DS_Store",
      "a/z.txt",
    ]) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), "x");
    }
    expect((await listFiles(dir)).map((f) => f.relative)).toEqual(["a/notes.md", "a/z.txt", "b.md"]);
    await rm(dir, { recursive: true, force: true });
  });

  it("fails clearly for a folder that does not exist", async () => {
    await expect(listFiles("/no/such/folder")).rejects.toThrow(/ENOENT/);
  });
});

describe("titleFromPath and weekFromPath", () => {
  it("makes readable titles, naming generic files after their folder", () => {
    expect(titleFromPath("week-03/notes.md")).toBe("Week 03 notes");
    expect(titleFromPath("intro_to_ml.pdf")).toBe("Intro to ml");
  });
  it("reads week and lecture numbers from paths", () => {
    expect(weekFromPath("week-03/notes.md")).toBe(3);
    expect(weekFromPath("slides/lecture-12.md")).toBe(12);
    expect(weekFromPath("wk7_intro.md")).toBe(7);
    expect(weekFromPath("syllabus.md")).toBeUndefined();
    expect(weekFromPath("weekly-digest.md")).toBeUndefined();
    expect(weekFromPath("lectures/09_deploying_a_model/deployment.md")).toBe(9);
    expect(weekFromPath("2023_reports/summary.md")).toBeUndefined();
    expect(weekFromPath("appendix/01-setup.md")).toBeUndefined();
  });
});
